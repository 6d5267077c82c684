import { concatMap, type OperatorFunction } from 'rxjs';
import type { HandDetector } from '../detect/hand-detector';
import type { Detection, TimedFrame } from '../types';

/**
 * The detect stage as an RxJS operator: each timed frame becomes a `Detection` (hands with 21
 * landmarks, faces), tracking hands from frame to frame. Frames are processed one at a time, in
 * order, none dropped (put a dropping source in front of it for live cameras). A bad frame
 * errors the stream with `InvalidFrameError`; the recognizer's `events()` turns that into an
 * error event instead.
 *
 * @example
 * fromFrames(frames, { fps: 30 }).pipe(detect(detector)).subscribe((d) => console.log(d.hands.length));
 */
export function detect(detector: HandDetector): OperatorFunction<TimedFrame, Detection> {
  return concatMap(({ frame, timestamp }) => detector.detect(frame, { mode: 'video', timestamp }));
}
