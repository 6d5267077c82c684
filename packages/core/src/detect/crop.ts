import * as tf from '@tensorflow/tfjs-core';
import type { Roi } from './roi';
import { roiTransform } from './roi';

/**
 * Samples a square `outSize`×`outSize` crop of a rotated ROI from a float `[1, h, w, 3]` image
 * with bilinear filtering; outside the image is black. Letterboxing a whole frame is the same
 * call with the ROI centred on the frame.
 */
export function cropRoi(image: tf.Tensor4D, roi: Roi, outSize: number): tf.Tensor4D {
  return tf.tidy(() => {
    const transform = tf.tensor2d([roiTransform(roi, outSize)], [1, 8]);
    return tf.image.transform(image, transform, 'bilinear', 'constant', 0, [outSize, outSize]);
  });
}

/** The ROI that letterboxes a whole `width`×`height` frame into a square. */
export function frameRoi(width: number, height: number): Roi {
  return { cx: width / 2, cy: height / 2, size: Math.max(width, height), rotation: 0 };
}

/**
 * Where a photo is searched again when the detector finds no hand on the whole frame: the frame
 * letterboxed with a margin (side 2× the long side), so a hand that fills the photo looks the size
 * the detector knows; then, on a frame more than 1.2× as long as it is wide, a square of the short
 * side at each end, which the letterbox does not shrink, for a small, far-away hand.
 */
export function retryRois(width: number, height: number): Roi[] {
  const short = Math.min(width, height);
  const long = Math.max(width, height);
  const rois = [{ ...frameRoi(width, height), size: 2 * long }];
  if (long > 1.2 * short) {
    for (const c of [short / 2, long - short / 2]) rois.push(width > height ? { cx: c, cy: height / 2, size: short, rotation: 0 } : { cx: width / 2, cy: c, size: short, rotation: 0 });
  }
  return rois;
}
