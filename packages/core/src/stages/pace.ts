import { Observable, of, catchError, concat, defer, firstValueFrom, mergeAll, toArray, type OperatorFunction, type Subscription } from 'rxjs';
import { errorMessage, GestureError } from '../errors';
import type { GestureErrorEvent, GestureWarningEvent } from '../events';
import { isFrameSource, pullEach } from '../sources/frame-source';
import type { TimedFrame } from '../types';

/** What `pace()` adds to the stages' output: a frame that failed, and the first dropped frame of a plain Observable. */
export type PaceEvent = GestureErrorEvent | GestureWarningEvent;

/**
 * The pacing stage: runs `stages` (e.g. `pipe(detect(detector), classify(registry))`) on one
 * frame at a time, so frames are never queued while the models work.
 * - A `FrameSource` (`fromFrames()`, `fromVideoElement()`) is pulled: the next frame is asked for
 *   only when the stages are done with the last one. A recorded source gives every frame; a live
 *   one drops (and counts in `dropped$`) what arrived in between.
 * - Any other Observable pushes at its own pace: a frame that arrives while one is processed is
 *   dropped; the first drop emits a `frames-dropped` warning.
 *
 * A frame whose stages fail (a bad frame, a model error) becomes an `error` event for that frame
 * and the stream goes on; the source's own error ends the stream. The first frame whose timestamp
 * is not a finite number emits a `bad-timestamps` warning (once per subscription). Apply it directly to the source
 * (`source.pipe(pace(…))`): the source's kind decides between pulling and dropping.
 *
 * @example
 * import { pipe } from 'rxjs';
 * fromFrames(frames, { fps: 30 })
 *   .pipe(pace(pipe(detect(recognizer.detector), classify(recognizer.gestures))))
 *   .subscribe((out) => ('type' in out ? console.warn(out) : console.log(out.hands.length)));
 */
export function pace<R>(stages: OperatorFunction<TimedFrame, R>): OperatorFunction<TimedFrame, R | PaceEvent> {
  return (source) =>
    defer(() => {
      // Per subscription: the first frame without a finite timestamp is reported once.
      let warnedTimestamps = false;
      const runOne = (frame: TimedFrame): Observable<R | PaceEvent> => {
        const run = of(frame).pipe(stages, catchError((cause: unknown) => of(frameFailed(cause, frame))));
        if (warnedTimestamps || !hasBadTimestamp(frame)) return run;
        warnedTimestamps = true;
        return concat(of(BAD_TIMESTAMPS), run);
      };
      return isFrameSource(source)
        ? pullEach(source, (frame) => firstValueFrom(runOne(frame).pipe(toArray()))).pipe(mergeAll())
        : dropWhileBusy(source, runOne);
    });
}

/** A frame object whose timestamp is not a finite number: debounce and presence cannot time it, so it gives no events. */
function hasBadTimestamp(frame: TimedFrame): boolean {
  return typeof frame === 'object' && frame !== null && !Number.isFinite(frame.timestamp);
}

/** A frame that arrives while one is processed is dropped (never queued); the first drop is reported. */
function dropWhileBusy<R>(frames: Observable<TimedFrame>, runOne: (frame: TimedFrame) => Observable<R | PaceEvent>): Observable<R | PaceEvent> {
  return new Observable<R | PaceEvent>((subscriber) => {
    let busy: Subscription | null = null;
    let sourceDone = false;
    let dropped = 0;
    const subscription = frames.subscribe({
      next: (frame) => {
        if (busy) {
          dropped += 1;
          if (dropped === 1) subscriber.next(FRAMES_DROPPED);
          return;
        }
        const inner = runOne(frame).subscribe({
          next: (value) => subscriber.next(value),
          complete: () => {
            busy = null;
            if (sourceDone) subscriber.complete();
          },
        });
        // A synchronous stage has completed already: then nothing is busy.
        if (!inner.closed) busy = inner;
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => {
        sourceDone = true;
        if (!busy) subscriber.complete();
      },
    });
    return () => {
      subscription.unsubscribe();
      (busy as Subscription | null)?.unsubscribe();
    };
  });
}

const FRAMES_DROPPED: GestureWarningEvent = /* @__PURE__ */ Object.freeze({
  type: 'warning',
  code: 'frames-dropped',
  message:
    'Frames arrive faster than they are processed, so some are dropped. For a recording where every frame counts, wrap the frames in fromFrames(); for a camera, use fromVideoElement() to count the drops.',
});

const BAD_TIMESTAMPS: GestureWarningEvent = /* @__PURE__ */ Object.freeze({
  type: 'warning',
  code: 'bad-timestamps',
  message:
    'A frame has no finite timestamp (NaN, Infinity or not a number), so gestures and presence cannot be timed and give no events. Give each frame a timestamp in ms, or wrap the frames in fromFrames() to stamp them.',
});

/** Any failure of one frame as an `error` event (named errors pass through unchanged). */
function frameFailed(cause: unknown, frame: TimedFrame): GestureErrorEvent {
  const timestamp = typeof frame?.timestamp === 'number' ? frame.timestamp : undefined;
  const error = cause instanceof GestureError ? cause : new GestureError('frame-failed', `Processing the frame at ${timestamp ?? '(no timestamp)'} ms failed: ${errorMessage(cause)}`, { timestamp }, { cause });
  return timestamp === undefined ? { type: 'error', error } : { type: 'error', error, timestamp };
}
