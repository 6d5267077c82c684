import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { DetectedFace } from '../types';
import { ssdAnchors } from './anchors';
import { cropRoi, frameRoi } from './crop';
import { roiToImage } from './roi';
import { keptRows } from './nms';

const INPUT_SIZE = 128;
/** BlazeFace short-range (front camera, 128×128): strides 8, 16, 16, 16 → 896 anchors. */
const STRIDES = [8, 16, 16, 16];

/** BlazeFace (short range): faces within about 2 m of the camera, for presence. */
export class FaceDetector {
  private readonly anchors: tf.Tensor2D;

  constructor(private readonly model: GraphModel) {
    const anchors = ssdAnchors(INPUT_SIZE, STRIDES);
    this.anchors = tf.tensor2d(anchors.map((a) => [a.x, a.y]), [anchors.length, 2]);
  }

  /** Faces in a float `[1, h, w, 3]` image (0–255), after NMS (asynchronous, like the read-back). */
  async detect(image: tf.Tensor4D, width: number, height: number, minScore: number, maxFaces = 5): Promise<DetectedFace[]> {
    const letterbox = frameRoi(width, height);
    const { boxes, scores, rows } = tf.tidy(() => {
      const input = tf.sub(tf.div(cropRoi(image, letterbox, INPUT_SIZE), 127.5), 1);
      const out = this.model.execute(input, ['Identity', 'Identity_1', 'Identity_2', 'Identity_3']) as tf.Tensor3D[];
      const scores = tf.sigmoid(tf.reshape(tf.concat([out[0]!, out[1]!], 1), [-1])) as tf.Tensor1D;
      const raw = tf.squeeze(tf.concat([out[2]!, out[3]!], 1), [0]) as tf.Tensor2D;
      const centre = tf.add(tf.div(tf.slice(raw, [0, 0], [-1, 2]), INPUT_SIZE), this.anchors);
      const half = tf.div(tf.slice(raw, [0, 2], [-1, 2]), INPUT_SIZE * 2);
      const boxes = tf.concat([tf.reverse(tf.sub(centre, half), 1), tf.reverse(tf.add(centre, half), 1)], 1) as tf.Tensor2D;
      return { boxes, scores, rows: tf.concat([tf.expandDims(scores, 1), boxes], 1) as tf.Tensor2D };
    });
    const kept = await keptRows(boxes, scores, rows, maxFaces, minScore);
    return kept.map(([score, y1, x1, y2, x2]) => {
      const [left, top] = roiToImage(letterbox, x1!, y1!);
      const [right, bottom] = roiToImage(letterbox, x2!, y2!);
      return { score: score!, box: [left, top, right - left, bottom - top] };
    });
  }

  dispose(): void {
    this.anchors.dispose();
  }
}
