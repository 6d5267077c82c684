import { dtwDistance, dtwEnvelope, dtwLowerBound, type DtwEnvelope } from './dtw';
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

  /** Each sample's DTW envelope, made at the first match (see {@link dtwLowerBound}). */
  private envelopes: DtwEnvelope[] | null = null;

  /**
   * The DTW distance from a movement to the nearest sample, in palm sizes. With `limit`, a
   * distance over it may read `Infinity` (samples that cannot come under it are skipped, their
   * alignments abandoned): distances up to `limit` are exact.
   */
  distance(shape: MotionShape, limit = Infinity): number {
    const bounds = this.lowerBounds(shape);
    let best = Infinity;
    bounds.forEach((bound, i) => {
      const within = Math.min(best, limit);
      if (bound <= within * (1 + 1e-9)) best = Math.min(best, this.sampleDistance(shape, i, within));
    });
    return best;
  }

  /** A lower bound of the DTW distance from a movement to each sample (cheap: see {@link dtwLowerBound}). */
  lowerBounds(shape: MotionShape): number[] {
    const n = shape.points.length;
    if (this.envelopes?.[0]?.n !== n) this.envelopes = this.samples.map((s) => dtwEnvelope(s.points, n));
    return this.envelopes.map((e, i) => dtwLowerBound(shape.points, e, this.samples[i]!.points.length));
  }

  /** The DTW distance from a movement to sample `i`; `Infinity` may stand for any distance over `limit`. */
  sampleDistance(shape: MotionShape, i: number, limit = Infinity): number {
    return dtwDistance(shape.points, this.samples[i]!.points, limit);
  }
}
