import * as tf from '@tensorflow/tfjs-core';

/**
 * Non-maximum suppression (IoU 0.3) with TF.js's async kernel, which reads back without blocking
 * WebGL; returns the kept `rows` as arrays and disposes `boxes`, `scores` and `rows`.
 *
 * @example
 * const kept = await keptRows(boxes, scores, rows, 2, 0.5); // [[score, y1, x1, y2, x2], …]
 */
export async function keptRows(boxes: tf.Tensor2D, scores: tf.Tensor1D, rows: tf.Tensor2D, max: number, minScore: number): Promise<number[][]> {
  try {
    const keep = await tf.image.nonMaxSuppressionAsync(boxes, scores, max, 0.3, minScore);
    const picked = tf.gather(rows, keep);
    keep.dispose();
    try {
      return (await picked.array()) as number[][];
    } finally {
      picked.dispose();
    }
  } finally {
    tf.dispose([boxes, scores, rows]);
  }
}
