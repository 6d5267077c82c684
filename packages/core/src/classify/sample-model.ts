import { shapeVector } from './features';
import type { NormalizedLandmarks } from './normalize';
import type { ImageUp } from './matching';
import { SHAPE_WHITENING } from './reference-data';

/**
 * Spread the matcher assumes for any gesture before it has seen samples, as a whitened distance
 * (≈ root-mean-square within-class standard deviations). Set a priori to 1 (one standard deviation);
 * 0.7 and 1.4 gave the same development accuracy.
 */
export const PRIOR_SPREAD = 1;

/**
 * Scaled distance (in spreads) at which a custom gesture's score falls to e^-½ ≈ 0.61; the score is
 * 0.5 at 1.18 × this. Kept at 2 (1.5 and 3 gave the same development accuracy).
 */
export const SCORE_WIDTH = 2;

/**
 * Weight of the hand's orientation in the image ({@link imageUp}, two numbers) in a match vector,
 * in spreads: a hand turned a quarter turn lies 1.5 × √2 ≈ 2.1 spreads from the same shape
 * upright, one turned upside down 3 (so thumbs up and thumbs down differ). Set a priori.
 */
export const ORIENTATION_WEIGHT = 1.5;

/**
 * The vector the few-shot matcher compares: the {@link shapeVector} whitened by the within-class
 * covariance measured on development data, so Euclidean distance weighs every landmark coordinate
 * and fingertip distance by how much it varies within one gesture; then the hand's orientation in
 * the image (`up`, see {@link imageUp}) times {@link ORIENTATION_WEIGHT}.
 *
 * @example
 * matchVector(normalizeLandmarks(hand.landmarks, hand.handedness)).length; // 61
 */
export function matchVector(hand: NormalizedLandmarks, up: ImageUp = [0, 1]): number[] {
  const x = shapeVector(hand);
  const v = SHAPE_WHITENING.map((row) => row.reduce((sum, w, k) => sum + w * (x[k] as number), 0));
  v.push(ORIENTATION_WEIGHT * up[0], ORIENTATION_WEIGHT * up[1]);
  return v;
}

/**
 * Euclidean distance between two match vectors of the same length.
 *
 * @example
 * vectorDistance(matchVector(handA), matchVector(handB)); // 0 for the same hand shape
 */
export function vectorDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/**
 * A custom gesture learnt from a few samples: nearest-neighbour over the samples in the whitened
 * space, with a distance scaled by how much the samples vary (a loose gesture accepts more than a tight one).
 *
 * @example
 * const model = new SampleModel([canonicalA, canonicalB, canonicalC]);
 * model.score(matchVector(canonicalQuery)); // in [0, 1]; 0.5 is the accept threshold
 */
export class SampleModel {
  /** The normalised samples, as given. */
  readonly samples: readonly NormalizedLandmarks[];
  /** Each sample's orientation in its image ({@link imageUp}); upright when not given. */
  readonly ups: readonly ImageUp[];
  /** The samples' match vectors. */
  readonly vectors: readonly number[][];
  /** Distance scale of this gesture: its samples' mean nearest-neighbour distance, pooled with {@link PRIOR_SPREAD}. */
  readonly scale: number;

  constructor(samples: readonly NormalizedLandmarks[], ups: readonly ImageUp[] = []) {
    this.samples = samples;
    this.ups = samples.map((_, i) => ups[i] ?? [0, 1]);
    this.vectors = samples.map((s, i) => matchVector(s, this.ups[i]));
    const nearest = this.vectors.map((v, i) => Math.min(...this.vectors.filter((_, j) => j !== i).map((w) => vectorDistance(v, w))));
    const spread = nearest.length > 1 ? nearest.reduce((a, b) => a + b, 0) / nearest.length : 0;
    this.scale = Math.hypot(spread, PRIOR_SPREAD);
  }

  /** Distance from a match vector to the nearest sample (unscaled). */
  nearest(vector: readonly number[]): number {
    let best = Infinity;
    for (const v of this.vectors) best = Math.min(best, vectorDistance(vector, v));
    return best;
  }

  /**
   * Similarity of a match vector to this gesture in [0, 1]: `exp(-½ (z / SCORE_WIDTH)²)` for the
   * distance to the nearest sample in units of {@link scale}, so 2 spreads scores 0.61 and 2.35 spreads 0.5.
   */
  score(vector: readonly number[]): number {
    const z = this.nearest(vector) / this.scale / SCORE_WIDTH;
    return Math.exp(-(z * z) / 2);
  }
}
