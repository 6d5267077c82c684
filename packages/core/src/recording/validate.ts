import { resolveHandDetectorOptions, HAND_DETECTOR_OPTION_KEYS, type ResolvedHandDetectorOptions } from '../detect/options';
import { describeValue, InvalidOptionsError, RecordingError } from '../errors';
import { checkArray as checkJsonArray, checkObject as checkJsonObject } from '../json-checks';
import type { Box } from '../types';
import { GESTURE_RECORDING_FORMAT, GESTURE_RECORDING_LIMITS, GESTURE_RECORDING_VERSION, type GestureRecording, type RecordedFace, type RecordedFrame, type RecordedHand } from './format';

const LIMITS = GESTURE_RECORDING_LIMITS;
const RECORDING_KEYS = ['format', 'version', 'width', 'height', 'detector', 'frames'];
const FRAME_KEYS = ['t', 'hands', 'faces', 'present'];
const HAND_KEYS = ['id', 'handedness', 'handednessScore', 'presence', 'score', 'box', 'landmarks'];
const FACE_KEYS = ['box', 'score'];

function fail(path: string, expected: string, received: unknown): never {
  throw new RecordingError(`Invalid recording at ${path}: expected ${expected}, received ${describeValue(received)}.`, { path });
}

const checkObject = (value: unknown, path: string, keys: readonly string[], optional?: readonly string[]) => checkJsonObject(value, path, keys, fail, optional);
const checkArray = (value: unknown, path: string, min: number, max: number) => checkJsonArray(value, path, min, max, fail);

function checkNumber(value: unknown, path: string, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    fail(path, `${integer ? 'an integer' : 'a finite number'} in [${min}, ${max}]`, value);
  }
  return value;
}

const checkScore = (value: unknown, path: string) => checkNumber(value, path, 0, 1);
const checkCoordinate = (value: unknown, path: string) => checkNumber(value, path, -LIMITS.maxCoordinate, LIMITS.maxCoordinate);
const checkSide = (value: unknown, path: string) => checkNumber(value, path, 1, LIMITS.maxSide, true);

function checkBox(value: unknown, path: string): Box {
  return checkArray(value, path, 4, 4).map((v, i) => (i < 2 ? checkCoordinate(v, `${path}[${i}]`) : checkNumber(v, `${path}[${i}]`, 0, LIMITS.maxCoordinate))) as Box;
}

function checkHand(value: unknown, path: string): RecordedHand {
  const hand = checkObject(value, path, HAND_KEYS);
  if (hand.handedness !== 'left' && hand.handedness !== 'right') fail(`${path}.handedness`, '"left" or "right"', hand.handedness);
  return {
    id: checkNumber(hand.id, `${path}.id`, 0, Number.MAX_SAFE_INTEGER, true),
    handedness: hand.handedness,
    handednessScore: checkScore(hand.handednessScore, `${path}.handednessScore`),
    presence: checkScore(hand.presence, `${path}.presence`),
    score: checkScore(hand.score, `${path}.score`),
    box: checkBox(hand.box, `${path}.box`),
    landmarks: checkArray(hand.landmarks, `${path}.landmarks`, 63, 63).map((v, i) => checkCoordinate(v, `${path}.landmarks[${i}]`)),
  };
}

function checkFace(value: unknown, path: string): RecordedFace {
  const face = checkObject(value, path, FACE_KEYS);
  return { box: checkBox(face.box, `${path}.box`), score: checkScore(face.score, `${path}.score`) };
}

function checkFrame(value: unknown, path: string, previous: number): RecordedFrame {
  const frame = checkObject(value, path, FRAME_KEYS, ['size']);
  const t = checkNumber(frame.t, `${path}.t`, previous, Number.MAX_SAFE_INTEGER);
  if (typeof frame.present !== 'boolean') fail(`${path}.present`, 'a boolean', frame.present);
  const checked: RecordedFrame = {
    t,
    hands: checkArray(frame.hands, `${path}.hands`, 0, LIMITS.maxHands).map((h, i) => checkHand(h, `${path}.hands[${i}]`)),
    faces: checkArray(frame.faces, `${path}.faces`, 0, LIMITS.maxFaces).map((f, i) => checkFace(f, `${path}.faces[${i}]`)),
    present: frame.present,
  };
  if (frame.size !== undefined) {
    const [w, h] = checkArray(frame.size, `${path}.size`, 2, 2);
    checked.size = [checkSide(w, `${path}.size[0]`), checkSide(h, `${path}.size[1]`)];
  }
  return checked;
}

/**
 * Detector options added after recordings version 1 was defined: optional, so older recordings
 * still load (they take the defaults). The frame rates may be `null`, which is how JSON writes
 * `Infinity` (detect on every frame).
 */
const LATER_DETECTOR_KEYS: readonly string[] = ['idleDetectorFps', 'faceDetectorFps', 'skipPalmsOnFaces', 'stillHandMs', 'stillSceneMs', 'stillFalsePalmMs', 'retryOnMiss'];

function checkDetector(value: unknown): ResolvedHandDetectorOptions {
  const keys = HAND_DETECTOR_OPTION_KEYS.filter((key) => !LATER_DETECTOR_KEYS.includes(key));
  const detector = { ...checkObject(value, '$.detector', keys, LATER_DETECTOR_KEYS) };
  for (const key of ['idleDetectorFps', 'faceDetectorFps']) if (detector[key] === null) detector[key] = Infinity;
  try {
    return resolveHandDetectorOptions(detector as ResolvedHandDetectorOptions);
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    return fail(`$.detector.${String(error.details.option)}`, String(error.details.expected), error.details.received);
  }
}

/**
 * Validates a whole recording (e.g. `JSON.parse` of a `gesture record` file) and returns a fresh,
 * detached copy of it. Throws `RecordingError` whose `details.path` is the JSON path of the first
 * problem. Refused: another format or version, unknown or prototype keys (`__proto__`), arrays
 * with holes, numbers out of range, timestamps that go back, more than
 * `GESTURE_RECORDING_LIMITS` frames, hands or faces.
 *
 * @example
 * try { validateRecording(JSON.parse(text)); }
 * catch (e) { if (e instanceof RecordingError) console.error(e.details.path); }
 */
export function validateRecording(value: unknown): GestureRecording {
  const recording = checkObject(value, '$', RECORDING_KEYS);
  if (recording.format !== GESTURE_RECORDING_FORMAT) fail('$.format', `"${GESTURE_RECORDING_FORMAT}"`, recording.format);
  if (recording.version !== GESTURE_RECORDING_VERSION) fail('$.version', String(GESTURE_RECORDING_VERSION), recording.version);
  const width = checkSide(recording.width, '$.width');
  const height = checkSide(recording.height, '$.height');
  const detector = checkDetector(recording.detector);
  let previous = -Number.MAX_SAFE_INTEGER;
  const frames = checkArray(recording.frames, '$.frames', 0, LIMITS.maxFrames).map((f, i) => {
    const frame = checkFrame(f, `$.frames[${i}]`, previous);
    previous = frame.t;
    return frame;
  });
  return { format: GESTURE_RECORDING_FORMAT, version: GESTURE_RECORDING_VERSION, width, height, detector: { ...detector }, frames };
}
