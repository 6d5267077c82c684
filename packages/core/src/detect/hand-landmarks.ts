import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { HandLandmarks } from '../types';
import { cropRoi } from './crop';
import { roiToImage, type Roi } from './roi';

const INPUT_SIZE = 224;

/** Raw output of the landmark model for one crop, mapped back to image pixels. */
export interface LandmarkResult {
  landmarks: HandLandmarks;
  /** Probability that the crop holds a hand (already a probability: no sigmoid). */
  presence: number;
  /** The model's probability that this is a right hand in a mirrored (selfie) image. */
  rightInMirrored: number;
}

/** MediaPipe's hand landmark model (full, 224×224). */
export class HandLandmarkModel {
  constructor(private readonly model: GraphModel) {}

  /** Landmarks for the hand inside `roi` of a float `[1, h, w, 3]` image (0–255); the read-back is asynchronous. */
  async estimate(image: tf.Tensor4D, roi: Roi): Promise<LandmarkResult> {
    const outputs = tf.tidy(() => {
      const input = tf.div(cropRoi(image, roi, INPUT_SIZE), 255);
      return this.model.execute(input, ['Identity', 'Identity_1', 'Identity_2']) as tf.Tensor[];
    });
    let points: Float32Array | Int32Array | Uint8Array;
    let presence: number;
    let handedness: number;
    try {
      const [a, b, c] = await Promise.all(outputs.map((t) => t.data()));
      [points, presence, handedness] = [a!, b![0]!, c![0]!];
    } finally {
      tf.dispose(outputs);
    }
    const landmarks: HandLandmarks = [];
    for (let i = 0; i < 21; i++) {
      const [x, y] = roiToImage(roi, points[i * 3]! / INPUT_SIZE, points[i * 3 + 1]! / INPUT_SIZE);
      landmarks.push([x, y, (points[i * 3 + 2]! / INPUT_SIZE) * roi.size]);
    }
    return { landmarks, presence, rightInMirrored: handedness };
  }
}
