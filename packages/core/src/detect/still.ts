import * as tf from '@tensorflow/tfjs-core';
import type { Box, Frame, FrameData } from '../types';
import type { LandmarkResult } from './hand-landmarks';
import type { Roi } from './roi';

// "Has anything changed here?": a 16×16 grey thumbnail of a region, compared with the one taken
// when the models last looked at it. What lets a hand (or a scene) that holds still skip a model run.
// Also the part of a raw-pixel frame a tracked hand's crop reads, so its frame converts no more.
// Loaded lazily by loadHandDetector() (its own chunk, outside the 30 kB initial bundle); it imports
// nothing of the core's, so no module moves into a chunk that other imports share.

/** A 16×16 grey thumbnail (row-major, 0–255) of an axis-aligned region: each cell the mean of 3×3 samples. */
export type Thumbnail = Float32Array;

/** Samples per thumbnail side: 16 cells × 3. */
const N = 48;

/** The frame's raw pixels, or `null` for a tensor or browser source (validated by the detector before). */
const rawPixels = (frame: Frame): FrameData | null => (frame instanceof tf.Tensor || !('data' in frame) ? null : (frame as FrameData));

/**
 * The thumbnail of `box` in a frame of raw pixels, read straight from its bytes (no tensor, no
 * copy); `null` for any other frame kind (use {@link thumbnailOf} with the frame's tensor).
 * Points outside the frame read as the nearest edge pixel.
 */
export function pixelThumbnail(frame: Frame, box: Box): Thumbnail | null {
  const raw = rawPixels(frame);
  if (!raw) return null;
  const { data, width, height, channels = 4 } = raw;
  const out = new Float32Array(256);
  for (let i = 0; i < N * N; i++) {
    const x = Math.min(width - 1, Math.max(0, Math.floor(box[0] + (((i % N) + 0.5) * box[2]) / N)));
    const y = Math.min(height - 1, Math.max(0, Math.floor(box[1] + ((((i / N) | 0) + 0.5) * box[3]) / N)));
    const p = (y * width + x) * channels;
    const cell = ((i / N / 3) | 0) * 16 + (((i % N) / 3) | 0);
    out[cell] = out[cell]! + (data[p]! + data[p + 1]! + data[p + 2]!) / 27;
  }
  return out;
}

/**
 * The landmark model's answer for the hand in `roi` of a raw-pixel frame, in frame pixels, from
 * only the part of the frame its crop reads (the rotated square's bounding box, 2 px more for the
 * bilinear neighbours, within the frame) made into a tensor: the same crop as from the whole
 * frame, but on a 1280×720 video frame with one tracked hand a tenth of the pixels are converted.
 * `null` for any other frame kind (the caller converts the whole frame).
 */
export async function regionLandmarks(frame: Frame, roi: Roi, estimate: (image: tf.Tensor4D, roi: Roi) => Promise<LandmarkResult>): Promise<LandmarkResult | null> {
  const raw = rawPixels(frame);
  if (!raw) return null;
  const { data, width, height, channels = 4 } = raw;
  const r = (roi.size / 2) * (Math.abs(Math.cos(roi.rotation)) + Math.abs(Math.sin(roi.rotation))) + 2;
  const x0 = Math.max(0, Math.floor(roi.cx - r));
  const y0 = Math.max(0, Math.floor(roi.cy - r));
  const w = Math.min(width, Math.ceil(roi.cx + r)) - x0;
  const h = Math.min(height, Math.ceil(roi.cy + r)) - y0;
  if (!(w > 0 && h > 0)) return null;
  // The RGB(A) → float copy of frame.ts's frameToTensor(), for a sub-rectangle: written again here
  // because this chunk imports nothing of the core's (see the top of the file).
  const rgb = new Float32Array(w * h * 3);
  for (let y = 0, j = 0; y < h; y++) {
    for (let x = 0, i = ((y0 + y) * width + x0) * channels; x < w; x++, i += channels, j += 3) {
      rgb[j] = data[i]!;
      rgb[j + 1] = data[i + 1]!;
      rgb[j + 2] = data[i + 2]!;
    }
  }
  const image = tf.tensor4d(rgb, [1, h, w, 3]);
  try {
    const result = await estimate(image, { ...roi, cx: roi.cx - x0, cy: roi.cy - y0 });
    return { ...result, landmarks: result.landmarks.map(([x, y, z]) => [x + x0, y + y0, z]) };
  } finally {
    image.dispose();
  }
}

/** The thumbnail of `box` from a frame already converted to a `[1, h, w, 3]` tensor (browser sources, tensors, worker bitmaps). */
export async function thumbnailOf(image: tf.Tensor4D, box: Box): Promise<Thumbnail> {
  const [, h, w] = image.shape;
  const small = tf.tidy(() => tf.mean(tf.reshape(tf.image.cropAndResize(image, [[box[1] / (h - 1), box[0] / (w - 1), (box[1] + box[3]) / (h - 1), (box[0] + box[2]) / (w - 1)]], [0], [N, N]), [16, 3, 16, 3, 3]), [1, 3, 4]));
  try {
    return (await small.data()) as Thumbnail;
  } finally {
    small.dispose();
  }
}

/** How two thumbnails differ, in grey levels (0–255): `[mean absolute difference, largest difference of one cell]`. */
export function thumbnailChange(a: Thumbnail, b: Thumbnail): [mean: number, max: number] {
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    sum += d;
    max = Math.max(max, d);
  }
  return [sum / a.length, max];
}

/** Mean grey-level change of a hand's thumbnail below which it has not moved. */
export const STILL_HAND_CHANGE = 2;
/** Grey-level change of any one cell of the whole frame's thumbnail from which the scene has changed. */
export const STILL_SCENE_CHANGE = 10;

/**
 * Mean grey-level change of the whole frame's thumbnail from which a hand may have come close
 * enough to fill it: such a hand covers half the frame or more, 30 or more grey levels off what was
 * behind it. People moving about a room change it by 3–13.
 */
export const CLOSE_UP_CHANGE = 15;

/** Whether a hand's thumbnail `now` shows the hand as it was in `then` (mean change < STILL_HAND_CHANGE). */
export const isStillHand = (now: Thumbnail, then: Thumbnail): boolean => thumbnailChange(now, then)[0] < STILL_HAND_CHANGE;
/** Whether the whole frame's thumbnail `now` shows the scene of `then` (no cell changed by STILL_SCENE_CHANGE). */
export const isStillScene = (now: Thumbnail, then: Thumbnail): boolean => thumbnailChange(now, then)[1] < STILL_SCENE_CHANGE;

/** Whether the whole frame `now` is too like `then` for a hand to have come close enough to fill it (mean change < CLOSE_UP_CHANGE). */
export const isNoCloseUp = (now: Thumbnail, then: Thumbnail): boolean => thumbnailChange(now, then)[0] < CLOSE_UP_CHANGE;

/** A hand's thumbnail region: its landmarks' box grown by 15% on each side. */
export const handRegion = ([x, y, w, h]: Box): Box => [x - w * 0.15, y - h * 0.15, w * 1.3, h * 1.3];
