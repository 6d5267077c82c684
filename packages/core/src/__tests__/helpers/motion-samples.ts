import type { TimedLandmarks } from '../../motion/track';
import type { HandLandmarks, Point3 } from '../../types';

/** A plain open hand (21 landmarks, pixels, palm size about 64) with its palm centre near (cx, cy). */
export function openHand(cx: number, cy: number): HandLandmarks {
  const points: Point3[] = [[cx, cy + 40, 0]];
  for (let k = 1; k <= 4; k++) points.push([cx - 20 - 12 * k, cy + 30 - 10 * k, 0]);
  for (let f = 0; f < 4; f++) for (let k = 0; k < 4; k++) points.push([cx - 24 + 16 * f, cy - 20 - 18 * k, 0]);
  return points;
}

/** Paths from u = 0 to 1, in hand widths (about 64 px): where the palm is, relative to where it started. */
export const PATHS = {
  circle: (u: number) => ({ x: 1.8 * Math.sin(2 * Math.PI * u), y: 1.8 * (1 - Math.cos(2 * Math.PI * u)) }),
  zigzag: (u: number) => (u < 1 / 3 ? { x: 9 * u, y: 0 } : u < 2 / 3 ? { x: 3 - 9 * (u - 1 / 3), y: 7.5 * (u - 1 / 3) } : { x: 9 * (u - 2 / 3), y: 2.5 }),
  right: (u: number) => ({ x: 4 * u * u * (3 - 2 * u), y: 0 }),
} as const;

/**
 * One performance as timed landmark frames: at rest for `restMs`, along `path` over `moveMs`
 * (`size` times as large), at rest again; `fps` frames a second, `wobble` px of seeded noise.
 */
export function performance(path: (u: number) => { x: number; y: number }, options: { moveMs: number; fps?: number; restMs?: number; size?: number; start?: { x: number; y: number }; wobble?: number; seed?: number; t0?: number }): TimedLandmarks[] {
  const { moveMs, fps = 15, restMs = 400, size = 1, start = { x: 200, y: 200 }, wobble = 0, t0 = 0 } = options;
  let s = options.seed ?? 7;
  const noise = () => (((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1) * wobble;
  const frames: TimedLandmarks[] = [];
  for (let t = 0; t <= moveMs + 2 * restMs; t += 1000 / fps) {
    const u = Math.min(1, Math.max(0, (t - restMs) / moveMs));
    const p = path(u);
    frames.push({ timestamp: t0 + t, landmarks: openHand(start.x + 64 * size * p.x + noise(), start.y + 64 * size * p.y + noise()), handedness: 'right' });
  }
  return frames;
}
