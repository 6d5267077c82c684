import { GESTURE_RECORDING_FORMAT, type GestureRecording } from '../recording/format';
import { isHandLandmarks, palmSize } from '../classify/normalize';
import type { HandLandmarks, Handedness, Point3 } from '../types';
import { MotionSampleError } from './sample-error';

/**
 * One frame of a motion sample as plain data: when it was captured, and the hand's 21 landmarks
 * in image pixels (`null` when no hand was seen in that frame).
 *
 * @example
 * const frame: TimedLandmarks = { timestamp: 66.7, landmarks: hand.landmarks, handedness: 'right' };
 */
export interface TimedLandmarks {
  /** Capture time in ms (any origin, increasing). */
  timestamp: number;
  /** 21 `[x, y, z]` landmarks in image pixels, or `null` for a frame without the hand. */
  landmarks: HandLandmarks | null;
  /** Defaults to `'right'`. */
  handedness?: Handedness;
}

/**
 * One recorded performance of a motion gesture: a `GestureRecording` (what `record()` or `gesture
 * record` writes; the hand followed is the largest one, by its id while it is seen), or a plain
 * array of {@link TimedLandmarks}. In Node, `motionSampleFromVideo()` makes one from a video file.
 */
export type MotionSample = GestureRecording | readonly TimedLandmarks[];

/** One point of a hand's track: time, landmarks (image pixels) and palm size (pixels). */
export interface TrackPoint {
  t: number;
  landmarks: HandLandmarks;
  palm: number;
}

/** Fewest frames with a hand, and shortest span, a motion sample may have. */
export const MOTION_SAMPLE_MIN_FRAMES = 5;
export const MOTION_SAMPLE_MIN_MS = 200;

/**
 * True when `value` looks like a motion sample (a recording, or an array of timed frames), not a
 * hand-shape sample; `register()` decides by it which kind of gesture to learn.
 *
 * @example
 * isMotionSample([{ timestamp: 0, landmarks: null }]); // true
 * isMotionSample(hand.landmarks);                      // false
 */
export function isMotionSample(value: unknown): value is MotionSample {
  if (typeof value !== 'object' || value === null) return false;
  if (!Array.isArray(value)) return (value as { format?: unknown }).format === GESTURE_RECORDING_FORMAT;
  const first: unknown = value[0];
  return typeof first === 'object' && first !== null && !Array.isArray(first) && 'timestamp' in first;
}

/**
 * The hand's track in a motion sample: its landmarks over time, frames without it left out.
 * Throws `MotionSampleError`: `invalid` for a value of the wrong shape (a recording without a
 * `frames` array of `{ t, hands }`, frames without an increasing numeric timestamp, landmarks that
 * are not 21 finite points), `no-hand`, or `too-short` (fewer than 5 frames with a hand, or under 0.2 s).
 *
 * @example
 * const track = motionTrack([{ timestamp: 0, landmarks: a }, { timestamp: 66, landmarks: b }, …]);
 * track.length; // frames with a hand
 */
export function motionTrack(sample: unknown): TrackPoint[] {
  const frames = toTimedLandmarks(sample);
  const track: TrackPoint[] = [];
  let last = -Infinity;
  for (const [i, frame] of frames.entries()) {
    if (typeof frame !== 'object' || frame === null || typeof frame.timestamp !== 'number' || !Number.isFinite(frame.timestamp)) {
      invalid(`frame ${i} has no finite timestamp`);
    }
    if (frame.timestamp <= last) invalid(`frame ${i}'s timestamp ${frame.timestamp} is not after the one before (${last})`);
    last = frame.timestamp;
    if (frame.landmarks === null || frame.landmarks === undefined) continue;
    if (!isHandLandmarks(frame.landmarks)) invalid(`frame ${i}'s landmarks are not 21 finite [x, y, z] points`);
    const palm = palmSize(frame.landmarks);
    if (palm > 1e-6) track.push({ t: frame.timestamp, landmarks: frame.landmarks, palm });
  }
  if (track.length === 0) throw new MotionSampleError('No frame of the motion sample holds a hand.', { reason: 'no-hand' });
  const span = track[track.length - 1]!.t - track[0]!.t;
  if (track.length < MOTION_SAMPLE_MIN_FRAMES || span < MOTION_SAMPLE_MIN_MS) {
    throw new MotionSampleError(`The motion sample is too short: ${track.length} frames with a hand over ${Math.round(span)} ms; expected at least ${MOTION_SAMPLE_MIN_FRAMES} frames over ${MOTION_SAMPLE_MIN_MS} ms.`, { reason: 'too-short' });
  }
  return track;
}

function invalid(why: string): never {
  throw new MotionSampleError(`Not a motion sample: ${why}. Expected a gesture recording or an array of { timestamp, landmarks } frames.`, { reason: 'invalid' });
}

/** A sample's frames as timed landmarks: a recording's largest hand (followed by id), or the array as it is. */
function toTimedLandmarks(sample: unknown): readonly TimedLandmarks[] {
  if (Array.isArray(sample)) return sample as readonly TimedLandmarks[];
  const frames = typeof sample === 'object' && sample !== null ? (sample as { format?: unknown; frames?: unknown }) : null;
  if (frames?.format !== GESTURE_RECORDING_FORMAT) invalid('neither an array of frames nor a gesture recording');
  if (!Array.isArray(frames.frames)) invalid('the recording has no frames array');
  let followed: unknown = null;
  return (frames.frames as unknown[]).map((value, i): TimedLandmarks => {
    const frame = value as { t?: unknown; hands?: unknown } | null;
    if (typeof frame !== 'object' || frame === null || !Array.isArray(frame.hands)) invalid(`recording frame ${i} has no hands array`);
    // Only what a motion needs is read: each hand's id, box and landmarks (checked as landmarks later).
    const hands = (frame.hands as RecordedHandLike[]).filter((h) => typeof h === 'object' && h !== null && Array.isArray(h.box) && Array.isArray(h.landmarks));
    const hand = hands.find((h) => h.id === followed) ?? hands.sort((a, b) => Number(b.box[2]) * Number(b.box[3]) - Number(a.box[2]) * Number(a.box[3]))[0];
    if (hand) followed = hand.id;
    return { timestamp: frame.t as number, landmarks: hand ? decodeLandmarks(hand) : null, handedness: hand?.handedness === 'left' ? 'left' : 'right' };
  });
}

/** What a recorded hand is read as (unchecked: a hostile recording gives landmarks that fail `isHandLandmarks`). */
interface RecordedHandLike {
  id?: unknown;
  handedness?: unknown;
  box: unknown[];
  landmarks: unknown[];
}

/** A recorded hand's flattened, box-relative landmarks as 21 points in image pixels. */
function decodeLandmarks(hand: RecordedHandLike): HandLandmarks {
  const [bx, by] = hand.box as number[];
  const points: Point3[] = [];
  for (let i = 0; i + 2 < hand.landmarks.length; i += 3) points.push([Number(bx) + Number(hand.landmarks[i]), Number(by) + Number(hand.landmarks[i + 1]), Number(hand.landmarks[i + 2])]);
  return points;
}
