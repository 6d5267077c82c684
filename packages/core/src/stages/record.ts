import { map, type OperatorFunction } from 'rxjs';
import type { HandDetectorOptions } from '../detect/options';
import type { GestureRecorder } from '../recording/recorder';
import type { Detection } from '../types';

/**
 * The record stage: taps each detection into `recorder` and passes it on rounded to
 * `RECORDING_PRECISION` (0.1 px, scores to 0.001): exactly what a replay of the recording gives,
 * so the live events and the replayed events are the same. `detector` (the options the
 * detections were made with) is stored in the recording. Put it between `detect()` and `classify()`.
 *
 * @example
 * const recorder = createRecorder();
 * fromFrames(frames, { fps: 30 })
 *   .pipe(pace(pipe(detect(recognizer.detector), record(recorder, recognizer.options.detector), classify(recognizer.gestures))))
 *   .subscribe({ complete: () => save(JSON.stringify(recorder.toJSON())) });
 */
export function record(recorder: GestureRecorder, detector?: HandDetectorOptions): OperatorFunction<Detection, Detection> {
  if (detector) recorder.describe(detector);
  return map((detection) => recorder.add(detection));
}
