import { concatMap, type OperatorFunction } from 'rxjs';
import type { HandDetector } from '../detect/hand-detector';
import { InvalidFrameError } from '../errors';
import type { Detection, TimedFrame } from '../types';

/**
 * The detect stage as an RxJS operator: each timed frame becomes a `Detection` (hands with 21
 * landmarks, faces), tracking hands from frame to frame (video mode). Frames are processed one at
 * a time, in order, none dropped: put `pace()` around it for a live camera. A bad frame (or an
 * item that is not a `{ frame, timestamp }`) errors with `InvalidFrameError`; inside `pace()`
 * that becomes an error event for that frame and the stream goes on.
 *
 * @example
 * fromFrames(frames, { fps: 30 }).pipe(detect(recognizer.detector)).subscribe((d) => console.log(d.hands.length));
 */
export function detect(detector: HandDetector): OperatorFunction<TimedFrame, Detection> {
  return concatMap((item) => {
    if (typeof item !== 'object' || item === null || !('frame' in item)) {
      throw new InvalidFrameError(`The detect stage takes timed frames ({ frame, timestamp }), got ${item === null ? 'null' : typeof item}.`, { expected: '{ frame, timestamp }', received: item === null ? 'null' : typeof item });
    }
    return detector.detect(item.frame, { mode: 'video', timestamp: item.timestamp });
  });
}
