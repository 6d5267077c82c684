import { palmSize } from '../classify/normalize';
import type { HandLandmarks } from '../types';
import { motionShape, type TimedMotionShape } from './shape';
import type { MotionTemplate } from './template';
import type { TrackPoint } from './track';

/** A custom motion gesture as the motion stage sees it. */
export interface CustomMotion {
  name: string;
  meaning: string | null;
  template: MotionTemplate;
}

/** Where the motion stage reads the custom motion gestures from, at every frame (a `GestureRegistry` is one). */
export interface CustomMotionSource {
  customMotions(): readonly CustomMotion[];
}

/** A custom motion recognised in a hand's track. */
export interface CustomMotionMatch {
  gesture: string;
  meaning: string | null;
  /** When the movement started (the hand left its rest). */
  startTime: number;
  /** 1 for a perfect match, 0.5 at the gesture's acceptance threshold. */
  score: number;
}

/** Lengths of the windows looked at, as multiples of a gesture's median sample duration (the rest around a movement is trimmed). */
const WINDOW_SCALES = [0.45, 0.6, 0.75, 0.9, 1.1, 1.35, 1.7, 2.1] as const;
/** A match is reported once no better one has come for this long. */
const SETTLE_MS = 200;

/**
 * Finds custom motion gestures in one hand's track as frames arrive: at each frame, the windows
 * ending there (of a few lengths around each gesture's own duration) are compared with the
 * gesture's samples by dynamic time warping; the best window under a gesture's threshold becomes a
 * candidate, and is reported once nothing better has come for 200 ms (or the hand is gone). The
 * frames of a reported movement are not used again. Pure: time is the frames' timestamps.
 *
 * @example
 * const matcher = new CustomMotionMatcher();
 * const found = matcher.push(t, hand.landmarks, registry.customMotions()); // null, or { gesture, startTime, score }
 */
export class CustomMotionMatcher {
  private buffer: TrackPoint[] = [];
  private candidate: (CustomMotionMatch & { ratio: number; end: number }) | null = null;

  /** Adds the hand's landmarks at time `t`; returns a match when one is decided at this frame. */
  push(t: number, landmarks: HandLandmarks, motions: readonly CustomMotion[]): CustomMotionMatch | null {
    if (motions.length === 0) {
      this.buffer = [];
      this.candidate = null;
      return null;
    }
    const palm = palmSize(landmarks);
    if (!(palm > 1e-6)) return null;
    this.buffer.push({ t, landmarks, palm });
    const longest = Math.max(...motions.map((m) => m.template.duration)) * WINDOW_SCALES[WINDOW_SCALES.length - 1]! + 2 * SETTLE_MS;
    while (this.buffer.length > 2 && this.buffer[0]!.t < t - longest) this.buffer.shift();
    const best = this.bestAt(t, motions);
    if (best && (!this.candidate || best.ratio < this.candidate.ratio)) this.candidate = { ...best, end: t };
    if (this.candidate && t - this.candidate.end >= SETTLE_MS) return this.take();
    return null;
  }

  /** True while a match waits to settle (a better one may still come). */
  get pending(): boolean {
    return this.candidate !== null;
  }

  /** The hand is gone or the frames ended: a candidate waiting to settle is reported now. */
  flush(): CustomMotionMatch | null {
    const found = this.candidate ? this.take() : null;
    this.buffer = [];
    return found;
  }

  private take(): CustomMotionMatch {
    const { gesture, meaning, startTime, score, end } = this.candidate!;
    this.candidate = null;
    // The movement is spent: its frames cannot start another match.
    this.buffer = this.buffer.filter((p) => p.t > end);
    return { gesture, meaning, startTime, score };
  }

  /** The best-matching gesture in the windows ending at `t`, under its threshold, with its distance-to-threshold ratio. */
  private bestAt(t: number, motions: readonly CustomMotion[]): (CustomMotionMatch & { ratio: number }) | null {
    let best: (CustomMotionMatch & { ratio: number }) | null = null;
    // Windows that start at the same frame have the same shape, whatever gesture they are for.
    const shapes = new Map<number, TimedMotionShape | null>();
    for (const m of motions) {
      for (const scale of WINDOW_SCALES) {
        const from = t - m.template.duration * scale;
        const first = this.buffer.findIndex((p) => p.t >= from);
        if (first < 0 || this.buffer.length - first < 3 || this.buffer[first]!.t > from + m.template.duration * 0.25) continue;
        if (!shapes.has(first)) shapes.set(first, motionShape(this.buffer.slice(first)));
        const shape = shapes.get(first);
        if (!shape || shape.duration < m.template.duration * 0.4 || shape.duration > m.template.duration * 2.5) continue;
        // Only a distance under the threshold, and better than the best so far, can change the outcome.
        const ratio: number = m.template.distance(shape, m.template.threshold * Math.min(1, best?.ratio ?? 1)) / m.template.threshold;
        if (ratio <= 1 && (!best || ratio < best.ratio)) best = { gesture: m.name, meaning: m.meaning, startTime: shape.start, score: 1 - ratio / 2, ratio };
      }
    }
    return best;
  }
}
