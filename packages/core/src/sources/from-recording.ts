import { asyncScheduler, isObservable, Observable, type SchedulerAction, type SchedulerLike } from 'rxjs';
import { InvalidOptionsError } from '../errors';
import { decodeFrame, type GestureRecording } from '../recording/format';
import { validateRecording } from '../recording/validate';
import type { Detection } from '../types';

/** Options of `fromRecording()`. */
export interface FromRecordingOptions {
  /**
   * `'recorded'` gives each detection at its recorded time after the first (through `scheduler`,
   * so fake timers and virtual time drive it); `'fast'` gives them all at once, synchronously:
   * time is read only from timestamps, so the events are the same. Defaults to `'recorded'`.
   */
  speed?: 'recorded' | 'fast';
  /** What `'recorded'` speed waits with. Defaults to RxJS's `asyncScheduler` (`setTimeout`). */
  scheduler?: SchedulerLike;
}

/** The detections of a recording, replayable: an Observable of `Detection`s that also carries its recording. */
export interface ReplaySource extends Observable<Detection> {
  readonly kind: 'replay';
  /** The validated recording it replays. */
  readonly recording: GestureRecording;
}

/**
 * A recording's detections, as the detect stage gave them, to run through `classify()` →
 * `debounce()`/`presence()` without a camera, a model or a backend: `replayEvents()` does that,
 * and so do `GestureObserver` and `useGesture()` given it as `source`. The recording is validated
 * first (`RecordingError` with the JSON path of the first problem). Each subscription replays from
 * the start; unsubscribing stops it.
 *
 * @example
 * const recording = JSON.parse(await (await fetch('/session.json')).text());
 * replayEvents(fromRecording(recording, { speed: 'fast' })).subscribe(console.log);
 * // React: useGesture({ source: fromRecording(recording) })
 */
export function fromRecording(recording: GestureRecording | unknown, options: FromRecordingOptions = {}): ReplaySource {
  const { speed = 'recorded', scheduler = asyncScheduler } = options;
  if (speed !== 'recorded' && speed !== 'fast') {
    throw new InvalidOptionsError(`speed must be 'recorded' or 'fast', got ${String(speed)}.`, { option: 'speed', expected: "'recorded' | 'fast'", received: String(speed) });
  }
  const checked = validateRecording(recording);
  const { frames, width, height } = checked;
  const source = new Observable<Detection>((subscriber) => {
    if (speed === 'fast') {
      for (let i = 0; i < frames.length && !subscriber.closed; i += 1) subscriber.next(decodeFrame(frames[i]!, width, height));
      subscriber.complete();
      return undefined;
    }
    if (frames.length === 0) {
      subscriber.complete();
      return undefined;
    }
    // Each frame waits for its gap to the one before: in virtual time the replay is exact.
    return scheduler.schedule(function (this: SchedulerAction<number>, index = 0) {
      subscriber.next(decodeFrame(frames[index]!, width, height));
      const next = index + 1;
      if (next >= frames.length) return subscriber.complete();
      this.schedule(next, Math.max(0, frames[next]!.t - frames[index]!.t));
    }, 0, 0);
  });
  return Object.assign(source, { kind: 'replay' as const, recording: checked });
}

/**
 * Whether `value` is a `fromRecording()` source (the observer replays it instead of loading models).
 *
 * @example
 * isReplaySource(fromRecording(recording)); // true
 */
export function isReplaySource(value: unknown): value is ReplaySource {
  return isObservable(value) && (value as Partial<ReplaySource>).kind === 'replay' && typeof (value as Partial<ReplaySource>).recording === 'object';
}
