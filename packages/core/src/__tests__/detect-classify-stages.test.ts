import { map, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { Classifier } from '../classify/classifier';
import { GestureRegistry } from '../classify/registry';
import type { Recognition } from '../classify/types';
import type { DetectCallOptions, DetectorStats, HandDetector } from '../detect/hand-detector';
import { InvalidFrameError } from '../errors';
import { classify } from '../stages/classify';
import { detect } from '../stages/detect';
import type { Detection, Frame, TimedFrame } from '../types';

// Marble tests of the detect and classify stages. The detector here answers synchronously (a
// thenable that calls back at once), so the stages run in the TestScheduler's virtual time; it
// says nothing about recognition (the real models are tested on photos elsewhere).

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const detection = (frame: string, timestamp: number): Detection => ({ hands: [], faces: [], present: frame !== '_', width: 1, height: 1, timestamp });

/** A detector whose answer is ready at once; frame 'x' is a bad frame. Records each call's mode. */
class SyncDetector implements HandDetector {
  readonly stats = { frames: 0 } as DetectorStats;
  readonly modes: string[] = [];
  detect(frame: Frame, options: DetectCallOptions = {}): Promise<Detection> {
    this.modes.push(options.mode ?? 'image');
    const answer = () => {
      if (frame === ('x' as never)) throw new InvalidFrameError('Scripted bad frame.', { expected: 'a frame', received: 'x' });
      return detection(String(frame), options.timestamp ?? 0);
    };
    return { then: (ok: (d: Detection) => unknown, fail: (e: unknown) => unknown) => {
      try {
        return Promise.resolve(ok(answer()));
      } catch (error) {
        return Promise.resolve(fail(error));
      }
    } } as Promise<Detection>;
  }
  reset() {}
  dispose() {}
}

function frames(ts: TestScheduler, source: Observable<string>): Observable<TimedFrame> {
  return source.pipe(map((letter) => ({ frame: letter as never, timestamp: ts.now() })));
}

describe('detect()', () => {
  it('turns each timed frame into a detection, in video mode, with its timestamp', () => {
    const ts = scheduler();
    const detector = new SyncDetector();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(frames(ts, cold('a-_-a|')).pipe(detect(detector))).toBe('a-b-c|', { a: detection('a', 0), b: detection('_', 2), c: detection('a', 4) });
    });
    expect(detector.modes).toEqual(['video', 'video', 'video']);
  });

  it('a bad frame errors the stream with InvalidFrameError (pace() turns that into an event); so does an item that is not a timed frame', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(frames(ts, cold('a-x-a|')).pipe(detect(new SyncDetector()))).toBe('a-#', { a: detection('a', 0) }, expect.any(InvalidFrameError));
      expectObservable(cold('n|', { n: null as unknown as TimedFrame }).pipe(detect(new SyncDetector()))).toBe('#', undefined, expect.any(InvalidFrameError));
    });
  });

  it("passes the source's complete and error on", () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(frames(ts, cold('a-#', undefined, new Error('camera lost'))).pipe(detect(new SyncDetector()))).toBe('a-#', { a: detection('a', 0) }, new Error('camera lost'));
      expectObservable(frames(ts, cold('--|')).pipe(detect(new SyncDetector()))).toBe('--|');
    });
  });

  it('unsubscribing unsubscribes from the source; each subscription runs on its own (re-entry)', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a-a-a-a|');
      const detected = frames(ts, source).pipe(detect(new SyncDetector()));
      expectObservable(detected, '^--!').toBe('a-b', { a: detection('a', 0), b: detection('a', 2) });
      expectObservable(detected).toBe('a-b-c-d|', { a: detection('a', 0), b: detection('a', 2), c: detection('a', 4), d: detection('a', 6) });
      expectSubscriptions(source.subscriptions).toBe(['^--!', '^------!']);
    });
  });
});

describe('classify()', () => {
  const palmHand = { id: 1, box: [0, 0, 1, 1], landmarks: [], handedness: 'right', handednessScore: 1, presence: 1, score: 1 } as unknown as Detection['hands'][number];
  /** A classifier that names every hand 'palm' (the real registry is tested on photos elsewhere). */
  const everyHandIsPalm: Classifier = { classify: (d) => ({ ...d, hands: d.hands.map((h) => ({ ...h, gesture: 'palm', meaning: 'question', score: 0.9 })) }) as Recognition };
  const withHand = (t: number): Detection => ({ ...detection('a', t), hands: [palmHand], present: true });

  it('gives each hand its gesture, meaning and score, keeping the detect fields', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('a-b|', { a: withHand(0), b: detection('_', 2) });
      expectObservable(source.pipe(classify(everyHandIsPalm))).toBe('a-b|', { a: { ...withHand(0), hands: [{ ...palmHand, gesture: 'palm', meaning: 'question', score: 0.9 }] }, b: detection('_', 2) });
    });
  });

  it('a classifier that throws errors the stream; a source error passes on', () => {
    const ts = scheduler();
    const broken: Classifier = { classify: () => { throw new Error('broken classifier'); } };
    ts.run(({ cold, expectObservable }) => {
      expectObservable(cold('a|', { a: withHand(0) }).pipe(classify(broken))).toBe('#', undefined, new Error('broken classifier'));
      expectObservable(cold<Detection>('-#', undefined, new Error('lost')).pipe(classify(everyHandIsPalm))).toBe('-#', undefined, new Error('lost'));
    });
  });

  it('unsubscribing unsubscribes from the source; re-entry runs again with the same classifier', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a-a|', { a: withHand(0) });
      const classified = source.pipe(classify(everyHandIsPalm));
      const palm = { ...withHand(0), hands: [{ ...palmHand, gesture: 'palm', meaning: 'question', score: 0.9 }] };
      expectObservable(classified, '^-!').toBe('a-', { a: palm });
      expectObservable(classified).toBe('a-a|', { a: palm });
      expectSubscriptions(source.subscriptions).toBe(['^-!', '^--!']);
    });
  });

  it('registry options build a private GestureRegistry (a hand with no landmarks reads none)', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const none = { ...withHand(0), hands: [{ ...palmHand, gesture: 'none', meaning: null, score: 1 }] };
      expectObservable(cold('a|', { a: withHand(0) }).pipe(classify({ minScore: 0.7 }))).toBe('a|', { a: none });
    });
    expect(new GestureRegistry().classify(withHand(0)).hands[0]?.gesture).toBe('none');
  });
});
