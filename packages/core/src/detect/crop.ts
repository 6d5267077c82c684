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
