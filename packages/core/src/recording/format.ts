import type { ResolvedHandDetectorOptions } from '../detect/options';
import type { Box, DetectedHand, Detection, Handedness, Point3 } from '../types';

/** The `format` tag of a recording. */
export const GESTURE_RECORDING_FORMAT = 'gesture-recording';
/** The only recording version this build reads and writes. */
export const GESTURE_RECORDING_VERSION = 1;

/** Size bounds enforced on read, so a hostile recording cannot exhaust memory or CPU. */
export const GESTURE_RECORDING_LIMITS = {
  /** Most frames in one recording: 2 hours at 30 fps. */
  maxFrames: 216_000,
  /** Most hands and faces in one frame. */
  maxHands: 8,
  maxFaces: 16,
  /** Largest frame side, in pixels. */
  maxSide: 16_384,
  /** Largest absolute coordinate, in pixels (hands may reach a little outside the frame). */
  maxCoordinate: 100_000,
} as const;

/**
 * How much precision a recording keeps. Coordinates (landmark x, y and z, which is in the same
 * pixel scale, and boxes) are rounded to 0.1 px; scores (presence, handedness, face) to 0.001;
 * timestamps are kept exactly. `record()` passes on the rounded detection, so the live run that
 * recorded and every replay classify exactly the same numbers.
 */
export const RECORDING_PRECISION = { pixels: 0.1, score: 0.001 } as const;

/** One hand of a recorded frame: a `DetectedHand`, rounded, with its landmarks flattened. */
export interface RecordedHand {
  id: number;
  handedness: Handedness;
  handednessScore: number;
  presence: number;
  score: number;
  /** `[x, y, width, height]` in pixels. */
  box: Box;
  /** 21 × `[x, y, z]` flattened (63 numbers); x and y relative to the box's top-left corner, z as detected. */
  landmarks: number[];
}

/** One face of a recorded frame. */
export interface RecordedFace {
  box: Box;
  score: number;
}

/** What `detect()` produced for one frame. */
export interface RecordedFrame {
  /** The frame's timestamp in ms, exactly. */
  t: number;
  hands: RecordedHand[];
  faces: RecordedFace[];
  /** True when a hand or a face is in view. */
  present: boolean;
  /** `[width, height]`, only when it differs from the recording's. */
  size?: [width: number, height: number];
}

/**
 * What `detect()` produced per frame, as versioned JSON: replay it with `fromRecording()` to get
 * the same events without a camera or a model.
 *
 * @example
 * const recording: GestureRecording = recorder.toJSON();
 * fs.writeFileSync('session.json', JSON.stringify(recording));
 */
export interface GestureRecording {
  format: typeof GESTURE_RECORDING_FORMAT;
  version: typeof GESTURE_RECORDING_VERSION;
  /** Frame size in pixels (of the first frame; a frame of another size says so in `size`). */
  width: number;
  height: number;
  /** The detector options the detections were made with (`mirror` among them). */
  detector: ResolvedHandDetectorOptions;
  frames: RecordedFrame[];
}

/** Rounds to 0.1 (and turns -0 into 0, so a value reads the same after a JSON round trip). */
const pixels = (v: number) => Math.round(v * 10) / 10 + 0;
const score = (v: number) => Math.round(v * 1000) / 1000 + 0;
const roundBox = (box: Box): Box => [pixels(box[0]), pixels(box[1]), pixels(box[2]), pixels(box[3])];

function encodeHand(hand: DetectedHand): RecordedHand {
  const box = roundBox(hand.box);
  const landmarks: number[] = [];
  for (const [x, y, z] of hand.landmarks) landmarks.push(pixels(x - box[0]), pixels(y - box[1]), pixels(z));
  return { id: hand.id, handedness: hand.handedness, handednessScore: score(hand.handednessScore), presence: score(hand.presence), score: score(hand.score), box, landmarks };
}

/**
 * One detection as a recorded frame, rounded to `RECORDING_PRECISION`. `width`/`height` are the
 * recording's: a frame of another size records its own.
 *
 * @example
 * const frame = encodeDetection(detection, 640, 480);
 */
export function encodeDetection(detection: Detection, width: number, height: number): RecordedFrame {
  const frame: RecordedFrame = {
    t: detection.timestamp,
    hands: detection.hands.map(encodeHand),
    faces: detection.faces.map((face) => ({ box: roundBox(face.box), score: score(face.score) })),
    present: detection.present,
  };
  if (detection.width !== width || detection.height !== height) frame.size = [detection.width, detection.height];
  return frame;
}

/**
 * A recorded frame back as the `Detection` that `classify()` takes (fresh objects every call).
 *
 * @example
 * const detection = decodeFrame(recording.frames[0], recording.width, recording.height);
 */
export function decodeFrame(frame: RecordedFrame, width: number, height: number): Detection {
  return {
    hands: frame.hands.map((hand) => {
      const [bx, by] = hand.box;
      const landmarks: Point3[] = [];
      for (let i = 0; i < hand.landmarks.length; i += 3) landmarks.push([bx + hand.landmarks[i]!, by + hand.landmarks[i + 1]!, hand.landmarks[i + 2]!]);
      return { id: hand.id, box: [...hand.box], landmarks, handedness: hand.handedness, handednessScore: hand.handednessScore, presence: hand.presence, score: hand.score };
    }),
    faces: frame.faces.map((face) => ({ box: [...face.box], score: face.score })),
    present: frame.present,
    width: frame.size?.[0] ?? width,
    height: frame.size?.[1] ?? height,
    timestamp: frame.t,
  };
}
