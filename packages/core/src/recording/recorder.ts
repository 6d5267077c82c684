import { resolveHandDetectorOptions, type HandDetectorOptions, type ResolvedHandDetectorOptions } from '../detect/options';
import { RecordingError } from '../errors';
import type { Detection } from '../types';
import { decodeFrame, encodeDetection, GESTURE_RECORDING_FORMAT, GESTURE_RECORDING_LIMITS, GESTURE_RECORDING_VERSION, type GestureRecording, type RecordedFrame } from './format';

/** Options of `createRecorder()`. */
export interface RecorderOptions {
  /** The detector options the detections are made with (stored in the recording). `record()` inside `events()` sets the recognizer's. Defaults to the detector's defaults. */
  detector?: HandDetectorOptions;
  /** Most frames kept; a frame past it throws `RecordingError`. Defaults to `GESTURE_RECORDING_LIMITS.maxFrames` (2 h at 30 fps). */
  maxFrames?: number;
}

/** Collects what `record()` taps into a recording. Create it with `createRecorder()`. */
export interface GestureRecorder {
  /** Frames recorded so far. */
  readonly frameCount: number;
  /** Records one detection and returns it rounded to `RECORDING_PRECISION`, exactly as a replay will give it. */
  add(detection: Detection): Detection;
  /** Sets the detector options stored in the recording (the recognizer's, when recording through `events()`). */
  describe(detector: HandDetectorOptions): void;
  /** The recording so far, as versioned JSON-serialisable data (a detached copy). */
  toJSON(): GestureRecording;
  /** Forgets every frame (to record a new session with the same recorder). */
  clear(): void;
}

/**
 * A recorder for `record()` (or the `recorder` option of `events()` and `useGesture()`).
 *
 * @example
 * const recorder = createRecorder();
 * recognizer.events(fromVideoElement(video), { recorder }).subscribe();
 * // later
 * const json = JSON.stringify(recorder.toJSON());
 */
export function createRecorder(options: RecorderOptions = {}): GestureRecorder {
  let detector: ResolvedHandDetectorOptions = resolveHandDetectorOptions(options.detector);
  const maxFrames = options.maxFrames ?? GESTURE_RECORDING_LIMITS.maxFrames;
  let frames: RecordedFrame[] = [];
  let size: [number, number] | null = null;
  return {
    get frameCount() {
      return frames.length;
    },
    add(detection) {
      if (frames.length >= maxFrames) throw new RecordingError(`The recorder is full: it keeps at most ${maxFrames} frames.`, { path: `$.frames[${frames.length}]` });
      size ??= [detection.width, detection.height];
      const frame = encodeDetection(detection, size[0], size[1]);
      frames.push(frame);
      return decodeFrame(frame, size[0], size[1]);
    },
    describe(options) {
      detector = resolveHandDetectorOptions(options);
    },
    toJSON() {
      const [width, height] = size ?? [1, 1];
      return { format: GESTURE_RECORDING_FORMAT, version: GESTURE_RECORDING_VERSION, width, height, detector: { ...detector }, frames: structuredClone(frames) };
    },
    clear() {
      frames = [];
      size = null;
    },
  };
}
