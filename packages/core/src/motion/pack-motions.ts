import type { MotionShape } from './shape';
import { SHAPE_POINTS } from './shape';

/** Numbers in each point of a movement's shape: the palm centre (x, y), five fingertips (x, y) and the movement's size. */
export const MOTION_SHAPE_WIDTH = 13;
/** Longest movement a motion sample may hold, in ms. */
export const MAX_MOTION_MS = 60_000;

/**
 * One custom motion gesture in a gesture pack (version 2): its name, meaning, acceptance
 * threshold (a DTW distance in palm sizes) and the shapes of its recorded samples, each
 * `SHAPE_POINTS` (32) points of 13 numbers (see `motionShape()`), never the recordings themselves.
 */
export interface GesturePackMotion {
  name: string;
  meaning: string | null;
  threshold: number;
  samples: MotionShape[];
}

type Fail = (path: string, expected: string, received: unknown) => never;
type CheckArray = (value: unknown, path: string, min: number, max: number) => unknown[];
type CheckObject = (value: unknown, path: string, keys: readonly string[]) => Record<string, unknown>;

const finiteWithin = (v: unknown, max: number) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= max;

/**
 * Validates one motion sample of a pack (`{ duration, points }`), with the pack's own checks so
 * errors name the JSON path; returns a fresh copy.
 */
export function checkMotionSample(value: unknown, path: string, maxCoordinate: number, fail: Fail, checkObject: CheckObject, checkArray: CheckArray): MotionShape {
  const sample = checkObject(value, path, ['duration', 'points']);
  if (!finiteWithin(sample.duration, MAX_MOTION_MS) || (sample.duration as number) <= 0) fail(`${path}.duration`, `a number of ms in (0, ${MAX_MOTION_MS}]`, sample.duration);
  const points = checkArray(sample.points, `${path}.points`, SHAPE_POINTS, SHAPE_POINTS).map((point, i) =>
    checkArray(point, `${path}.points[${i}]`, MOTION_SHAPE_WIDTH, MOTION_SHAPE_WIDTH).map((v, j) => {
      if (!finiteWithin(v, maxCoordinate)) fail(`${path}.points[${i}][${j}]`, `a finite number within ±${maxCoordinate}`, v);
      return v as number;
    }),
  );
  return { duration: sample.duration as number, points };
}
