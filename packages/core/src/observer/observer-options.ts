import type { RecognizerOptions } from '../options';
import type { GestureRecognizer } from '../recognizer';
import type { GestureRecorder } from '../recording/recorder';
import type { GestureObserverSource } from './source';

/** Options of a `GestureObserver`: the recognizer's options plus where frames come from. */
export interface GestureObserverOptions extends RecognizerOptions {
  /** Frames to recognise. Without one, the observer loads the models and waits. Defaults to `null`. */
  source?: GestureObserverSource | null;
  /**
   * A recognizer to use instead of creating one (it is shared: `destroy()` leaves it alone, and
   * the other recognizer options are ignored). Defaults to `undefined` (the observer creates one
   * from its options and disposes it on `destroy()`).
   */
  recognizer?: GestureRecognizer | Promise<GestureRecognizer>;
  /**
   * Taps what `detect()` produces into this recorder (`createRecorder()`), e.g. for a "download
   * recording" button: `JSON.stringify(recorder.toJSON())`. Defaults to `null` (nothing recorded).
   */
  recorder?: GestureRecorder | null;
  /** Process frames while subscribed. `false` pauses without unloading the models. Defaults to `true`. */
  enabled?: boolean;
  /**
   * Open the camera into the `source` `<video>` element (`getUserMedia({ video: camera })`) once
   * there is a subscriber, and stop its tracks when the observer releases (`releaseAfterMs`,
   * `destroy()`, `camera: false`). Only tracks the observer opened are ever stopped; a video whose
   * `srcObject` the app set itself is left alone. `true` or video `MediaTrackConstraints`.
   * Defaults to `false` (the app feeds the video element itself).
   */
  camera?: boolean | MediaTrackConstraints;
  /**
   * Once the last subscriber leaves, wait this long (ms) for a new one, then release the models
   * (of a recognizer the observer created) and a camera it opened; a later subscriber loads them
   * again. Framework adapters pass `0`: a remount in the same task (React StrictMode) keeps
   * everything, an unmount frees it. Defaults to `undefined` (kept until `destroy()`).
   */
  releaseAfterMs?: number;
}
