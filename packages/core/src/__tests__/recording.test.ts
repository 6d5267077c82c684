import { firstValueFrom, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { DetectCallOptions, DetectorStats, HandDetector } from '../detect/hand-detector';
import { RecordingError } from '../errors';
import type { GestureEvent } from '../events';
import { resolveOptions } from '../options';
import { assembleRecognizer } from '../recognizer';
import { GESTURE_RECORDING_LIMITS, type GestureRecording } from '../recording/format';
import { createRecorder } from '../recording/recorder';
import { validateRecording } from '../recording/validate';
import { createReplayRecognizer, replayEvents } from '../replay';
import { fromFrames } from '../sources/from-frames';
import { fromRecording } from '../sources/from-recording';
import type { Detection, DetectedHand, Frame, HandLandmarks } from '../types';
import { SHAPES, syntheticHand, transform } from './classify-hands';

// Synthetic landmarks (not a claim about accuracy): the real registry classifies them, live and in
// replay, so these tests check that recording + quantisation + replay keep the events the same.
type Scene = { shape?: keyof typeof SHAPES; face?: boolean };

/** Answers each frame (a `Scene`) with a hand of that shape at a non-round position, plus a face. */
class SceneDetector implements HandDetector {
  readonly stats: DetectorStats = { frames: 0, detectorRuns: 0, landmarkRuns: 0, faceRuns: 0, lastTimings: { detectorMs: 0, landmarksMs: 0, facesMs: 0, totalMs: 0 } };
  async detect(frame: Frame, options: DetectCallOptions = {}): Promise<Detection> {
    const scene = frame as unknown as Scene;
    const t = options.timestamp ?? 0;
    const hands: DetectedHand[] = scene.shape ? [sceneHand(scene.shape, t)] : [];
    const faces = scene.face ? [{ box: [101.234, 55.678, 80.111, 90.999] as DetectedHand['box'], score: 0.93456 }] : [];
    return { hands, faces, present: hands.length > 0 || faces.length > 0, width: 640, height: 480, timestamp: t };
  }
  reset(): void {}
  dispose(): void {}
}

function sceneHand(shape: keyof typeof SHAPES, t: number, id = 1, dx = 300.123): DetectedHand {
  const landmarks: HandLandmarks = transform(syntheticHand(SHAPES[shape]), { deg: 7.3 + Math.sin(t / 97), scale: 0.9137, dx: dx + Math.sin(t / 50), dy: 310.77 });
  const xs = landmarks.map((p) => p[0]);
  const ys = landmarks.map((p) => p[1]);
  const box: DetectedHand['box'] = [Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
  return { id, box, landmarks, handedness: 'right', handednessScore: 0.98765, presence: 0.99123, score: 0.99123 };
}

const scenes = (...parts: [count: number, scene: Scene][]) => parts.flatMap(([n, s]) => Array.from({ length: n }, () => s));
const SESSION = scenes([10, { face: true }], [20, { shape: 'palm', face: true }], [5, { face: true }], [15, { shape: 'fist', face: true }], [60, {}], [10, { shape: 'peace' }]);

function liveRecognizer() {
  return assembleRecognizer({ backend: { name: 'cpu', simd: false, threads: 1, reason: 'fake', tried: [] }, options: resolveOptions({ minHoldMs: 300, awayAfterMs: 1500 }), detector: new SceneDetector() });
}

async function recordSession() {
  const recorder = createRecorder();
  const live = await firstValueFrom(liveRecognizer().events(fromFrames(SESSION as unknown as Frame[], { fps: 10 }), { recorder }).pipe(toArray()));
  return { live, recording: JSON.parse(JSON.stringify(recorder.toJSON())) as GestureRecording };
}

describe('record() and fromRecording()', () => {
  it('replays the exact events of the live run that recorded it', async () => {
    const { live, recording } = await recordSession();
    expect(live.filter((e) => e.type === 'gesture').map((e) => (e as { gesture: string }).gesture)).toEqual(['palm', 'palm', 'fist', 'fist', 'peace', 'peace']);
    expect(live.some((e) => e.type === 'presence' && e.state === 'away')).toBe(true);
    expect(recording.frames).toHaveLength(SESSION.length);
    const replayed = await firstValueFrom(replayEvents(fromRecording(recording, { speed: 'fast' }), { minHoldMs: 300, awayAfterMs: 1500 }).pipe(toArray()));
    expect(replayed).toEqual(live);
  });

  it('keeps 0.1 px and 0.001 of a score, landmarks relative to the box', async () => {
    const { recording } = await recordSession();
    const hand = recording.frames[10]!.hands[0]!;
    for (const v of [...hand.box, ...hand.landmarks]) expect(Math.abs(v * 10 - Math.round(v * 10))).toBeLessThan(1e-6);
    expect(hand.presence).toBe(0.991);
    expect(Math.min(...hand.landmarks.filter((_, i) => i % 3 === 0))).toBe(0);
    expect(recording.detector.mirror).toBe(false);
    expect(recording).toMatchObject({ format: 'gesture-recording', version: 1, width: 640, height: 480 });
  });

  it('replays at recorded speed in virtual time', async () => {
    const { recording } = await recordSession();
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ expectObservable }) => {
      const first = fromRecording({ ...recording, frames: recording.frames.slice(0, 3) }, { scheduler });
      expectObservable(first).toBe('a 99ms b 99ms (c|)', { a: expect.objectContaining({ timestamp: 0 }), b: expect.objectContaining({ timestamp: 100 }), c: expect.objectContaining({ timestamp: 200 }) });
    });
  });

  it('classifies with registered gestures and registry options during replay', async () => {
    const { recording } = await recordSession();
    const replay = createReplayRecognizer({ minHoldMs: 300, meanings: { palm: 'hello' } });
    const report = await replay.gestures.register('peace', [transform(syntheticHand(SHAPES.peace), { deg: 7.3, scale: 0.9 })], { replace: true, meaning: 'vulcan' });
    expect(report.registered).toBe(true);
    const events = await firstValueFrom(replay.events(recording).pipe(toArray()));
    expect(events.find((e) => e.type === 'gesture' && e.gesture === 'palm')).toMatchObject({ meaning: 'hello' });
    expect(events.find((e) => e.type === 'gesture' && e.gesture === 'peace')).toMatchObject({ meaning: 'vulcan' });
    expect(replay.backend).toBeNull();
  });

  it('fits a 1-minute, 30 fps, 2-hand recording in 2 MB', () => {
    const recorder = createRecorder();
    for (let i = 0; i < 1800; i += 1) {
      const t = (i * 1000) / 30;
      recorder.add({ hands: [sceneHand('palm', t, 1, 900.5 + i / 7), sceneHand('fist', t, 2, 300.25 + i / 11)], faces: [{ box: [500.123, 100.456, 200.789, 240.5], score: 0.91234 }], present: true, width: 1280, height: 720, timestamp: t });
    }
    const bytes = Buffer.byteLength(JSON.stringify(recorder.toJSON()));
    console.log(`1-minute 30 fps 2-hand recording: ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThanOrEqual(2_000_000);
  });
});

describe('validateRecording()', () => {
  const good = (): GestureRecording => ({
    format: 'gesture-recording',
    version: 1,
    width: 640,
    height: 480,
    detector: { ...resolveOptions().detector },
    frames: [{ t: 0, hands: [{ id: 1, handedness: 'left', handednessScore: 0.9, presence: 0.9, score: 0.9, box: [1, 2, 3, 4], landmarks: Array(63).fill(1) }], faces: [], present: true }],
  });
  const pathOf = (value: unknown) => {
    try {
      validateRecording(value);
    } catch (error) {
      expect(error).toBeInstanceOf(RecordingError);
      return (error as RecordingError).details.path;
    }
    return null;
  };

  it('accepts a good recording and returns a detached copy', () => {
    const recording = good();
    const copy = validateRecording(recording);
    expect(copy).toEqual(recording);
    expect(copy.frames).not.toBe(recording.frames);
  });

  it('refuses with the JSON path of the first problem', () => {
    expect(pathOf({ ...good(), format: 'gesture-pack' })).toBe('$.format');
    expect(pathOf({ ...good(), version: 2 })).toBe('$.version');
    expect(pathOf({ ...good(), detector: { ...good().detector, maxHands: 0 } })).toBe('$.detector.maxHands');
    const bad = good();
    bad.frames[0]!.hands[0]!.box[2] = -1;
    expect(pathOf(bad)).toBe('$.frames[0].hands[0].box[2]');
    const short = good();
    short.frames[0]!.hands[0]!.landmarks.pop();
    expect(pathOf(short)).toBe('$.frames[0].hands[0].landmarks');
    const back = good();
    back.frames.push({ ...back.frames[0]!, t: -5 });
    expect(pathOf(back)).toBe('$.frames[1].t');
  });

  it('refuses prototype keys, holes and oversize arrays', () => {
    expect(pathOf(JSON.parse('{"__proto__":{"x":1}}'))).toBe('$.__proto__');
    const proto = good();
    Object.defineProperty(proto.frames[0], 'constructor', { value: 1, enumerable: true });
    expect(pathOf(proto)).toBe('$.frames[0].constructor');
    const holes = good();
    delete (holes.frames[0]!.hands[0]!.landmarks as unknown as Record<number, number>)[5];
    expect(pathOf(holes)).toBe('$.frames[0].hands[0].landmarks[5]');
    const many = good();
    many.frames[0]!.hands = Array(GESTURE_RECORDING_LIMITS.maxHands + 1).fill(many.frames[0]!.hands[0]);
    expect(pathOf(many)).toBe('$.frames[0].hands');
    expect(() => fromRecording({ ...good(), width: 0 })).toThrow(RecordingError);
  });
});

describe('replay performance', () => {
  it('replays ≥ 2,000 frames/s (the ratio to real models is in the CLI test)', async () => {
    const frames = scenes([300, { shape: 'palm', face: true }], [300, { shape: 'fist' }], [300, {}], [300, { shape: 'peace' }]);
    const recorder = createRecorder();
    let started = performance.now();
    const live: GestureEvent[] = await firstValueFrom(liveRecognizer().events(fromFrames(frames as unknown as Frame[], { fps: 30 }), { recorder }).pipe(toArray()));
    const liveMs = performance.now() - started;
    const recording = recorder.toJSON();
    started = performance.now();
    const replayed = await firstValueFrom(replayEvents(fromRecording(recording, { speed: 'fast' }), { minHoldMs: 300, awayAfterMs: 1500 }).pipe(toArray()));
    const replayMs = performance.now() - started;
    const fps = frames.length / (replayMs / 1000);
    console.log(`replay: ${Math.round(fps)} frames/s (${frames.length} frames in ${replayMs.toFixed(1)} ms; the live pipeline on a zero-cost fake detector took ${liveMs.toFixed(1)} ms)`);
    expect(replayed).toEqual(live);
    expect(fps).toBeGreaterThanOrEqual(2000);
  });
});


describe('@gesture/core/replay', () => {
  it('imports nothing from TF.js (no model, no backend on the replay path)', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const file of ['replay.js', 'replay.cjs']) {
      const code = await readFile(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
      expect(code).not.toContain('@tensorflow');
      expect(code).toContain('fromRecording');
    }
  });
});
