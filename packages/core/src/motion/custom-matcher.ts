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

  /**
   * The best-matching gesture in the windows ending at `t`, under its threshold, with its
   * distance-to-threshold ratio (ties go to the first gesture, then the shortest window). Each
   * (window, sample) pair gets a cheap lower bound first; pairs are aligned cheapest bound first,
   * and once a bound is over the best ratio so far, no later pair can win.
   */
  private bestAt(t: number, motions: readonly CustomMotion[]): (CustomMotionMatch & { ratio: number }) | null {
    // Windows that start at the same frame have the same shape, whatever gesture they are for.
    const shapes = new Map<number, TimedMotionShape | null>();
    const pairs: { m: CustomMotion; shape: TimedMotionShape; sample: number; bound: number; order: number }[] = [];
    let order = 0;
    for (const m of motions) {
      for (const scale of WINDOW_SCALES) {
        order++;
        const from = t - m.template.duration * scale;
        const first = this.buffer.findIndex((p) => p.t >= from);
        if (first < 0 || this.buffer.length - first < 3 || this.buffer[first]!.t > from + m.template.duration * 0.25) continue;
        if (!shapes.has(first)) shapes.set(first, motionShape(this.buffer.slice(first)));
        const shape = shapes.get(first);
        if (!shape || shape.duration < m.template.duration * 0.4 || shape.duration > m.template.duration * 2.5) continue;
        m.template.lowerBounds(shape).forEach((bound, sample) => pairs.push({ m, shape, sample, bound: bound / m.template.threshold, order }));
      }
    }
    pairs.sort((a, b) => a.bound - b.bound);
    let best: (CustomMotionMatch & { ratio: number; order: number }) | null = null;
    for (const { m, shape, sample, bound, order } of pairs) {
      // Only a distance under the threshold, and no worse than the best so far, can change the outcome.
      const limit = Math.min(1, best?.ratio ?? 1);
      if (bound > limit * (1 + 1e-9)) break;
      const ratio = m.template.sampleDistance(shape, sample, m.template.threshold * limit) / m.template.threshold;
      if (ratio <= 1 && (!best || ratio < best.ratio || (ratio === best.ratio && order < best.order))) best = { gesture: m.name, meaning: m.meaning, startTime: shape.start, score: 1 - ratio / 2, ratio, order };
    }
    return best && { gesture: best.gesture, meaning: best.meaning, startTime: best.startTime, score: best.score, ratio: best.ratio };
  }
}
