import { FINGERS, fingerBends, shapeVector } from './features';
import type { ImageUp } from './matching';
import type { NormalizedLandmarks } from './normalize';
import { referenceData } from './reference';
import type { BuiltinGestureName } from './types';

// The match vector, what built-in arbitration and custom gestures compare, apart from the
// custom-gesture model (sample-model.ts): the core's first chunk needs this part only, and the
// model with its augmented views loads with the registration code (registration-code.ts).

/**
 * Weight of the hand's orientation in the image ({@link imageUp}, two numbers) in a match vector,
 * in match-vector units: a hand turned a quarter turn lies 3 × √2 ≈ 4.2 from the same shape upright,
 * one turned upside down 6 (so thumbs up and thumbs down differ). Chosen from {1.5, 3} with
 * {@link PRIOR_SPREAD}, on part A only.
 */
export const ORIENTATION_WEIGHT = 3;

/**
 * Weight of each finger's total bend (radians; 0 straight, about π curled) in a match vector, in
 * units per radian: a finger curled instead of straight puts two hands about 3.5–4 apart
 * whatever the rest of the shape, so gestures one finger apart (`three` and `four`, `peace` and
 * `one`) stay apart. Bends are rotation-, size- and mirror-invariant. Chosen from
 * {1, 1.25, 1.5, 1.75, 2, 3} with {@link PRIOR_SPREAD}, on part A only (1.5 scored a little higher
 * there but left `asl_digit_6` and `three`, one handshape from two sources, below the registration
 * report's confusable similarity, which packages/core/src/__tests__/classify-accuracy.test.ts requires).
 */
export const CURL_WEIGHT = 1.25;

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

const weighted = new Map<BuiltinGestureName, number[][]>();

/**
 * A built-in gesture's reference hands as match vectors ({@link matchVector}): the stored whitened
 * shape vectors with their orientation times {@link ORIENTATION_WEIGHT} and finger bends times
 * {@link CURL_WEIGHT} (stored unweighted, so the weights can be re-chosen without new data).
 *
 * @example
 * referenceVectors('ok').length; // 21 reference hands
 */
export function referenceVectors(builtin: BuiltinGestureName): readonly number[][] {
  let vectors = weighted.get(builtin);
  if (!vectors) {
    const shape = referenceData().whitening.length;
    vectors = referenceData().references[builtin].map((r) => r.map((v, i) => (i < shape ? v : i < shape + 2 ? ORIENTATION_WEIGHT * v : CURL_WEIGHT * v)));
    weighted.set(builtin, vectors);
  }
  return vectors;
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
