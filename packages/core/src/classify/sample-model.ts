import { augmentedViews } from './augment';
import { FINGERS, fingerBends, shapeVector } from './features';
import type { NormalizedLandmarks } from './normalize';
import type { ImageUp } from './matching';
import { referenceData } from './reference';

/**
 * Distance unit of every custom gesture's acceptance region (a match-vector distance; the shape
 * part is ≈ root-mean-square within-class standard deviations). The same for every gesture and
 * every K: a region that grew with the samples' spread let a loose gesture swallow its neighbours
 * (`three` took `four` hands). Picked from {1, 1.25, 1.5} on a small grid whose figures covered
 * both fixture sets (hands-b included: see docs/accuracy.md, "What was fitted, and on what").
 */
export const PRIOR_SPREAD = 1.25;

/**
 * Scaled distance (in units of {@link PRIOR_SPREAD}) at which a custom gesture's score falls to e^-½ ≈ 0.61; the score is
 * 0.5 at 1.18 × this. Kept at 2 (1.5 and 3 gave the same development accuracy).
 */
export const SCORE_WIDTH = 2;

/**
 * Weight of the hand's orientation in the image ({@link imageUp}, two numbers) in a match vector,
 * in match-vector units: a hand turned a quarter turn lies 3 × √2 ≈ 4.2 from the same shape upright,
 * one turned upside down 6 (so thumbs up and thumbs down differ). Picked from {0.75, 1.5, 3} with
 * {@link PRIOR_SPREAD}.
 */
export const ORIENTATION_WEIGHT = 3;

/**
 * Weight of each finger's total bend (radians; 0 straight, about π curled) in a match vector, in
 * units per radian: a finger curled instead of straight puts two hands about 3 apart
 * whatever the rest of the shape, so `three` and `four` (one finger apart) stay apart. Bends are
 * rotation-, size- and mirror-invariant. Picked from {0.5, 1}.
 */
export const CURL_WEIGHT = 1;

/**
 * The vector the few-shot matcher compares: the {@link shapeVector} whitened by the within-class
 * covariance measured on development data, so Euclidean distance weighs every landmark coordinate
 * and fingertip distance by how much it varies within one gesture; then the hand's orientation in
 * the image (`up`, see {@link imageUp}) times {@link ORIENTATION_WEIGHT}; then each finger's total
 * bend times {@link CURL_WEIGHT}.
 *
 * @example
 * matchVector(normalizeLandmarks(hand.landmarks, hand.handedness)).length; // 66
 */
export function matchVector(hand: NormalizedLandmarks, up: ImageUp = [0, 1]): number[] {
  const x = shapeVector(hand);
  const v = referenceData().whitening.map((row) => row.reduce((sum, w, k) => sum + w * (x[k] as number), 0));
  v.push(ORIENTATION_WEIGHT * up[0], ORIENTATION_WEIGHT * up[1]);
  for (const finger of FINGERS) v.push(CURL_WEIGHT * fingerBends(hand, finger).reduce((a, b) => a + b, 0));
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
 * A custom gesture learnt from a few samples: nearest-neighbour over the samples and their
 * {@link augmentedViews} (the same hand turned ±25° in 3-D) in match-vector space, with one
 * acceptance width ({@link PRIOR_SPREAD}) for every gesture.
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
  /** Match vectors of the samples and of their {@link augmentedViews}: what a hand is compared with. */
  readonly views: readonly number[][];
  /** Distance scale of this gesture's acceptance region: {@link PRIOR_SPREAD}. */
  readonly scale = PRIOR_SPREAD;

  constructor(samples: readonly NormalizedLandmarks[], ups: readonly ImageUp[] = []) {
    this.samples = samples;
    this.ups = samples.map((_, i) => ups[i] ?? [0, 1]);
    this.vectors = samples.map((s, i) => matchVector(s, this.ups[i]));
    this.views = [...this.vectors, ...samples.flatMap((s, i) => augmentedViews(s).map((view) => matchVector(view, this.ups[i])))];
  }

  /**
   * Distance from a match vector to the nearest sample (unscaled); with `views`, to the nearest
   * sample or {@link augmentedViews | view} of one (what acceptance uses; arbitration against a
   * built-in compares real samples only).
   */
  nearest(vector: readonly number[], views = false): number {
    let best = Infinity;
    for (const v of views ? this.views : this.vectors) best = Math.min(best, vectorDistance(vector, v));
    return best;
  }

  /**
   * Similarity of a match vector to this gesture in [0, 1]: `exp(-½ (z / SCORE_WIDTH)²)` for the
   * distance to the nearest sample in units of {@link scale}, so 2 units scores 0.61 and 2.35 units 0.5.
   */
  score(vector: readonly number[]): number {
    const z = this.nearest(vector, true) / this.scale / SCORE_WIDTH;
    return Math.exp(-(z * z) / 2);
  }
}
