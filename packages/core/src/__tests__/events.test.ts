import { asyncScheduler, firstValueFrom, from, lastValueFrom, Subject, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { DisposedError, InvalidFrameError } from '../errors';
import type { GestureEvent } from '../events';
import { fromFrames } from '../sources/from-frames';
import { fromVideoElement, type VideoFrameProvider } from '../sources/from-video-element';
import type { Frame, TimedFrame } from '../types';
import { FakeHandDetector, fakeRecognizer, script, type ScriptedFrame } from './helpers/fake-detector';

// A fake detector: these tests cover timing, events and backpressure only, never recognition.

const face: ScriptedFrame = { face: true };
const nobody: ScriptedFrame = {};
const fist: ScriptedFrame = { hands: [{ id: 1, gesture: 'fist' }] };
const palm: ScriptedFrame = { hands: [{ id: 2, gesture: 'palm', handedness: 'left' }] };

/** A compact, readable form of an event. */
function brief(event: GestureEvent): string {
  switch (event.type) {
    case 'gesture':
      return `${event.phase} ${event.gesture}/${event.meaning} #${event.id} hand ${event.handId} @${event.timestamp}`;
    case 'motion':
      return `${event.gesture} hand ${event.handId} @${event.timestamp}`;
    case 'presence':
      return `${event.state} @${event.timestamp}`;
    case 'warning':
      return `warning ${event.code}`;
    case 'error':
      return `error ${event.error.code} @${event.timestamp}`;
  }
}

const frames = (list: ScriptedFrame[]) => list as unknown as Frame[];

/** A "camera" whose frame changes every 10 ms of real time and that ends after `endMs`. */
function fakeLiveVideo(endMs: number): VideoFrameProvider {
  const t0 = performance.now();
  return {
    get currentTime() {
      return Math.floor((performance.now() - t0) / 10) / 100;
    },
    readyState: 4,
    get ended() {
      return performance.now() - t0 > endMs;
    },
  };
}

describe('recognizer.events() (fake detector)', () => {
  it('turns frames into the exact sequence of presence, gesture and error events', async () => {
    const recognizer = fakeRecognizer();
    const clip = [...script([10, face], [10, fist], [1, { bad: true }], [5, face], [30, nobody], [10, palm])];
    const events = await lastValueFrom(recognizer.events(fromFrames(frames(clip), { fps: 10 })).pipe(toArray()));
    expect(events.map(brief)).toEqual([
      'back @500',
      'start fist/no #1 hand 1 @1300',
      'error invalid-frame @2000',
      'end fist/no #1 hand 1 @2300',
      'away @4600',
      'start palm/question #2 hand 2 @5900',
      'back @6100',
      'end palm/question #2 hand 2 @6500',
    ]);
    const error = events.find((e) => e.type === 'error');
    expect(error?.type === 'error' && error.error).toBeInstanceOf(InvalidFrameError);
    recognizer.dispose();
  });

  it('a bad frame becomes an error event and the stream goes on (every frame processed)', async () => {
    const detector = new FakeHandDetector();
    const recognizer = fakeRecognizer(detector);
    const clip = script([3, { bad: true }], [10, fist], [2, { bad: true }], [3, fist]);
    const events = await lastValueFrom(recognizer.events(fromFrames(frames(clip), { fps: 10 })).pipe(toArray()));
    expect(events.map(brief)).toEqual([
      'error invalid-frame @0',
      'error invalid-frame @100',
      'error invalid-frame @200',
      'start fist/no #1 hand 1 @600',
      'back @800',
      'error invalid-frame @1300',
      'error invalid-frame @1400',
      'end fist/no #1 hand 1 @1700',
    ]);
    expect(detector.stats.frames).toBe(13);
  });

  it('options of one events() call override the recognizer defaults', async () => {
    const recognizer = fakeRecognizer(new FakeHandDetector(), { minHoldMs: 500 });
    const clip = script([10, fist]);
    const events = await lastValueFrom(recognizer.events(fromFrames(frames(clip), { fps: 10 })).pipe(toArray()));
    expect(events.map(brief)).toContain('start fist/no #1 hand 1 @500');
    const faster = await lastValueFrom(recognizer.events(fromFrames(frames(clip), { fps: 10 }), { minHoldMs: 0 }).pipe(toArray()));
    expect(faster.map(brief)).toContain('start fist/no #1 hand 1 @0');
  });

  it('a recorded source is pulled: every frame is processed, in order, none read ahead, however slow the detector', async () => {
    const detector = new FakeHandDetector(15);
    const recognizer = fakeRecognizer(detector);
    let read = 0;
    let maxAhead = 0;
    function* decoder() {
      for (let i = 0; i < 30; i++) {
        read += 1;
        maxAhead = Math.max(maxAhead, read - detector.stats.frames);
        yield fist as unknown as Frame;
      }
    }
    const started = performance.now();
    const events = await lastValueFrom(recognizer.events(fromFrames(decoder(), { fps: 30 })).pipe(toArray()));
    expect(detector.stats.frames).toBe(30);
    expect(detector.timestamps).toEqual(Array.from({ length: 30 }, (_, i) => (i * 1000) / 30));
    expect(maxAhead).toBe(1);
    expect(detector.maxBusy).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(30 * 15 - 20);
    expect(events.filter((e) => e.type === 'gesture').map(brief)).toEqual(['start fist/no #1 hand 1 @266.6666666666667', 'end fist/no #1 hand 1 @966.6666666666666']);
  });

  it('unsubscribing from a recorded source closes its iterator (a decoder can stop)', async () => {
    const recognizer = fakeRecognizer(new FakeHandDetector(1));
    let closed = false;
    async function* decoder() {
      try {
        for (;;) yield fist as unknown as Frame;
      } finally {
        closed = true;
      }
    }
    const first = await firstValueFrom(recognizer.events(fromFrames(decoder(), { fps: 30 })));
    expect(brief(first)).toBe('start fist/no #1 hand 1 @266.6666666666667');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(true);
  });

  it('a live source drops (and counts) the frames that arrive while the detector is busy, never queueing', async () => {
    // A "camera" whose frame changes every 10 ms of real time; the detector takes 40 ms.
    const detector = new FakeHandDetector(40);
    const recognizer = fakeRecognizer(detector);
    const video = fakeLiveVideo(600);
    const source = fromVideoElement(video, { scheduler: asyncScheduler, pollIntervalMs: 2 });
    const counts: number[] = [];
    source.dropped$.subscribe((n) => counts.push(n));
    await lastValueFrom(recognizer.events(source).pipe(toArray()));
    const processed = detector.stats.frames;
    console.log(`live source: ${processed} frames processed, ${source.dropped} dropped, over ~600 ms`);
    expect(detector.maxBusy).toBe(1);
    expect(processed).toBeGreaterThanOrEqual(5);
    expect(processed).toBeLessThanOrEqual(16);
    expect(source.dropped).toBeGreaterThanOrEqual(20);
    // Roughly every camera frame was either processed or dropped (polling may merge a few).
    expect(processed + source.dropped).toBeGreaterThanOrEqual(40);
    expect(processed + source.dropped).toBeLessThanOrEqual(62);
    expect(counts.at(-1)).toBe(source.dropped);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    // Timestamps come from the source (the scheduler's clock) and increase.
    expect(detector.timestamps).toEqual([...detector.timestamps].sort((a, b) => a - b));
  });

  it('a live source on requestVideoFrameCallback counts frames the browser skipped too, and stops when unsubscribed', async () => {
    // The fake browser presents a frame every 10 ms, but its callback misses every other one.
    let presented = 0;
    let callback: ((now: number, metadata: { presentedFrames?: number }) => void) | undefined;
    const timer = setInterval(() => {
      presented += 1;
      if (presented % 2 === 0 && callback) {
        const run = callback;
        callback = undefined;
        run(presented * 10, { presentedFrames: presented });
      }
    }, 10);
    const video: VideoFrameProvider = {
      currentTime: 0,
      readyState: 4,
      ended: false,
      requestVideoFrameCallback: (cb) => ((callback = cb), 1),
      cancelVideoFrameCallback: () => (callback = undefined),
    };
    const detector = new FakeHandDetector(0);
    const source = fromVideoElement(video);
    const subscription = fakeRecognizer(detector).events(source).subscribe();
    await new Promise((resolve) => setTimeout(resolve, 300));
    subscription.unsubscribe();
    clearInterval(timer);
    expect(callback).toBeUndefined();
    expect(detector.stats.frames).toBeGreaterThanOrEqual(5);
    // About one skipped frame per callback.
    expect(source.dropped).toBeGreaterThanOrEqual(detector.stats.frames - 2);
    expect(detector.timestamps.every((t) => t % 20 === 0)).toBe(true);
  });

  it('the same live source, subscribed directly, emits every frame (no recognizer, nothing dropped)', async () => {
    const video = fakeLiveVideo(200);
    const source = fromVideoElement(video, { scheduler: asyncScheduler, pollIntervalMs: 1 });
    const seen = await lastValueFrom(source.pipe(toArray()));
    expect(seen.length).toBeGreaterThanOrEqual(10);
    expect(source.dropped).toBe(0);
    expect(seen.every((f) => f.frame === (video as unknown))).toBe(true);
  });

  it('any other Observable that is faster than processing drops frames and warns once', async () => {
    const detector = new FakeHandDetector(5);
    const recognizer = fakeRecognizer(detector);
    const clip = script([20, fist]).map((frame, i): TimedFrame => ({ frame: frame as unknown as Frame, timestamp: i * 33 }));
    const events = await lastValueFrom(recognizer.events(from(clip)).pipe(toArray()));
    expect(detector.stats.frames).toBe(1);
    expect(events.filter((e) => e.type === 'warning').map(brief)).toEqual(['warning frames-dropped']);
  });

  it('a plain array of timed frames is pulled like fromFrames(): nothing dropped', async () => {
    const detector = new FakeHandDetector(2);
    const recognizer = fakeRecognizer(detector);
    const clip = script([20, fist]).map((frame, i): TimedFrame => ({ frame: frame as unknown as Frame, timestamp: i * 100 }));
    const events = await lastValueFrom(recognizer.events(clip).pipe(toArray()));
    expect(detector.stats.frames).toBe(20);
    expect(events.map(brief)).toEqual(['start fist/no #1 hand 1 @300', 'back @500', 'end fist/no #1 hand 1 @1900']);
  });

  it('an Observable paced slower than processing loses nothing', async () => {
    const detector = new FakeHandDetector(0);
    const recognizer = fakeRecognizer(detector);
    const frames$ = new Subject<TimedFrame>();
    const events: GestureEvent[] = [];
    const done = lastValueFrom(recognizer.events(frames$).pipe(toArray())).then((e) => events.push(...e));
    for (let i = 0; i < 12; i++) {
      frames$.next({ frame: fist as unknown as Frame, timestamp: i * 100 });
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    frames$.complete();
    await done;
    expect(detector.stats.frames).toBe(12);
    expect(events.map(brief)).toEqual(['back @500', 'start fist/no #1 hand 1 @300', 'end fist/no #1 hand 1 @1100'].sort((a, b) => Number(a.split('@')[1]) - Number(b.split('@')[1])));
  });

  it('warns once per run when the backend fell back from the one asked for', async () => {
    const recognizer = fakeRecognizer(new FakeHandDetector(), { backend: 'webgl' }, [
      { name: 'webgl', ok: false, error: 'WebGL2 is not available' },
      { name: 'wasm', ok: true },
    ]);
    const events = await lastValueFrom(recognizer.events(fromFrames(frames(script([2, face])))).pipe(toArray()));
    expect(events.map(brief)).toEqual(['warning backend-fallback']);
    expect(events[0]?.type === 'warning' && events[0].message).toMatch(/webgl.*WebGL2 is not available/);
  });

  it('each run starts cold: the detector is reset and ids restart', async () => {
    const detector = new FakeHandDetector();
    const recognizer = fakeRecognizer(detector);
    const run = () => lastValueFrom(recognizer.events(fromFrames(frames(script([10, fist])), { fps: 10 })).pipe(toArray()));
    const [a, b] = [await run(), await run()];
    expect(a.map(brief)).toEqual(b.map(brief));
    expect(detector.resets).toBe(2);
  });

  it('dispose() ends held gestures, completes running streams, releases the detector, and later calls throw DisposedError', async () => {
    const detector = new FakeHandDetector(5);
    const recognizer = fakeRecognizer(detector);
    async function* camera() {
      for (;;) yield fist as unknown as Frame;
    }
    const events: GestureEvent[] = [];
    let completed = false;
    recognizer.events(fromFrames(camera(), { fps: 10 })).subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });
    while (!events.some((e) => e.type === 'gesture')) await new Promise((resolve) => setTimeout(resolve, 5));
    recognizer.dispose();
    expect(completed).toBe(true);
    expect(events.filter((e) => e.type === 'gesture').map((e) => (e.type === 'gesture' ? e.phase : ''))).toEqual(['start', 'end']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(detector.disposed).toBe(true);
    expect(() => recognizer.events(fromFrames([]))).toThrow(DisposedError);
    await expect(recognizer.recognize(fist as unknown as Frame)).rejects.toThrow(DisposedError);
    expect(() => recognizer.detector).toThrow(DisposedError);
    expect(() => recognizer.gestures).toThrow(DisposedError);
    expect(() => recognizer.dispose()).not.toThrow();
  });
});

describe('fromFrames()', () => {
  it('stamps frames at fps from startTime, keeps timestamps frames already have, and validates options', async () => {
    const stamped = await lastValueFrom(fromFrames([1, 2, { frame: 3, timestamp: 7 }] as unknown as Frame[], { fps: 20, startTime: 1000 }).pipe(toArray()));
    expect(stamped.map((f) => f.timestamp)).toEqual([1000, 1050, 7]);
    expect(() => fromFrames([], { fps: 0 })).toThrow(/fps/);
    expect(() => fromFrames(42 as never)).toThrow(/iterable/);
    expect(fromFrames([]).kind).toBe('recorded');
  });
});
