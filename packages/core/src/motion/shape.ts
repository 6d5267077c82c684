import type { HandLandmarks } from '../types';
import type { TrackPoint } from './track';

/** Points a movement is resampled to, evenly in time. */
export const SHAPE_POINTS = 32;
/** Fingertips (thumb to little finger) whose paths around the palm are part of a movement's shape. */
const TIPS = [4, 8, 12, 16, 20] as const;
/** Weight of the fingertips against the palm's path (the path is the movement; the fingers say how the hand is held). */
const TIP_WEIGHT = 0.35;
/** Weight of the movement's size (the log of its spread in palm sizes): a movement twice as large is a little different, one six times as small is another. */
const SIZE_WEIGHT = 0.25;
/** A hand within this many palm sizes of where it started (or ended) is still at rest there. */
const REST_PALMS = 0.25;
/** Shortest path, in palm sizes, that counts as a movement. */
export const MIN_PATH_PALMS = 1;

/**
 * A movement as motion matching compares it: {@link SHAPE_POINTS} points evenly spaced in time,
 * each the palm centre's position (relative to the movement's mean position, divided by the
 * path's root-mean-square distance from it, so size does not matter; image axes: x right, y down)
 * followed by the five fingertips' offsets from the palm centre (in palm sizes, weighted 0.35: how
 * the hand is held), then the movement's size (0.25 × the log of its spread in palm sizes, the
 * same at every point). `duration` is in ms.
 */
export interface MotionShape {
  duration: number;
  points: number[][];
}

/** A movement's shape, with the time (ms) the hand left its rest. */
export interface TimedMotionShape extends MotionShape {
  start: number;
}

/** The palm's centre: the mean of the wrist and the four knuckles (as the motion stage reads it). */
export function palmCentre(lm: HandLandmarks): [number, number] {
  const joints = [lm[0]!, lm[5]!, lm[9]!, lm[13]!, lm[17]!];
  return [joints.reduce((s, p) => s + p[0], 0) / 5, joints.reduce((s, p) => s + p[1], 0) / 5];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The shape of the movement in a track: the rest before and after it is trimmed (the hand within
 * a quarter palm of where it started or ended), the rest is resampled evenly in time and made
 * independent of where the hand is, how big it looks and how large the movement is. `null` when the hand moves less than
 * one palm size along its path (no movement), or fewer than 3 frames remain.
 *
 * @example
 * const shape = motionShape(motionTrack(sample)); // { duration: 820, points: [[x, y, …], …32] }
 */
export function motionShape(track: readonly TrackPoint[]): TimedMotionShape | null {
  if (track.length < 3) return null;
  // Each point's features: the palm centre (x, y), then the fingertips around it.
  const feats = track.map(featuresOf);
  const palm = median(track.map((p) => p.palm));
  const gap = (i: number, j: number) => Math.hypot(feats[i]![0]! - feats[j]![0]!, feats[i]![1]! - feats[j]![1]!);
  const away = (i: number, from: number) => gap(i, from) > REST_PALMS * palm;
  const lastIndex = track.length - 1;
  let start = 0;
  while (start < lastIndex && !away(start + 1, 0)) start++;
  let end = lastIndex;
  while (end > start && !away(end - 1, lastIndex)) end--;
  if (end - start < 2) return null;
  let path = 0;
  for (let i = start + 1; i <= end; i++) path += gap(i, i - 1);
  if (path < MIN_PATH_PALMS * palm) return null;
  const t0 = track[start]!.t;
  const duration = track[end]!.t - t0;
  const raw: number[][] = [];
  let j = start;
  for (let k = 0; k < SHAPE_POINTS; k++) {
    const t = t0 + (duration * k) / (SHAPE_POINTS - 1);
    while (j < end - 1 && track[j + 1]!.t < t) j++;
    const a = track[j]!;
    const b = track[j + 1]!;
    const w = b.t > a.t ? Math.min(1, Math.max(0, (t - a.t) / (b.t - a.t))) : 0;
    const fb = feats[j + 1]!;
    raw.push(feats[j]!.map((v, i) => v + w * (fb[i]! - v)));
  }
  const mean = [0, 1].map((axis) => raw.reduce((s, p) => s + p[axis]!, 0) / raw.length);
  // The path's own size (root-mean-square distance from its mean): a circle drawn larger is the same circle.
  const spread = Math.sqrt(raw.reduce((s, p) => s + (p[0]! - mean[0]!) ** 2 + (p[1]! - mean[1]!) ** 2, 0) / raw.length) || 1;
  const size = SIZE_WEIGHT * Math.log(spread / palm);
  const points = raw.map((p) => [...p.map((v, i) => (i < 2 ? (v - mean[i]!) / spread : (TIP_WEIGHT * v) / palm)), size]);
  return { duration, points, start: t0 };
}

/** Each track point's features (palm centre first), made once: the motion stage looks at a frame in many windows. */
const FEATURES = new WeakMap<TrackPoint, number[]>();
function featuresOf(p: TrackPoint): number[] {
  let f = FEATURES.get(p);
  if (!f) FEATURES.set(p, (f = features(p.landmarks)));
  return f;
}

/** Palm centre, then each fingertip's offset from it (pixels). */
function features(lm: HandLandmarks): number[] {
  const [cx, cy] = palmCentre(lm);
  const out = [cx, cy];
  for (const tip of TIPS) out.push(lm[tip]![0] - cx, lm[tip]![1] - cy);
  return out;
}
