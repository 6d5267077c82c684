import type { Point3 } from '../types';
import { distance, type NormalizedLandmarks } from './normalize';

/** The five fingers, thumb first. */
export type Finger = 'thumb' | 'index' | 'middle' | 'ring' | 'pinky';

/** Every finger, thumb first, in landmark order. */
export const FINGERS: readonly Finger[] = ['thumb', 'index', 'middle', 'ring', 'pinky'];

/** Landmark indices of each finger's chain from the wrist to the tip. */
export const FINGER_CHAINS: Readonly<Record<Finger, readonly [number, number, number, number, number]>> = {
  thumb: [0, 1, 2, 3, 4],
  index: [0, 5, 6, 7, 8],
  middle: [0, 9, 10, 11, 12],
  ring: [0, 13, 14, 15, 16],
  pinky: [0, 17, 18, 19, 20],
};

const TIPS = [4, 8, 12, 16, 20] as const;

function sub(a: Point3, b: Point3): Point3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

/** Angle between two vectors in radians, in [0, π]; 0 for a zero vector. */
export function angleBetween(u: Point3, v: Point3): number {
  const nu = Math.hypot(...u);
  const nv = Math.hypot(...v);
  if (nu === 0 || nv === 0) return 0;
  const cos = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (nu * nv);
  return Math.acos(Math.min(1, Math.max(-1, cos)));
}

/** Point `i` of canonical landmarks (always defined for a valid hand). */
function at(hand: NormalizedLandmarks, i: number): Point3 {
  return hand[i] as Point3;
}

/**
 * How much each joint of a finger bends, in radians (0 = straight): at the knuckle, the middle
 * joint and the last joint. Bend angles do not change under rotation, scale or mirroring.
 *
 * @example
 * fingerBends(canonical, 'index'); // [0.1, 0.05, 0.02] for a straight index finger
 */
export function fingerBends(hand: NormalizedLandmarks, finger: Finger): [number, number, number] {
  const [a, b, c, d, e] = FINGER_CHAINS[finger].map((i) => at(hand, i)) as [Point3, Point3, Point3, Point3, Point3];
  const bones = [sub(b, a), sub(c, b), sub(d, c), sub(e, d)] as const;
  return [angleBetween(bones[0], bones[1]), angleBetween(bones[1], bones[2]), angleBetween(bones[2], bones[3])];
}

/** Distance between two landmarks in palm sizes. */
export function landmarkDistance(hand: NormalizedLandmarks, i: number, j: number): number {
  return distance(at(hand, i), at(hand, j));
}

/**
 * The shape descriptor used for matching custom gestures: the 15 joint bend angles (radians) and
 * the 10 fingertip-to-fingertip plus 5 fingertip-to-wrist distances (palm sizes). Every entry is
 * invariant to translation, rotation, scale and mirroring, so a wrong handedness or a hand seen
 * from the back changes nothing.
 *
 * @example
 * const features = shapeFeatures(canonical); // length 30
 */
export function shapeFeatures(hand: NormalizedLandmarks): number[] {
  const bends = FINGERS.flatMap((f) => fingerBends(hand, f));
  const tips: number[] = [];
  for (let i = 0; i < TIPS.length; i++) for (let j = i + 1; j < TIPS.length; j++) tips.push(landmarkDistance(hand, TIPS[i] as number, TIPS[j] as number));
  const reach = TIPS.map((t) => landmarkDistance(hand, 0, t));
  return [...bends, ...tips, ...reach];
}
