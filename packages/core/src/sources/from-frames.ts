import { describeValue, InvalidOptionsError } from '../errors';
import type { Frame, TimedFrame } from '../types';
import { createFrameSource, type FrameSource } from './frame-source';

/** Options of `fromFrames()`. */
export interface FromFramesOptions {
  /**
   * Frame rate of the recording: frame `i` gets `timestamp = startTime + i * 1000 / fps`. Frames
   * that already carry a `timestamp` keep it. Defaults to `30` (a typical webcam or phone video).
   */
  fps?: number;
  /** Timestamp (ms) of the first frame. Defaults to `0` (times count from the start of the recording). */
  startTime?: number;
}

function isTimedFrame(value: unknown): value is TimedFrame {
  return typeof value === 'object' && value !== null && 'frame' in value && typeof (value as TimedFrame).timestamp === 'number';
}

/**
 * A recorded source: frames from an array, a generator, or an async iterable (e.g. a video
 * decoder), stamped at `fps`. `recognizer.events()` pulls it one frame at a time, so every frame
 * is processed and none is dropped however slow the backend is, and frames are never read ahead
 * (a decoder is only asked for the next frame when the previous one is done). Ending the
 * subscription calls the iterator's `return()`, so a generator's `finally` runs.
 *
 * @example
 * import { fromFrames } from '@gesture/core';
 * const events = await firstValueFrom(recognizer.events(fromFrames(decodedFrames, { fps: 15 })).pipe(toArray()));
 */
export function fromFrames(frames: Iterable<Frame | TimedFrame> | AsyncIterable<Frame | TimedFrame>, options: FromFramesOptions = {}): FrameSource {
  const fps = options.fps ?? 30;
  const startTime = options.startTime ?? 0;
  if (typeof fps !== 'number' || !Number.isFinite(fps) || fps <= 0) {
    throw new InvalidOptionsError(`Option fps must be a number > 0, got ${describeValue(fps)}.`, { option: 'fps', expected: 'a number > 0', received: describeValue(fps) });
  }
  if (typeof startTime !== 'number' || !Number.isFinite(startTime)) {
    throw new InvalidOptionsError(`Option startTime must be a finite number, got ${describeValue(startTime)}.`, { option: 'startTime', expected: 'a finite number', received: describeValue(startTime) });
  }
  const isAsync = typeof (frames as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
  if (!isAsync && typeof (frames as Iterable<unknown>)?.[Symbol.iterator] !== 'function') {
    throw new InvalidOptionsError('fromFrames() needs an iterable or async iterable of frames.', { option: 'frames', expected: 'Iterable | AsyncIterable', received: typeof frames });
  }
  return createFrameSource('recorded', () => {
    const iterator = isAsync ? (frames as AsyncIterable<Frame | TimedFrame>)[Symbol.asyncIterator]() : (frames as Iterable<Frame | TimedFrame>)[Symbol.iterator]();
    let index = 0;
    let done = false;
    return {
      async next() {
        if (done) return { done: true, value: undefined };
        const result = await iterator.next();
        if (result.done) {
          done = true;
          return { done: true, value: undefined };
        }
        const timestamp = startTime + (index++ * 1000) / fps;
        return { done: false, value: isTimedFrame(result.value) ? result.value : { frame: result.value, timestamp } };
      },
      async return() {
        if (!done) {
          done = true;
          await iterator.return?.();
        }
        return { done: true, value: undefined };
      },
    };
  });
}
