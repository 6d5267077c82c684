import type { Tensor3D } from '@tensorflow/tfjs-core';

/** One landmark: x and y in image pixels, z in the same scale relative to the wrist (smaller is nearer). */
export type Point3 = [x: number, y: number, z: number];

/** The 21 hand landmarks in MediaPipe order: 0 wrist, 1–4 thumb, 5–8 index, 9–12 middle, 13–16 ring, 17–20 pinky. */
export type HandLandmarks = Point3[];

/** An axis-aligned box in image pixels: `[x, y, width, height]`. */
export type Box = [x: number, y: number, width: number, height: number];

/** Which hand it is, as the person would say it (after `mirror` is applied). */
export type Handedness = 'left' | 'right';

/**
 * Raw pixels, row-major, top-left first. RGBA unless `channels` says 3.
 *
 * @example
 * const frame: FrameData = { data: imageData.data, width: 640, height: 480 };
 */
export interface FrameData {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  /** 3 for RGB, 4 for RGBA. Defaults to `4`. */
  channels?: 3 | 4;
}

/** A browser image source that TF.js can read pixels from. */
export type BrowserImageSource =
  | HTMLVideoElement
  | HTMLImageElement
  | HTMLCanvasElement
  | ImageBitmap
  | ImageData
  | OffscreenCanvas;

/** Anything `recognize()` and `detect()` accept as one image: raw pixels, an int32/float `[h, w, 3]` tensor (0–255), or a browser image source. */
export type Frame = FrameData | Tensor3D | BrowserImageSource;

/** A frame with the time it was captured, in milliseconds. Time-based stages read time only from here. */
export interface TimedFrame {
  frame: Frame;
  /** Capture time in ms (any origin, increasing). */
  timestamp: number;
}

/** One hand found by the detect stage. */
export interface DetectedHand {
  /** Stable across frames while the hand is tracked; a new hand gets a new id. */
  id: number;
  /** Bounding box of the landmarks, in image pixels. */
  box: Box;
  /** 21 landmarks in image pixels. */
  landmarks: HandLandmarks;
  handedness: Handedness;
  /** Probability of `handedness`, in [0, 1]. */
  handednessScore: number;
  /** Probability that the crop holds a hand, from the landmark model, in [0, 1]. */
  presence: number;
  /** Confidence of this result: `presence` after detect; the gesture score after classify. */
  score: number;
  /**
   * Only when asked for (`mirroredReading` of an image-mode `detect()`, as `register()` does): the
   * same hand's 21 landmarks read from the frame mirrored left to right, mapped back to this
   * frame's pixels. A second, partly independent reading: registration keeps, of each sample's two,
   * the one that agrees best with the other samples.
   */
  mirroredReading?: HandLandmarks;
}

/** One face found by the face detector (used for presence). */
export interface DetectedFace {
  box: Box;
  score: number;
}

/** What the detect stage returns for one frame. */
export interface Detection {
  hands: DetectedHand[];
  faces: DetectedFace[];
  /** True when a hand or a face is in view. */
  present: boolean;
  width: number;
  height: number;
  timestamp: number;
}
