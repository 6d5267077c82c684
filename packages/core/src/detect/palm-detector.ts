import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { Box } from '../types';
import { ssdAnchors } from './anchors';
import { cropRoi, frameRoi } from './crop';
import { roiToImage, transformRect, uprightRotation, type Roi } from './roi';
import { keptRows } from './nms';

const INPUT_SIZE = 256;
/** MediaPipe palm detector (256×256): 5 layers with strides 8, 16, 32, 32, 32 → 2944 anchors. */
const STRIDES = [8, 16, 32, 32, 32];

/** A palm found by the detector, with the hand crop that the landmark model should see. */
export interface PalmDetection {
  score: number;
  /** The palm's own box (axis-aligned, image pixels), before it becomes a hand crop. */
  box: Box;
  /** The hand ROI the MediaPipe way: rotated wrist → middle knuckle, shifted, square, ×2.6. */
  roi: Roi;
}

/** Runs MediaPipe's palm detector on a whole frame and turns palms into hand crops. */
export class PalmDetector {
  private readonly anchors: tf.Tensor2D;

  constructor(private readonly model: GraphModel) {
    const anchors = ssdAnchors(INPUT_SIZE, STRIDES);
    this.anchors = tf.tensor2d(anchors.map((a) => [a.x, a.y]), [anchors.length, 2]);
  }

  /**
   * Palms in a float `[1, h, w, 3]` image (0–255), best first, after NMS.
   * `minScore` is the detector threshold; `maxPalms` bounds the result. `letterbox` is the square
   * region the detector sees (default: the whole frame letterboxed); outside the frame is black. NMS and the read-back are
   * asynchronous, so WebGL never blocks the page on them.
   */
  async detect(image: tf.Tensor4D, width: number, height: number, minScore: number, maxPalms: number, letterbox: Roi = frameRoi(width, height)): Promise<PalmDetection[]> {
    const { boxes, scores, rows } = tf.tidy(() => {
      const input = tf.sub(tf.div(cropRoi(image, letterbox, INPUT_SIZE), 127.5), 1);
      const raw = tf.squeeze(this.model.execute(input) as tf.Tensor3D, [0]) as tf.Tensor2D;
      const scores = tf.sigmoid(tf.squeeze(tf.slice(raw, [0, 0], [-1, 1]), [1])) as tf.Tensor1D;
      const centre = tf.add(tf.div(tf.slice(raw, [0, 1], [-1, 2]), INPUT_SIZE), this.anchors);
      const half = tf.div(tf.slice(raw, [0, 3], [-1, 2]), INPUT_SIZE * 2);
      // NMS wants [y1, x1, y2, x2].
      const boxes = tf.concat([tf.reverse(tf.sub(centre, half), 1), tf.reverse(tf.add(centre, half), 1)], 1) as tf.Tensor2D;
      const keypoints = tf.add(tf.div(tf.slice(raw, [0, 5], [-1, 14]), INPUT_SIZE), tf.tile(this.anchors, [1, 7]));
      return { boxes, scores, rows: tf.concat([tf.expandDims(scores, 1), centre, tf.mul(half, 2), keypoints], 1) as tf.Tensor2D };
    });
    const kept = await keptRows(boxes, scores, rows, maxPalms, minScore);
    return kept.map((row) => {
      const toImage = (u: number, v: number) => roiToImage(letterbox, u, v);
      const [cx, cy] = toImage(row[1]!, row[2]!);
      const wrist = toImage(row[5]!, row[6]!);
      const middleKnuckle = toImage(row[9]!, row[10]!);
      const rect = {
        cx,
        cy,
        width: row[3]! * letterbox.size,
        height: row[4]! * letterbox.size,
        rotation: uprightRotation(wrist, middleKnuckle),
      };
      const box: Box = [cx - rect.width / 2, cy - rect.height / 2, rect.width, rect.height];
      return { score: row[0]!, box, roi: transformRect(rect, 2.6, -0.5) };
    });
  }

  dispose(): void {
    this.anchors.dispose();
  }
}
