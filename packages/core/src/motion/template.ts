import { dtwDistance } from './dtw';
import type { MotionShape } from './shape';

/** Acceptance threshold of a motion gesture learnt from one sample (nothing to leave out): a DTW distance, in palm sizes. */
export const SINGLE_SAMPLE_THRESHOLD = 0.6;
/** The threshold is this many times the largest leave-one-out distance among the samples… */
export const THRESHOLD_MARGIN = 1.6;
/** …and never below this (samples recorded almost identically would otherwise accept nothing else). */
export const MIN_THRESHOLD = 0.35;

/**
 * Each sample's distance to the nearest other sample (dynamic time warping over the movements'
 * shapes): how far a new performance may be from the ones seen and still be one of them.
 *
 * @example
 * leaveOneOutDistances([a, b, c]); // [0.21, 0.18, 0.3]
 */
export function leaveOneOutDistances(samples: readonly MotionShape[]): number[] {
  return samples.map((s, i) => Math.min(...samples.filter((_, j) => j !== i).map((o) => dtwDistance(s.points, o.points))));
}

/**
 * The acceptance threshold for a gesture learnt from `samples`: {@link THRESHOLD_MARGIN} × the
 * largest leave-one-out distance, at least {@link MIN_THRESHOLD}; {@link SINGLE_SAMPLE_THRESHOLD}
 * for one sample. So three recordings are enough: their spread says how much the gesture varies.
 *
 * @example
 * acceptanceThreshold([a, b, c]); // 0.48
 */
export function acceptanceThreshold(samples: readonly MotionShape[]): number {
  if (samples.length < 2) return SINGLE_SAMPLE_THRESHOLD;
  return Math.max(MIN_THRESHOLD, THRESHOLD_MARGIN * Math.max(...leaveOneOutDistances(samples)));
}

/**
 * A custom motion gesture: the shapes of its recorded samples and the largest distance from them
 * that is still this gesture.
 *
 * @example
 * const wave = new MotionTemplate([a, b, c]);
 * wave.distance(shape) <= wave.threshold; // a performance of it
 */
export class MotionTemplate {
  readonly samples: readonly MotionShape[];
  readonly threshold: number;
  /** The median duration of the samples' movements, in ms. */
  readonly duration: number;

  constructor(samples: readonly MotionShape[], threshold = acceptanceThreshold(samples)) {
    this.samples = samples;
    this.threshold = threshold;
    const durations = samples.map((s) => s.duration).sort((a, b) => a - b);
    this.duration = durations[Math.floor(durations.length / 2)] ?? 0;
  }

  /**
   * The DTW distance from a movement to the nearest sample, in palm sizes. With `limit`, a
   * distance over it may read `Infinity` (alignments are abandoned once over the limit or the
   * nearest so far): distances up to `limit` are exact.
   */
  distance(shape: MotionShape, limit = Infinity): number {
    let best = Infinity;
    for (const sample of this.samples) best = Math.min(best, dtwDistance(shape.points, sample.points, Math.min(best, limit)));
    return best;
  }
}
