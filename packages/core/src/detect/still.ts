import * as tf from '@tensorflow/tfjs-core';
import type { Box, Frame, FrameData } from '../types';

// "Has anything changed here?": a 16×16 grey thumbnail of a region, compared with the one taken
// when the models last looked at it. What lets a hand (or a scene) that holds still skip a model run.
// Loaded lazily by loadHandDetector() (its own chunk, outside the 30 kB initial bundle); it imports
// nothing of the core's, so no module moves into a chunk that other imports share.

/** A 16×16 grey thumbnail (row-major, 0–255) of an axis-aligned region: each cell the mean of 3×3 samples. */
export type Thumbnail = Float32Array;

/** Samples per thumbnail side: 16 cells × 3. */
const N = 48;

/**
 * The thumbnail of `box` in a frame of raw pixels, read straight from its bytes (no tensor, no
 * copy); `null` for any other frame kind (use {@link thumbnailOf} with the frame's tensor).
 * Points outside the frame read as the nearest edge pixel.
 */
export function pixelThumbnail(frame: Frame, box: Box): Thumbnail | null {
  if (frame instanceof tf.Tensor || !('data' in frame)) return null;
  const { data, width, height, channels = 4 } = frame as FrameData;
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

/** Whether a hand's thumbnail `now` shows the hand as it was in `then` (mean change < STILL_HAND_CHANGE). */
export const isStillHand = (now: Thumbnail, then: Thumbnail): boolean => thumbnailChange(now, then)[0] < STILL_HAND_CHANGE;
/** Whether the whole frame's thumbnail `now` shows the scene of `then` (no cell changed by STILL_SCENE_CHANGE). */
export const isStillScene = (now: Thumbnail, then: Thumbnail): boolean => thumbnailChange(now, then)[1] < STILL_SCENE_CHANGE;

/** A hand's thumbnail region: its landmarks' box grown by 15% on each side. */
export const handRegion = ([x, y, w, h]: Box): Box => [x - w * 0.15, y - h * 0.15, w * 1.3, h * 1.3];
