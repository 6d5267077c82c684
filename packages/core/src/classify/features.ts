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

const TIPS = [4, 8, 12, 16, 20] as const;
const KNUCKLES = [5, 9, 13, 17] as const;

/**
 * The shape vector the few-shot matcher compares (59 numbers, before whitening): x and y of the
 * 20 non-wrist canonical landmarks, then the 10 fingertip-to-fingertip distances, the 5
 * fingertip-to-wrist distances and the 4 thumb-tip-to-knuckle distances (3-D, in palm sizes).
 *
 * @example
 * shapeVector(canonical).length; // 59
 */
export function shapeVector(hand: NormalizedLandmarks): number[] {
  const out = hand.slice(1).flatMap(([x, y]) => [x, y]);
  for (let i = 0; i < TIPS.length; i++) for (let j = i + 1; j < TIPS.length; j++) out.push(landmarkDistance(hand, TIPS[i] as number, TIPS[j] as number));
  for (const t of TIPS) out.push(landmarkDistance(hand, t, 0));
  for (const k of KNUCKLES) out.push(landmarkDistance(hand, 4, k));
  return out;
}

