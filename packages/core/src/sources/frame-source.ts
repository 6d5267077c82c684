import { BehaviorSubject, Observable } from 'rxjs';
import type { TimedFrame } from '../types';

/**
 * How a source behaves when frames come faster than they are processed.
 * - `live` (a camera): frames that arrive while the recognizer is busy are dropped and counted.
 * - `recorded` (a file, an array): frames are pulled one at a time; every frame is processed.
 */
export type FrameSourceKind = 'live' | 'recorded';

/**
 * A stream of timed frames that `recognizer.events()` pulls one frame at a time, so it never
 * queues frames: a `recorded` source waits for the recognizer, a `live` one drops (and counts)
 * the frames that arrive while it is busy. It is also a plain `Observable<TimedFrame>` (every
 * frame, as fast as it comes) and an `AsyncIterable<TimedFrame>`.
 *
 * Create one with `fromFrames()` or `fromVideoElement()`.
 *
 * @example
 * const source = fromVideoElement(video);
 * source.dropped$.subscribe((n) => (droppedLabel.textContent = `${n} frames dropped`));
 * recognizer.events(source).subscribe(console.log);
 */
export interface FrameSource extends Observable<TimedFrame>, AsyncIterable<TimedFrame> {
  readonly kind: FrameSourceKind;
  /** Frames skipped so far because processing was busy (always `0` for a recorded source). Emits the total on each change, and the current total on subscribe. */
  readonly dropped$: Observable<number>;
  /** The current total of `dropped$`. */
  readonly dropped: number;
}

/**
 * Pulls an async iterable one item at a time: the next item is asked for only once `step` has
 * finished with the previous one, so nothing is read ahead or queued. Unsubscribing stops the loop
 * and closes the iterator.
 *
 * @example
 * pullEach(fromFrames(frames), (frame) => detector.detect(frame.frame)).subscribe(console.log);
 */
export function pullEach<T, R>(items: AsyncIterable<T>, step: (item: T) => R | Promise<R>): Observable<R> {
  return new Observable<R>((subscriber) => {
    const iterator = items[Symbol.asyncIterator]();
    let closed = false;
    void (async () => {
      try {
        for (;;) {
          const next = await iterator.next();
          if (closed) return;
          if (next.done) return subscriber.complete();
          const result = await step(next.value);
          if (closed) return;
          subscriber.next(result);
        }
      } catch (error) {
        if (!closed) subscriber.error(error);
      }
    })();
    return () => {
      closed = true;
      // A generator's `finally` may throw or reject: nothing is listening any more, so it must not surface as unhandled.
      try {
        Promise.resolve(iterator.return?.()).catch(() => {});
      } catch {
        // as above
      }
    };
  });
}

/** Opens one pull session over a source: each `next()` gives the next frame to process. */
export type OpenFrames = (countDropped: (n: number) => void) => AsyncIterator<TimedFrame, undefined>;

/** The sources made here. A set, not a subclass of `Observable`: bundlers cannot prove `class … extends` an imported class free of side effects, so a subclass would keep the whole core in every bundle. */
const frameSources = /* @__PURE__ */ new WeakSet<object>();

/** Makes a `FrameSource` from a function that opens a pull session. For source authors; apps use `fromFrames()` or `fromVideoElement()`. */
export function createFrameSource(kind: FrameSourceKind, open: OpenFrames): FrameSource {
  const droppedTotal = new BehaviorSubject(0);
  const pulled = new Observable<TimedFrame>((subscriber) => pullEach(source, (frame) => frame).subscribe(subscriber));
  const source = Object.defineProperties(pulled, {
    kind: { value: kind, enumerable: true },
    dropped$: { value: droppedTotal.asObservable(), enumerable: true },
    dropped: { get: () => droppedTotal.value, enumerable: true },
    [Symbol.asyncIterator]: { value: (): AsyncIterator<TimedFrame, undefined> => open((n) => droppedTotal.next(droppedTotal.value + n)) },
  }) as FrameSource;
  frameSources.add(source);
  return source;
}

/** True for a source made by `fromFrames()`, `fromVideoElement()` or `createFrameSource()`. */
export function isFrameSource(value: unknown): value is FrameSource {
  return typeof value === 'object' && value !== null && frameSources.has(value);
}
