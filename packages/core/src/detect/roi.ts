import type { Box, HandLandmarks } from '../types';

/** A rotated square region of the image, in pixels: centre, side and rotation (radians, clockwise). */
export interface Roi {
  cx: number;
  cy: number;
  size: number;
  rotation: number;
}

/** Wraps an angle into [-π, π). */
export function normalizeRadians(angle: number): number {
  return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
}

/** The rotation that turns the direction from `from` to `to` so it points straight up. */
export function uprightRotation(from: readonly [number, number], to: readonly [number, number]): number {
  return normalizeRadians(Math.PI / 2 - Math.atan2(-(to[1] - from[1]), to[0] - from[0]));
}

/**
 * MediaPipe's rect transformation: shifts a (rotated) box along its own axes by a fraction of
 * its size, makes it square on its long side and scales it.
 */
export function transformRect(
  rect: { cx: number; cy: number; width: number; height: number; rotation: number },
  scale: number,
  shiftY: number,
): Roi {
  const { cx, cy, width, height, rotation } = rect;
  const dy = height * shiftY;
  return {
    cx: cx - dy * Math.sin(rotation),
    cy: cy + dy * Math.cos(rotation),
    size: Math.max(width, height) * scale,
    rotation,
  };
}

/** Maps a point given in the ROI's own normalised frame (0..1 on both axes) back into image pixels. */
export function roiToImage(roi: Roi, u: number, v: number): [number, number] {
  const a = (u - 0.5) * roi.size;
  const b = (v - 0.5) * roi.size;
  const cos = Math.cos(roi.rotation);
  const sin = Math.sin(roi.rotation);
  return [roi.cx + a * cos - b * sin, roi.cy + a * sin + b * cos];
}

/**
 * The projective transform (`tf.image.transform` layout, 8 numbers) that samples an
 * `outSize`×`outSize` crop of `roi`: each output pixel centre maps to its input pixel position.
 */
export function roiTransform(roi: Roi, outSize: number): number[] {
  const cos = Math.cos(roi.rotation);
  const sin = Math.sin(roi.rotation);
  const k = roi.size / outSize;
  const a0 = k * cos;
  const a1 = -k * sin;
  const b0 = k * sin;
  const b1 = k * cos;
  // Output pixel u (centre u + 0.5) → input edge coordinate, then to pixel-centre coordinate (−0.5).
  const a2 = roi.cx + (0.5 * k - roi.size / 2) * (cos - sin) - 0.5;
  const b2 = roi.cy + (0.5 * k - roi.size / 2) * (sin + cos) - 0.5;
  return [a0, a1, a2, b0, b1, b2, 0, 0];
}

/** MediaPipe's landmarks → next-frame ROI: upright by wrist → middle knuckles, square, scaled 2×, shifted toward the fingers. */
export function landmarksToRoi(landmarks: HandLandmarks): Roi {
  const wrist = landmarks[0]!;
  const pick = (i: number) => landmarks[i]!;
  const mid: [number, number] = [
    ((pick(5)[0] + pick(13)[0]) / 2 + pick(9)[0]) / 2,
    ((pick(5)[1] + pick(13)[1]) / 2 + pick(9)[1]) / 2,
  ];
  const rotation = uprightRotation([wrist[0], wrist[1]], mid);
  // Bounding box of the palm-and-finger-base points in the hand's own rotated frame.
  const ids = [0, 1, 2, 3, 5, 6, 9, 10, 13, 14, 17, 18];
  const cos = Math.cos(-rotation);
  const sin = Math.sin(-rotation);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const i of ids) {
    const [x, y] = pick(i);
    const rx = x * cos - y * sin;
    const ry = x * sin + y * cos;
    minX = Math.min(minX, rx); maxX = Math.max(maxX, rx);
    minY = Math.min(minY, ry); maxY = Math.max(maxY, ry);
  }
  const rcx = (minX + maxX) / 2;
  const rcy = (minY + maxY) / 2;
  // Back to image space.
  const cx = rcx * Math.cos(rotation) - rcy * Math.sin(rotation);
  const cy = rcx * Math.sin(rotation) + rcy * Math.cos(rotation);
  return transformRect({ cx, cy, width: maxX - minX, height: maxY - minY, rotation }, 2.0, -0.1);
}

/** The axis-aligned bounding box of a set of landmarks. */
export function landmarksBox(landmarks: HandLandmarks): Box {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of landmarks) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX - minX, maxY - minY];
}

/** Intersection over union of two boxes. */
export function iou(a: Box, b: Box): number {
  const x1 = Math.max(a[0], b[0]);
  const y1 = Math.max(a[1], b[1]);
  const x2 = Math.min(a[0] + a[2], b[0] + b[2]);
  const y2 = Math.min(a[1] + a[3], b[1] + b[3]);
  const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0;
}
