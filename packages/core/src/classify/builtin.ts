import { FINGER_CHAINS, fingerBends, landmarkDistance, type Finger } from './features';
import type { NormalizedLandmarks } from './normalize';
import type { BuiltinGestureName } from './types';

/**
 * Thresholds of the built-in rules. Angles in degrees, distances in palm sizes; each rule is a
 * logistic step `1 / (1 + e^-(value - threshold) / softness)`, so a score of 0.5 sits on the
 * threshold for every gesture. Midpoints between the classes they separate, checked on part A of
 * the fixtures with image-mode (refined) landmarks; see docs/gestures.md.
 */
export const BUILTIN_RULES = {
  /** A finger whose three joints bend less than this in total is extended; more, curled. */
  extendedCurlDeg: 90,
  extendedSoftnessDeg: 10,
  /**
   * A fist's fingertip lies within this distance of its knuckle (an "O" shape does not). On part A
   * a fist's farthest fingertip is 0.37–0.56 from its knuckle (one 0.69), any other hand's ≥ 0.88.
   */
  foldedTipToKnuckle: 0.65,
  foldedSoftness: 0.06,
  /**
   * Thumb tip to ring knuckle: below `thumbTucked` the thumb lies across the palm (`four`, not
   * `palm`). Midway between the widest tucked thumb (`four`, 0.54) and the closest open one (`palm`, 0.64).
   */
  thumbTucked: 0.6,
  /** Thumb tip to ring knuckle: above `thumbOut` the thumb sticks out (`thumbs_up`, not `fist`). */
  thumbOut: 1.2,
  thumbSoftness: 0.05,
  /** Thumb tip to index tip: below this they touch (`ok`). */
  touching: 0.5,
  touchingSoftness: 0.05,
  /**
   * Thumb direction (knuckle → tip) against image up, as a cosine: above this it points up
   * (`thumbs_up`), below minus this down (`thumbs_down`). 0.5 is 60° either side of vertical,
   * set a priori (a thumb pointing sideways is neither).
   */
  thumbVertical: 0.5,
  thumbVerticalSoftness: 0.08,
} as const;

const R = BUILTIN_RULES;
const LONG_FINGERS = ['index', 'middle', 'ring', 'pinky'] as const satisfies readonly Finger[];

function step(value: number, threshold: number, softness: number): number {
  return 1 / (1 + Math.exp(-(value - threshold) / softness));
}

/** Per-hand evidence the built-in rules combine, each in [0, 1]. */
export interface HandPose {
  /** Probability each long finger is extended (straight). */
  extended: Record<(typeof LONG_FINGERS)[number], number>;
  /** Probability each long finger is folded into the palm (tip near its knuckle). */
  folded: Record<(typeof LONG_FINGERS)[number], number>;
  /** Probability the thumb is not tucked across the palm. */
  thumbOpen: number;
  /** Probability the thumb sticks out away from the hand. */
  thumbOut: number;
  /** Probability the thumb and index fingertips touch. */
  pinch: number;
  /** Probability the thumb points up in the image (toward the top of the frame). */
  thumbUp: number;
  /** Probability the thumb points down in the image. */
  thumbDown: number;
}

/**
 * Reads finger states from canonical landmarks with joint angles and palm-relative distances,
 * which are the same for left and right hands, palm or back facing, any rotation and size.
 *
 * @example
 * handPose(canonical).extended.index; // ≈ 1 for a pointing finger
 */
export function handPose(hand: NormalizedLandmarks, up: readonly [number, number] = [0, 1]): HandPose {
  const extended = {} as HandPose['extended'];
  const folded = {} as HandPose['folded'];
  for (const finger of LONG_FINGERS) {
    const curlDeg = (fingerBends(hand, finger).reduce((a, b) => a + b, 0) * 180) / Math.PI;
    const [, knuckle, , , tip] = FINGER_CHAINS[finger];
    extended[finger] = step(-curlDeg, -R.extendedCurlDeg, R.extendedSoftnessDeg);
    folded[finger] = step(-landmarkDistance(hand, knuckle, tip), -R.foldedTipToKnuckle, R.foldedSoftness);
  }
  const thumbReach = landmarkDistance(hand, 4, 13);
  const [bx, by] = hand[2] as [number, number, number];
  const [tx, ty] = hand[4] as [number, number, number];
  const length = Math.hypot(tx - bx, ty - by);
  const thumbCos = length > 1e-9 ? ((tx - bx) * up[0] + (ty - by) * up[1]) / length : 0;
  return {
    extended,
    folded,
    thumbOpen: step(thumbReach, R.thumbTucked, R.thumbSoftness),
    thumbOut: step(thumbReach, R.thumbOut, R.thumbSoftness),
    pinch: step(-landmarkDistance(hand, 4, 8), -R.touching, R.touchingSoftness),
    thumbUp: step(thumbCos, R.thumbVertical, R.thumbVerticalSoftness),
    thumbDown: step(-thumbCos, R.thumbVertical, R.thumbVerticalSoftness),
  };
}

/**
 * Scores every built-in gesture in [0, 1] as a product of finger-state probabilities:
 * - `fist`: all four fingers folded, thumb not sticking out;
 * - `ok`: thumb and index tips touch, middle, ring and pinky extended;
 * - `palm`: all four fingers extended, thumb open, not pinching;
 * - `one`: index extended, the other three curled, thumb not out;
 * - `peace`: index and middle extended, ring and pinky curled, thumb not out;
 * - `thumbs_up` / `thumbs_down`: all four fingers curled, thumb out and pointing up / down in the
 *   image (`up` is {@link imageUp}; canonical landmarks alone cannot tell them apart);
 * - `call`: thumb not tucked, pinky extended, index, middle and ring curled;
 * - `rock`: index and pinky extended, middle and ring curled, thumb not out.
 *
 * @example
 * builtinScores(canonical).palm; // ≈ 0.97 for an open hand
 * builtinScores(canonical, imageUp(hand.landmarks, hand.handedness)).thumbs_down; // ≈ 0.9 for a thumb pointing down
 */
export function builtinScores(hand: NormalizedLandmarks, up: readonly [number, number] = [0, 1]): Record<BuiltinGestureName, number> {
  const { extended: e, folded: f, thumbOpen, thumbOut, pinch, thumbUp, thumbDown } = handPose(hand, up);
  const thumbIn = 1 - thumbOut;
  const fingersCurled = (1 - e.index) * (1 - e.middle) * (1 - e.ring) * (1 - e.pinky);
  return {
    fist: f.index * f.middle * f.ring * f.pinky * thumbIn,
    ok: pinch * e.middle * e.ring * e.pinky,
    palm: e.index * e.middle * e.ring * e.pinky * thumbOpen * (1 - pinch),
    one: e.index * (1 - e.middle) * (1 - e.ring) * (1 - e.pinky) * thumbIn,
    peace: e.index * e.middle * (1 - e.ring) * (1 - e.pinky) * thumbIn,
    thumbs_up: fingersCurled * thumbOut * thumbUp,
    thumbs_down: fingersCurled * thumbOut * thumbDown,
    call: thumbOpen * (1 - e.index) * (1 - e.middle) * (1 - e.ring) * e.pinky,
    rock: e.index * (1 - e.middle) * (1 - e.ring) * e.pinky * thumbIn,
  };
}
