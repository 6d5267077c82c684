import * as tf from '@tensorflow/tfjs-core';
import type { Box, Frame, FrameData } from '../types';

// "Has anything changed here?": a small grey thumbnail of a region, compared with the one taken
// when the models last looked at it. What lets a hand (or a scene) that holds still skip a model run.

/** Side of a thumbnail, in cells. */
export const THUMB_SIZE = 16;
/** Samples per cell side (a cell's grey is the mean of SAMPLES² pixels: less sensor noise). */
const SAMPLES = 3;

/** A 16×16 grey thumbnail (row-major, 0–255) of an axis-aligned region. */
export type Thumbnail = Float32Array;

const isPixels = (frame: Frame): frame is FrameData => !(frame instanceof tf.Tensor) && typeof frame === 'object' && 'data' in frame && 'width' in frame;

/**
 * The thumbnail of `box` in a frame of raw pixels, read straight from its bytes (no tensor, no
 * copy); `null` for any other frame kind (use {@link thumbnailOf} with the frame's tensor).
 * Points outside the frame read as the nearest edge pixel.
 */
export function pixelThumbnail(frame: Frame, box: Box): Thumbnail | null {
  if (!isPixels(frame)) return null;
  const { data, width, height } = frame;
  const channels = frame.channels ?? 4;
  const n = THUMB_SIZE * SAMPLES;
  const out = new Float32Array(THUMB_SIZE * THUMB_SIZE);
  for (let sy = 0; sy < n; sy++) {
    const y = Math.min(height - 1, Math.max(0, Math.floor(box[1] + ((sy + 0.5) * box[3]) / n)));
    for (let sx = 0; sx < n; sx++) {
      const x = Math.min(width - 1, Math.max(0, Math.floor(box[0] + ((sx + 0.5) * box[2]) / n)));
      const i = (y * width + x) * channels;
      const cell = ((sy / SAMPLES) | 0) * THUMB_SIZE + ((sx / SAMPLES) | 0);
      out[cell] = out[cell]! + (data[i]! + data[i + 1]! + data[i + 2]!) / (3 * SAMPLES * SAMPLES);
    }
  }
  return out;
}

/** The thumbnail of `box` from a frame already converted to a `[1, h, w, 3]` tensor (browser sources, tensors, worker bitmaps). */
export async function thumbnailOf(image: tf.Tensor4D, box: Box): Promise<Thumbnail> {
  const [, h, w] = image.shape;
  const n = THUMB_SIZE * SAMPLES;
  const small = tf.tidy(() => {
    const crop = tf.image.cropAndResize(image, [[box[1] / (h - 1), box[0] / (w - 1), (box[1] + box[3]) / (h - 1), (box[0] + box[2]) / (w - 1)]], [0], [n, n]);
    return tf.mean(tf.reshape(crop, [THUMB_SIZE, SAMPLES, THUMB_SIZE, SAMPLES, 3]), [1, 3, 4]);
  });
  try {
    return new Float32Array(await small.data());
  } finally {
    small.dispose();
  }
}

/** Mean absolute difference of two thumbnails, in grey levels (0–255). */
export function thumbnailChange(a: Thumbnail, b: Thumbnail): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** The largest change of one cell between two thumbnails, in grey levels (0–255). */
export function thumbnailMaxChange(a: Thumbnail, b: Thumbnail): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

/** A box grown by `by` of its size on every side. */
export const growBox = (box: Box, by: number): Box => [box[0] - box[2] * by, box[1] - box[3] * by, box[2] * (1 + 2 * by), box[3] * (1 + 2 * by)];
