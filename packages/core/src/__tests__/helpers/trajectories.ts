import type { MotionFrame, MotionHand } from '../../stages/motion';
import type { HandLandmarks } from '../../types';

/** A frame size like a webcam's. */
export const FRAME = { width: 640, height: 480 } as const;

/** Where a hand's palm is at time `t` (ms), as fractions of the frame, or `null` when it is not seen. */
export type Path = (t: number) => { x: number; y: number } | null;

/** One hand moving along `path`: a real landmark set (21 points, pixels) translated so its palm follows it. */
export interface MovingHand {
  id: number;
  landmarks: HandLandmarks;
  path: Path;
  /** Ids to switch to at the given times (the detector finding the hand again after a loss). */
  idAfter?: [t: number, id: number][];
}

function centre(landmarks: HandLandmarks): { x: number; y: number } {
  const joints = [0, 5, 9, 13, 17].map((i) => landmarks[i]!);
  return { x: joints.reduce((s, p) => s + p[0], 0) / 5, y: joints.reduce((s, p) => s + p[1], 0) / 5 };
}

/** The hand's landmarks moved so its palm is at `at` (pixels). */
function place(landmarks: HandLandmarks, at: { x: number; y: number }): HandLandmarks {
  const c = centre(landmarks);
  return landmarks.map(([x, y, z]) => [x - c.x + at.x, y - c.y + at.y, z]);
}

function boxOf(landmarks: HandLandmarks): [number, number, number, number] {
  const xs = landmarks.map((p) => p[0]);
  const ys = landmarks.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
}

/**
 * Frames at `fps` from 0 to `durationMs`, with each hand where its path says. `drop` leaves out
 * frames (a slow or busy camera); `jitter` adds uniform noise of that many pixels (seeded).
 */
export function trajectoryFrames(hands: MovingHand[], options: { fps: number; durationMs: number; drop?: (index: number) => boolean; jitter?: number; seed?: number; mirror?: boolean }): MotionFrame[] {
  let s = options.seed ?? 1;
  const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const frames: MotionFrame[] = [];
  for (let i = 0; (i * 1000) / options.fps <= options.durationMs; i++) {
    if (options.drop?.(i)) continue;
    const t = (i * 1000) / options.fps;
    const seen: MotionHand[] = [];
    for (const hand of hands) {
      const at = hand.path(t);
      if (!at) continue;
      const j = options.jitter ?? 0;
      let landmarks = place(hand.landmarks, { x: at.x * FRAME.width + j * random(), y: at.y * FRAME.height + j * random() });
      if (options.mirror) landmarks = landmarks.map(([x, y, z]) => [FRAME.width - x, y, z]);
      const id = [...(hand.idAfter ?? [])].reverse().find(([after]) => t >= after)?.[1] ?? hand.id;
      seen.push({ id, handedness: 'right', box: boxOf(landmarks), landmarks });
    }
    frames.push({ hands: seen, ...FRAME, timestamp: t });
  }
  return frames;
}

/** Rests at `from` until `startMs`, moves in a straight line to `to` over `moveMs` (eased), then rests. */
export function sweep(from: { x: number; y: number }, to: { x: number; y: number }, startMs: number, moveMs: number): Path {
  return (t) => {
    const u = Math.min(1, Math.max(0, (t - startMs) / moveMs));
    const e = u * u * (3 - 2 * u);
    return { x: from.x + (to.x - from.x) * e, y: from.y + (to.y - from.y) * e };
  };
}

/** Swings side to side around `centre` with `amplitude` (fraction of the width) and `periodMs`, from `startMs` for `durationMs`, at rest otherwise. */
export function waving(centre: { x: number; y: number }, amplitude: number, periodMs: number, startMs: number, durationMs: number): Path {
  return (t) => {
    const u = t < startMs || t > startMs + durationMs ? 0 : Math.sin((2 * Math.PI * (t - startMs)) / periodMs);
    return { x: centre.x + amplitude * u, y: centre.y };
  };
}

/** Seen only between `fromMs` and `toMs`. */
export function visible(path: Path, fromMs: number, toMs = Infinity): Path {
  return (t) => (t >= fromMs && t <= toMs ? path(t) : null);
}

/** The landmarks scaled so the hand's box is `width` pixels wide (a webcam hand is ~15 % of 640 px). */
export function scaleTo(landmarks: HandLandmarks, width: number): HandLandmarks {
  const [x0, y0, w] = boxOf(landmarks);
  const k = width / w;
  return landmarks.map(([x, y, z]) => [(x - x0) * k, (y - y0) * k, z * k]);
}
