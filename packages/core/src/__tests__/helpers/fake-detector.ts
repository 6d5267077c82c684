import { GestureRegistry } from '../../classify/registry';
import type { ClassifiedHand, Recognition } from '../../classify/types';
import type { DetectCallOptions, DetectorStats, HandDetector } from '../../detect/hand-detector';
import { InvalidFrameError } from '../../errors';
import { resolveOptions } from '../../options';
import { assembleRecognizer, type GestureRecognizer } from '../../recognizer';
import type { Detection, DetectedHand, Frame, Handedness } from '../../types';

/**
 * A scripted frame for the fake detector: who is in view and what each hand "shows". For timing
 * and event logic only: it says nothing about recognition accuracy.
 */
export interface ScriptedFrame {
  hands?: { id: number; gesture: string; score?: number; handedness?: Handedness }[];
  /** A face in view (presence without hands). */
  face?: boolean;
  /** Makes the detector throw `InvalidFrameError` for this frame. */
  bad?: boolean;
}

const MEANINGS: Record<string, string> = { fist: 'no', ok: 'yes', palm: 'question', one: 'comment', peace: 'goodbye' };

type ScriptedHand = DetectedHand & { gesture: string; gestureScore: number };

/** A `HandDetector` that reads the scripted frame and answers after `delayMs` (real time). Counts calls and overlaps. */
export class FakeHandDetector implements HandDetector {
  readonly stats: DetectorStats = { frames: 0, detectorRuns: 0, landmarkRuns: 0, faceRuns: 0, lastTimings: { detectorMs: 0, landmarksMs: 0, facesMs: 0, totalMs: 0 } };
  busy = 0;
  maxBusy = 0;
  resets = 0;
  disposed = false;
  readonly timestamps: number[] = [];

  constructor(public delayMs = 0) {}

  async detect(frame: Frame, options: DetectCallOptions = {}): Promise<Detection> {
    if (this.disposed) throw new Error('FakeHandDetector used after dispose()');
    this.busy += 1;
    this.maxBusy = Math.max(this.maxBusy, this.busy);
    try {
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const script = (frame ?? {}) as ScriptedFrame;
      if (script.bad) throw new InvalidFrameError('Scripted bad frame.', { expected: 'a good frame', received: 'a bad one' });
      this.stats.frames += 1;
      this.timestamps.push(options.timestamp ?? 0);
      const hands: ScriptedHand[] = (script.hands ?? []).map((h) => ({
        id: h.id,
        box: [0, 0, 10, 10],
        landmarks: [],
        handedness: h.handedness ?? 'right',
        handednessScore: 1,
        presence: 1,
        score: 1,
        gesture: h.gesture,
        gestureScore: h.score ?? 0.9,
      }));
      const faces = script.face ? [{ box: [0, 0, 10, 10] as [number, number, number, number], score: 1 }] : [];
      return { hands, faces, present: hands.length > 0 || faces.length > 0, width: 10, height: 10, timestamp: options.timestamp ?? 0 };
    } finally {
      this.busy -= 1;
    }
  }

  reset(): void {
    this.resets += 1;
  }

  dispose(): void {
    this.disposed = true;
  }
}

/** A registry that reads the fake detector's scripted gestures instead of classifying landmarks. */
export class ScriptedRegistry extends GestureRegistry {
  override classify(detection: Detection): Recognition {
    return {
      ...detection,
      hands: detection.hands.map((hand): ClassifiedHand => {
        const { gesture, gestureScore } = hand as ScriptedHand;
        return { ...hand, gesture, meaning: MEANINGS[gesture] ?? null, score: gestureScore };
      }),
    };
  }
}

/** A recognizer on the fake detector (no backend, no models). */
export function fakeRecognizer(detector = new FakeHandDetector(), options: Parameters<typeof resolveOptions>[0] = {}, tried: GestureRecognizer['backend']['tried'] = [{ name: 'wasm', ok: true }]): GestureRecognizer {
  return assembleRecognizer({
    backend: { name: 'wasm', simd: true, threads: 1, reason: 'fake', tried },
    options: resolveOptions(options),
    detector,
    registry: new ScriptedRegistry(),
  });
}

/** Builds a script: `[count, frame]` pairs repeated. */
export function script(...parts: [count: number, frame: ScriptedFrame][]): ScriptedFrame[] {
  return parts.flatMap(([count, frame]) => Array.from({ length: count }, () => frame));
}
