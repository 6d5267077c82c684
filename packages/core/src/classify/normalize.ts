import type { HandLandmarks, Handedness, Point3 } from '../types';

/** Number of landmarks in a hand (MediaPipe order). */
export const LANDMARK_COUNT = 21;

/**
 * 21 landmarks in the canonical hand frame: wrist at the origin, palm size 1, wrist → middle-finger
 * knuckle pointing up (+y), and every hand drawn as a right hand (left hands mirrored in x).
 */
export type NormalizedLandmarks = Point3[];

/** Landmark indices of the wrist and the four finger knuckles (MCP joints). */
const WRIST = 0;
const KNUCKLES = [5, 9, 13, 17] as const;
const MIDDLE_KNUCKLE = 9;

/** Euclidean distance between two points in 3-D. */
export function distance(a: Point3, b: Point3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/**
 * True when `value` is 21 finite `[x, y, z]` points.
 *
 * @example
 * isHandLandmarks(hand.landmarks); // true
 */
export function isHandLandmarks(value: unknown): value is HandLandmarks {
  if (!Array.isArray(value) || value.length !== LANDMARK_COUNT) return false;
  // Index by index: `.every` skips the holes of a sparse array.
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const point: unknown = value[i];
    if (!Array.isArray(point) || point.length !== 3) return false;
    for (let j = 0; j < 3; j++) if (typeof point[j] !== 'number' || !Number.isFinite(point[j])) return false;
  }
  return true;
}

/**
 * Palm size: the mean wrist-to-knuckle distance in 3-D. It changes little as the fingers move,
 * so dividing by it removes the hand's distance from the camera.
 */
export function palmSize(landmarks: HandLandmarks): number {
  const wrist = landmarks[WRIST] as Point3;
  return KNUCKLES.reduce((sum, i) => sum + distance(wrist, landmarks[i] as Point3), 0) / KNUCKLES.length;
}

/**
 * Moves landmarks (image pixels, y down) into the canonical hand frame: translate the wrist to the
 * origin, flip y so up is positive, divide by {@link palmSize}, rotate in the image plane so the
 * wrist → middle knuckle direction is +y, and mirror left hands so every hand looks like a right hand.
 * Returns `null` for a degenerate hand (palm size 0).
 *
 * @example
 * const canonical = normalizeLandmarks(hand.landmarks, hand.handedness);
 * canonical?.[9]; // ≈ [0, 1, z]: the middle knuckle straight above the wrist
 */
export function normalizeLandmarks(landmarks: HandLandmarks, handedness: Handedness = 'right'): NormalizedLandmarks | null {
  const size = palmSize(landmarks);
  if (!(size > 1e-9)) return null;
  const [wx, wy, wz] = landmarks[WRIST] as Point3;
  const [mx, my] = landmarks[MIDDLE_KNUCKLE] as Point3;
  // Angle of the wrist → middle knuckle vector (y up); rotate it onto +y.
  const angle = Math.atan2(wy - my, mx - wx) - Math.PI / 2;
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  const mirror = handedness === 'left' ? -1 : 1;
  return landmarks.map(([x, y, z]) => {
    const dx = (x - wx) / size;
    const dy = (wy - y) / size;
    return [mirror * (dx * cos - dy * sin), dx * sin + dy * cos, (z - wz) / size];
  });
}

/**
 * Mirrors canonical landmarks in x: what a right hand would look like as a left hand.
 *
 * @example
 * mirrorLandmarks([[0, 0, 0], [0.5, 1, 0]]); // [[-0, 0, 0], [-0.5, 1, 0]]
 */
export function mirrorLandmarks(landmarks: NormalizedLandmarks): NormalizedLandmarks {
  return landmarks.map(([x, y, z]) => [-x, y, z]);
}

/**
 * The image's "up" direction (toward the top of the frame) in the canonical hand frame of
 * {@link normalizeLandmarks}, as a unit `[x, y]`: `[0, 1]` for an upright hand, `[0, -1]` for one
 * whose fingers point down, `[±1, 0]` for a hand turned sideways. Canonical landmarks are rotation
 * free, so this is what tells a thumbs up from a thumbs down. `[0, 1]` for a degenerate hand.
 *
 * @example
 * imageUp(hand.landmarks, hand.handedness); // [0, 1]: the fingers point up in the image
 */
export function imageUp(landmarks: HandLandmarks, handedness: Handedness = 'right'): [number, number] {
  const [wx, wy] = landmarks[WRIST] as Point3;
  const [mx, my] = landmarks[MIDDLE_KNUCKLE] as Point3;
  const length = Math.hypot(mx - wx, my - wy);
  if (!(length > 1e-9)) return [0, 1];
  // The canonical rotation turns (mx - wx, wy - my) onto +y; the same rotation turns image up (0, 1) to (-sin, cos).
  const cos = (wy - my) / length;
  const sin = (mx - wx) / length;
  return [(handedness === 'left' ? -1 : 1) * -sin, cos];
}
