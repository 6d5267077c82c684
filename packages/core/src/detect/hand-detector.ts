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
}

/** Counters a detector keeps, for tests, benchmarks and the curious. */
export interface DetectorStats {
  frames: number;
  /** Palm-detector runs (the expensive model). */
  detectorRuns: number;
  /** Landmark-model runs (one per hand crop). */
  landmarkRuns: number;
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

/** Options of the hand detector. */
export interface HandDetectorOptions {
  /** Most hands reported per frame. Defaults to `2`. */
  maxHands?: number;
  /** Palm-detector score a candidate needs before the landmark model checks it. Defaults to `0.5`. */
  minDetectorScore?: number;
  /** Landmark presence a new hand needs; this is what rejects faces and clothes. Defaults to `0.7`. */
  minPresence?: number;
  /** Landmark presence a tracked hand needs to stay tracked. Defaults to `0.5`. */
  minTrackingPresence?: number;
  /**
   * Presence a hand found by the whole-frame fallback needs (run when the detector finds nothing,
   * for close-ups where the hand fills the frame). On video frames it is skipped while the
   * previous frame showed a face. `1` turns the fallback off. Defaults to `0.9`.
   */
  minFullFramePresence?: number;
  /**
   * Extra landmark passes for each hand of an image-mode frame (a photo), each on the crop the
   * previous pass's landmarks give: the crop tracking uses on the next video frame, which fits the
   * hand better than the palm detector's. One pass costs one landmark run (~35 ms on WASM) per hand
   * and is what lifts few-shot accuracy from 86 % to 93 % (docs/detect.md). `0` turns it off.
   * Defaults to `1`.
   */
  refinePasses?: number;
  /** While fewer than `maxHands` are tracked, run the palm detector every this many video frames to find new ones. Defaults to `15` (half a second at 30 fps). */
  redetectEvery?: number;
  /** Run the face detector (feeds presence). Defaults to `true`. */
  faces?: boolean;
  /** Face-detector score for a face. Defaults to `0.6`. */
  minFaceScore?: number;
  /**
   * Frames are shown mirrored (a selfie preview): landmarks are reported flipped horizontally so
   * they line up with the mirrored view. Handedness is always the person's real hand.
   * Defaults to `false`.
   */
  mirror?: boolean;
}

export const DEFAULT_HAND_DETECTOR_OPTIONS: Readonly<Required<HandDetectorOptions>> = {
  maxHands: 2,
  minDetectorScore: 0.5,
  minPresence: 0.7,
  minTrackingPresence: 0.5,
  minFullFramePresence: 0.9,
  refinePasses: 1,
  redetectEvery: 15,
  faces: true,
  minFaceScore: 0.6,
  mirror: false,
};
