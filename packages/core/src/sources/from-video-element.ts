import { animationFrameScheduler, type SchedulerLike, type Subscription } from 'rxjs';
import { describeValue, InvalidOptionsError } from '../errors';
import type { TimedFrame } from '../types';
import { createFrameSource, type FrameSource } from './frame-source';

/** What `fromVideoElement()` reads of a video element (an `HTMLVideoElement` has all of it). */
export interface VideoFrameProvider {
  readonly currentTime: number;
  readonly readyState: number;
  readonly ended: boolean;
  requestVideoFrameCallback?(callback: (now: number, metadata: { presentedFrames?: number }) => void): number;
  cancelVideoFrameCallback?(handle: number): void;
}

/** Options of `fromVideoElement()`. */
export interface FromVideoElementOptions {
  /**
   * Scheduler that polls the video for a new frame when `requestVideoFrameCallback` is missing
   * (or always, when given). Timestamps come from `scheduler.now()` in that mode. Defaults to
   * `animationFrameScheduler` (one check per display refresh, at least twice per frame of a 30 fps webcam).
   */
  scheduler?: SchedulerLike;
  /** Delay between polls in ms, when polling. Defaults to `0` (every animation frame; a 30 fps webcam needs no more). */
  pollIntervalMs?: number;
}

/** `readyState` from which the current frame can be read (`HAVE_CURRENT_DATA`). */
const HAVE_CURRENT_DATA = 2;

/**
 * A live source: the frames a `<video>` element shows (a camera stream or a playing file).
 * While the recognizer is busy with one frame, the frames the video shows meanwhile are dropped,
 * never queued, and counted in `dropped$`; the recognizer always gets the newest frame. The
 * `TimedFrame.frame` is the element itself, read at the moment it is processed. Uses
 * `requestVideoFrameCallback` where the browser has it (timestamps are its `now`), else polls
 * on `scheduler`. Ends when the video ends.
 *
 * @example
 * import { fromVideoElement } from '@gesture/core';
 * video.srcObject = await navigator.mediaDevices.getUserMedia({ video: true });
 * await video.play();
 * const source = fromVideoElement(video);
 * recognizer.events(source).subscribe(console.log);
 * source.dropped$.subscribe((n) => console.debug('dropped', n));
 */
export function fromVideoElement(video: HTMLVideoElement | VideoFrameProvider, options: FromVideoElementOptions = {}): FrameSource {
  const pollIntervalMs = options.pollIntervalMs ?? 0;
  if (typeof pollIntervalMs !== 'number' || !Number.isFinite(pollIntervalMs) || pollIntervalMs < 0) {
    throw new InvalidOptionsError(`Option pollIntervalMs must be a number of ms ≥ 0, got ${describeValue(pollIntervalMs)}.`, { option: 'pollIntervalMs', expected: 'a number of ms ≥ 0', received: describeValue(pollIntervalMs) });
  }
  const element = video as VideoFrameProvider;
  const useCallback = options.scheduler === undefined && typeof element.requestVideoFrameCallback === 'function';
  const scheduler = options.scheduler ?? animationFrameScheduler;

  return createFrameSource('live', (countDropped) => {
    let waiting: ((result: IteratorResult<TimedFrame, undefined>) => void) | null = null;
    let closed = false;
    let lastTime = Number.NaN;
    let lastPresented: number | undefined;
    let poll: Subscription | undefined;
    let callbackHandle: number | undefined;

    const finish = () => {
      closed = true;
      poll?.unsubscribe();
      if (callbackHandle !== undefined) element.cancelVideoFrameCallback?.(callbackHandle);
      const resolve = waiting;
      waiting = null;
      resolve?.({ done: true, value: undefined });
    };

    const onFrame = (timestamp: number, presentedFrames?: number) => {
      // Frames the browser presented without a callback were skipped too.
      let skipped = 0;
      if (presentedFrames !== undefined && lastPresented !== undefined) skipped = Math.max(0, presentedFrames - lastPresented - 1);
      if (presentedFrames !== undefined) lastPresented = presentedFrames;
      const resolve = waiting;
      if (resolve) {
        waiting = null;
        resolve({ done: false, value: { frame: video as HTMLVideoElement, timestamp } });
      } else {
        skipped += 1;
      }
      if (skipped > 0) countDropped(skipped);
    };

    const watch = () => {
      if (useCallback) {
        const callback = (now: number, metadata: { presentedFrames?: number }) => {
          if (closed) return;
          if (element.ended) return finish();
          onFrame(now, metadata?.presentedFrames);
          callbackHandle = element.requestVideoFrameCallback!(callback);
        };
        callbackHandle = element.requestVideoFrameCallback!(callback);
      } else {
        poll = scheduler.schedule(function check() {
          if (closed) return;
          if (element.ended) return finish();
          if (element.readyState >= HAVE_CURRENT_DATA && element.currentTime !== lastTime) {
            lastTime = element.currentTime;
            onFrame(scheduler.now());
          }
          this.schedule(undefined, pollIntervalMs);
        }, pollIntervalMs);
      }
    };

    let started = false;
    return {
      next() {
        if (closed) return Promise.resolve({ done: true, value: undefined });
        if (!started) {
          started = true;
          watch();
        }
        if (closed) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => {
          waiting = resolve;
        });
      },
      return() {
        finish();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  });
}
