import { concatMap, map, Observable, pipe, throwError, timer, type OperatorFunction } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { GestureError, InvalidFrameError } from '../errors';
import type { GestureErrorEvent } from '../events';
import { fromFrames } from '../sources/from-frames';
import { pace, type PaceEvent } from '../stages/pace';
import type { TimedFrame } from '../types';

// One marble frame is 1 ms of virtual time; each frame is stamped with the time it arrives. The
// stages under test take 3 ms per frame (a stand-in for detect + classify), so frames that come
// faster than that find `pace()` busy.
const WORK_MS = 3;

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** Marble letters → timed frames (the letter is the frame). */
function frames(ts: TestScheduler, source: Observable<string>): Observable<TimedFrame> {
  return source.pipe(map((letter) => ({ frame: letter as never, timestamp: ts.now() })));
}

/** Stages that answer each frame with its letter in upper case after WORK_MS; frame 'x' fails. */
const slowStages: OperatorFunction<TimedFrame, string> = pipe(
  concatMap((f: TimedFrame) => (f.frame === ('x' as never) ? throwError(() => new InvalidFrameError('bad', { expected: 'a', received: 'x' })) : timer(WORK_MS).pipe(map(() => String(f.frame).toUpperCase())))),
);

const DROPPED = { type: 'warning', code: 'frames-dropped', message: expect.stringContaining('dropped') } as unknown as PaceEvent;

describe('pace() on a pushed Observable: drops while busy', () => {
  it('processes one frame at a time, drops the frames that arrive meanwhile, warns on the first drop only', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  a-b-c-d---|');
      const expected = '    --WA---C--|';
      expectObservable(frames(ts, source).pipe(pace(slowStages))).toBe(expected, { A: 'A', C: 'C', W: DROPPED });
    });
  });

  it('completes after the frame in progress when the source completes meanwhile', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(frames(ts, cold('a|')).pipe(pace(slowStages))).toBe('---(A|)', { A: 'A' });
    });
  });

  it("a frame whose stages fail becomes an error event and the next frame goes on; the source's own error ends the stream", () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const failed = (timestamp: number): GestureErrorEvent => ({ type: 'error', error: expect.any(InvalidFrameError) as unknown as GestureError, timestamp });
      expectObservable(frames(ts, cold('x---a---#')).pipe(pace(slowStages))).toBe('E------A#', { E: failed(0), A: 'A' });
    });
  });

  it('unsubscribing ends the frame in progress and unsubscribes from the source', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('  a---b---|');
      expectObservable(frames(ts, source).pipe(pace(slowStages)), '^----!').toBe('---A-');
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('each subscription (re-entry) has its own busy state and its own first-drop warning', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const paced = frames(ts, cold('ab---|')).pipe(pace(slowStages));
      expectObservable(paced).toBe('-W-A-|', { A: 'A', W: DROPPED });
      expectObservable(paced).toBe('-W-A-|', { A: 'A', W: DROPPED });
    });
  });

  it('a null item is an error event for that item, not a stalled stream (busy is always cleared)', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('n---a|', { n: null as unknown as TimedFrame, a: { frame: 'a' as never, timestamp: 4 } });
      const stages = pipe(concatMap((f: TimedFrame) => {
        const letter = String(f.frame); // reads the frame at once, as detect() does
        return timer(WORK_MS).pipe(map(() => letter));
      }));
      expectObservable(source.pipe(pace(stages))).toBe('E------(a|)', { E: { type: 'error', error: expect.any(GestureError) }, a: 'a' });
    });
  });
});

describe('pace() on a FrameSource: pulls', () => {
  it('asks for the next frame only when the stages are done: every frame, in order, none read ahead', async () => {
    const asked: number[] = [];
    const done: number[] = [];
    function* recording() {
      for (let i = 0; i < 5; i++) {
        asked.push(i);
        // The previous frame must be finished before this one is read.
        expect(done.length).toBe(i);
        yield { frame: i as never, timestamp: i * 33 };
      }
    }
    const stages = pipe(concatMap(async (f: TimedFrame) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push(f.frame as unknown as number);
      return f.timestamp;
    }));
    const out: unknown[] = [];
    await new Promise<void>((resolve, reject) => fromFrames(recording()).pipe(pace(stages)).subscribe({ next: (v) => out.push(v), error: reject, complete: resolve }));
    expect(out).toEqual([0, 33, 66, 99, 132]);
    expect(asked).toEqual([0, 1, 2, 3, 4]);
  });

  it('a failing frame becomes an error event with its timestamp; the rest are processed', async () => {
    const stages = pipe(concatMap(async (f: TimedFrame) => {
      if (f.frame === ('bad' as never)) throw new Error('boom');
      return String(f.frame);
    }));
    const out: unknown[] = [];
    await new Promise<void>((resolve) => fromFrames(['a', 'bad', 'c'] as never[], { fps: 10 }).pipe(pace(stages)).subscribe({ next: (v) => out.push(v), complete: resolve }));
    expect(out[0]).toBe('a');
    expect(out[1]).toMatchObject({ type: 'error', timestamp: 100, error: { code: 'frame-failed' } });
    expect((out[1] as GestureErrorEvent).error).toBeInstanceOf(GestureError);
    expect(out[2]).toBe('c');
  });

  it("unsubscribing closes the source's iterator; a generator whose cleanup fails raises no unhandled rejection", async () => {
    let closed = false;
    async function* recording() {
      try {
        for (let i = 0; ; i++) yield { frame: i as never, timestamp: i };
      } finally {
        closed = true;
        // eslint-disable-next-line no-unsafe-finally
        throw new Error('cleanup failed');
      }
    }
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const stages = pipe(concatMap(async (f: TimedFrame) => f.timestamp));
      await new Promise<void>((resolve) => {
        const subscription = fromFrames(recording()).pipe(pace(stages)).subscribe((t) => {
          if (t === 2) {
            subscription.unsubscribe();
            resolve();
          }
        });
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(closed).toBe(true);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
