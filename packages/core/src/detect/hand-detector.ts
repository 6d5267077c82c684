import type { Detection, Frame } from '../types';

/** How a frame relates to the one before it. */
export type DetectMode =
  /** A standalone photo: the palm detector always runs; nothing is carried over. */
  | 'image'
  /** A frame of a video: hands are tracked from the previous frame's landmarks. */
  | 'video';

/** Per-call options of `HandDetector.detect()`. */
export interface DetectCallOptions {
  /** Defaults to `'image'`. */
  mode?: DetectMode;
  /** Capture time in ms, copied into the result. Defaults to `0`. */
  timestamp?: number;
  /**
   * Image mode only: also read the frame mirrored left to right (a second palm-detector and
   * landmark pipeline, about twice the time) and give each hand found in both its
   * `mirroredReading`. `register()` asks for it on frame samples. Defaults to `false`.
   */
  mirroredReading?: boolean;
}

/** Counters a detector keeps, for tests, benchmarks and the curious. */
export interface DetectorStats {
  frames: number;
  /** Palm-detector runs (the expensive model). */
  detectorRuns: number;
  /** Landmark-model runs (one per hand crop). */
  landmarkRuns: number;
  /** Tracked hands that kept their last landmarks because they held still (`stillHandMs`): runs saved. */
  landmarkReuses?: number;
  /** Palm-detector runs skipped because the whole frame had not changed since the last one (`stillSceneMs`). */
  detectorSkips?: number;
  faceRuns: number;
  /** Where the last frame's time went, in ms: palm detector, all landmark passes, face detector, whole call. */
  lastTimings: { detectorMs: number; landmarksMs: number; facesMs: number; totalMs: number };
}

/**
 * Finds hands (21 landmarks each) and faces in frames. The pipeline depends on this interface
 * only, so tests of timing and events can use a fake.
 */
export interface HandDetector {
  /** Hands and faces in one frame. Throws `InvalidFrameError` for a bad frame. */
  detect(frame: Frame, options?: DetectCallOptions): Promise<Detection>;
  /** Forgets tracked hands: the next video frame starts cold. */
  reset(): void;
  /** Releases every model and tensor. */
  dispose(): void;
  readonly stats: Readonly<DetectorStats>;
}
