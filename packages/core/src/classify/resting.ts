import type { Box, DetectedFace, HandLandmarks, Handedness, Point3 } from '../types';

/**
 * Why a hand reads as resting rather than showing a gesture:
 * - `hanging`: the fingers point down (an arm hanging at the side, a hand dangling);
 * - `on-head`: the hand is over the top of a face (scratching the head, a hand on the hair);
 * - `on-body`: a relaxed shape (open hand, loose fist, `ok`-like curl) well below the face, seen
 *   from the back and not held upright (a hand on the chest or the belly); with no face in view,
 *   such a hand anywhere (hands on a desk or a lap, seen by a camera too far for the face detector).
 */
export type RestingReason = 'hanging' | 'on-head' | 'on-body';

/**
 * Thresholds of {@link restingReason}, set a priori from the geometry they name (round values,
 * not fitted). Face-relative distances are in face heights, from the face box's centre to the hand
 * box's centre, y down.
 */
export const RESTING_RULES = {
  /** Wrist → middle knuckle against image up, as a cosine: below this the fingers point down (30° below horizontal). */
  hangingUpCos: -0.5,
  /** A hand centre this far above the face centre, and within `headHalfWidth` of it sideways, is on the head. */
  aboveFace: 0.4,
  headHalfWidth: 0.6,
  /** A hand centre this far below the face centre is at chest height or lower. */
  belowFace: 0.7,
  /** Palm normal toward the camera (−1) or away (+1): above this the back of the hand faces the camera. */
  backFacing: 0.5,
  /** Wrist → middle knuckle cosine with image up below which a hand is not held upright. */
  uprightCos: 0.8,
} as const;

/** The shapes a relaxed hand falls into by itself: only these are checked for `on-body`. */
export const RELAXED_SHAPES: readonly string[] = ['palm', 'fist', 'ok'];

const R = RESTING_RULES;

function sub(a: Point3, b: Point3): Point3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

/**
 * Which way the palm faces, from the 3-D landmarks: about −1 when the palm faces the camera, +1
 * when the back of the hand does, 0 when the hand is seen edge-on.
 *
 * @example
 * palmFacing(hand.landmarks, hand.handedness); // -0.99: palm to the camera
 */
export function palmFacing(landmarks: HandLandmarks, handedness: Handedness): number {
  const wrist = landmarks[0] as Point3;
  const a = sub(landmarks[5] as Point3, wrist);
  const b = sub(landmarks[17] as Point3, wrist);
  const n: Point3 = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  const length = Math.hypot(...n);
  if (!(length > 1e-9)) return 0;
  return ((handedness === 'right' ? -1 : 1) * n[2]) / length;
}

/** The hand in question: what detect gives for it. */
export interface RestingHandInput {
  landmarks: HandLandmarks;
  handedness: Handedness;
  box: Box;
}

/**
 * Why the hand is resting rather than gesturing, or `null` when it may be showing `gesture`.
 * Uses what the detector already knows: the fingers' direction, the hand's position against the
 * nearest face, which side of the hand faces the camera, and the shape it reads as.
 *
 * @example
 * restingReason(hand, detection.faces, 'palm'); // 'on-body' for a hand flat on the chest
 */
export function restingReason(hand: RestingHandInput, faces: readonly DetectedFace[], gesture: string): RestingReason | null {
  const { landmarks, handedness, box } = hand;
  const [wx, wy] = landmarks[0] as Point3;
  const [mx, my] = landmarks[9] as Point3;
  const length = Math.hypot(mx - wx, my - wy);
  const upCos = length > 1e-9 ? (wy - my) / length : 1;
  if (upCos < R.hangingUpCos) return 'hanging';
  const relaxed = upCos < R.uprightCos && RELAXED_SHAPES.includes(gesture) && palmFacing(landmarks, handedness) > R.backFacing ? 'on-body' : null;
  const face = nearestFace(box, faces);
  // No face to place it against: a relaxed hand seen from the back, not held up, is resting.
  if (!face) return relaxed;
  const [fx, fy, fw, fh] = face.box;
  if (!(fh > 0)) return null;
  const dx = (box[0] + box[2] / 2 - (fx + fw / 2)) / fh;
  const dy = (box[1] + box[3] / 2 - (fy + fh / 2)) / fh;
  if (dy < -R.aboveFace && Math.abs(dx) < R.headHalfWidth) return 'on-head';
  return dy > R.belowFace ? relaxed : null;
}

/** The face whose centre is nearest the hand box's centre. */
function nearestFace(box: Box, faces: readonly DetectedFace[]): DetectedFace | undefined {
  const cx = box[0] + box[2] / 2;
  const cy = box[1] + box[3] / 2;
  let best: DetectedFace | undefined;
  let bestDistance = Infinity;
  for (const face of faces) {
    const [x, y, w, h] = face.box;
    const d = Math.hypot(x + w / 2 - cx, y + h / 2 - cy);
    if (d < bestDistance) {
      bestDistance = d;
      best = face;
    }
  }
  return best;
}
