import { augmentedViews, turnedAround } from './augment';
import type { ImageUp } from './matching';
import { matchVector, vectorDistance } from './match-vector';
import type { NormalizedLandmarks } from './normalize';

/**
 * Distance unit of a one-sample custom gesture's acceptance region (a match-vector distance; the
 * shape part is ≈ root-mean-square within-class standard deviations); with K samples it is
 * `PRIOR_SPREAD × K^-SPREAD_SHRINK` ({@link SPREAD_SHRINK}). The same for every gesture: a region
 * that grew with the samples' own spread let a loose gesture swallow its neighbours (`three` took
 * `four` hands), and one sample has no spread to measure. Chosen with {@link SPREAD_SHRINK},
 * {@link ORIENTATION_WEIGHT} and {@link CURL_WEIGHT} on part A of `hands/` only (FNV-1a hash of the
 * file name even; `hands-b/` unseen), from {1, 1.25, 1.4, 1.5, 1.6, 1.75, 2}: of the grid points
 * that keep the classify test's confusable warning (see {@link CURL_WEIGHT}), the best mean of
 * (a) `ok`/`one`/`palm`/`peace` registered from one source of part A (sld or subhih) and
 * recognised on the other, with the unregistered-class claims above 5 % penalised, and
 * (b) the within-part-A few-shot protocols of the eval (docs/accuracy.md, "What was fitted, and on what").
 */
export const PRIOR_SPREAD = 1.5;

/**
 * How the acceptance region narrows with the number of samples K: its unit is
 * `PRIOR_SPREAD × K^-SPREAD_SHRINK`. More samples cover more of a gesture's variation, so the same
 * region around each would claim more of its neighbours (on part A, with a fixed width, hands of an
 * unregistered class were claimed by a custom gesture 9–11 % of the time at K=3–5 with samples from
 * one source, against 4 % at K=1). Chosen with
 * {@link PRIOR_SPREAD} from {0, 0.1, 0.15, 0.2, 0.3}.
 */
export const SPREAD_SHRINK = 0.15;

/**
 * Scaled distance (in units of {@link PRIOR_SPREAD}) at which a custom gesture's score falls to e^-½ ≈ 0.61; the score is
 * 0.5 at 1.18 × this. Kept at 2 (1.5 and 3 gave the same development accuracy).
 */
export const SCORE_WIDTH = 2;

/**
 * A custom gesture learnt from a few samples: nearest-neighbour over the samples, their
 * {@link augmentedViews} (the same hand turned ±25° in 3-D) and each one {@link turnedAround}
 * (its other side toward the camera) in match-vector space, with one
 * acceptance width for every gesture, narrowing with the number of samples ({@link PRIOR_SPREAD}, {@link SPREAD_SHRINK}).
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
  /** Match vectors of the samples, their {@link augmentedViews} and each one {@link turnedAround}: what a hand is compared with. */
  readonly views: readonly number[][];
  /** Distance scale of this gesture's acceptance region: {@link PRIOR_SPREAD} × K^-{@link SPREAD_SHRINK} for K samples. */
  readonly scale: number;

  constructor(samples: readonly NormalizedLandmarks[], ups: readonly ImageUp[] = []) {
    this.samples = samples;
    this.scale = PRIOR_SPREAD * Math.max(1, samples.length) ** -SPREAD_SHRINK;
    this.ups = samples.map((_, i) => ups[i] ?? [0, 1]);
    this.vectors = samples.map((s, i) => matchVector(s, this.ups[i]));
    this.views = [
      ...this.vectors,
      ...samples.flatMap((s, i) => augmentedViews(s).map((view) => matchVector(view, this.ups[i]))),
      ...samples.map((s, i) => {
        const { hand, up } = turnedAround(s, this.ups[i]!);
        return matchVector(hand, up);
      }),
    ];
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
   * distance to the nearest sample in units of {@link scale} (or of `unit` when given), so 2 units
   * scores 0.61 and 2.35 units 0.5.
   */
  score(vector: readonly number[], unit = this.scale): number {
    const z = this.nearest(vector, true) / unit / SCORE_WIDTH;
    return Math.exp(-(z * z) / 2);
  }
}
