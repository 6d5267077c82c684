import type { HandLandmarks, Point3 } from '../types';

/** Finger states of a synthetic hand: `true` extended, `false` curled into the palm. */
export interface Shape {
  thumb: 'out' | 'tucked' | 'pinch';
  index: boolean | 'pinch';
  middle: boolean;
  ring: boolean;
  pinky: boolean;
}

const UP: Point3 = [0, -1, 0];
const CURL: Point3[] = [[0, 0, -1], [0, 1, 0], [0, Math.SQRT1_2, Math.SQRT1_2]];
const HALF: Point3[] = [[0, -Math.SQRT1_2, -Math.SQRT1_2], [0, 0, -1], [0, 0.5, -0.8]];

function walk(start: Point3, dirs: Point3[], lengths: number[]): Point3[] {
  const points: Point3[] = [];
  let p = start;
  dirs.forEach((d, i) => {
    const l = lengths[i] as number;
    p = [p[0] + d[0] * l, p[1] + d[1] * l, p[2] + d[2] * l];
    points.push(p);
  });
  return points;
}

/**
 * A geometric right hand (palm size ≈ 100 px, wrist at the origin, fingers up, image y down).
 * Synthetic shapes for unit tests of the rules' invariances — not a claim about accuracy.
 */
export function syntheticHand(shape: Shape): HandLandmarks {
  const lengths = [40, 25, 20];
  const finger = (x: number, state: boolean | 'pinch'): Point3[] => {
    const knuckle: Point3 = [x, -100, 0];
    return [knuckle, ...walk(knuckle, state === 'pinch' ? HALF : state ? [UP, UP, UP] : CURL, lengths)];
  };
  const index = finger(-30, shape.index);
  const thumbBase: Point3 = [-35, -25, 0];
  let thumb: Point3[];
  if (shape.thumb === 'out') thumb = [thumbBase, [-60, -45, 0], [-75, -65, 0], [-85, -85, 0]];
  else if (shape.thumb === 'tucked') thumb = [thumbBase, [-30, -45, -15], [-10, -55, -20], [5, -60, -20]];
  else {
    const tip = index[3] as Point3;
    thumb = [thumbBase, [-45, -50, -15], [-40, -75, -30], [tip[0] - 3, tip[1], tip[2]]];
  }
  return [[0, 0, 0], ...thumb, ...index, ...finger(-10, shape.middle), ...finger(10, shape.ring), ...finger(30, shape.pinky)];
}

/** The five built-in shapes plus a few that must read `none`. */
export const SHAPES = {
  fist: { thumb: 'tucked', index: false, middle: false, ring: false, pinky: false },
  ok: { thumb: 'pinch', index: 'pinch', middle: true, ring: true, pinky: true },
  palm: { thumb: 'out', index: true, middle: true, ring: true, pinky: true },
  one: { thumb: 'tucked', index: true, middle: false, ring: false, pinky: false },
  peace: { thumb: 'tucked', index: true, middle: true, ring: false, pinky: false },
  rock: { thumb: 'tucked', index: true, middle: false, ring: false, pinky: true },
  four: { thumb: 'tucked', index: true, middle: true, ring: true, pinky: true },
} as const satisfies Record<string, Shape>;

/** Rotates (degrees, in the image plane), scales and translates landmarks; `mirror` flips x. */
export function transform(hand: HandLandmarks, { deg = 0, scale = 1, dx = 300, dy = 300, mirror = false } = {}): HandLandmarks {
  const r = (deg * Math.PI) / 180;
  return hand.map(([x, y, z]) => {
    const mx = mirror ? -x : x;
    return [dx + scale * (mx * Math.cos(r) - y * Math.sin(r)), dy + scale * (mx * Math.sin(r) + y * Math.cos(r)), scale * z];
  });
}
