import { observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { BackendInfo } from '../backend/start';
import type { GestureEvent, GesturePhaseEvent } from '../events';
import { GestureObserver } from '../observer/observer';
import { planOptionChange, recognizerOptionsOf, sameOption } from '../observer/option-equality';
import { IDLE_SNAPSHOT, patchSnapshot, reduceSnapshot, type GestureSnapshot } from '../observer/snapshot';

// reduceSnapshot is pure: these tests fold hand-written events, no recognizer, no timers.

function phase(phase: 'start' | 'end', id: number, handId: number, gesture: string, timestamp: number): GesturePhaseEvent {
  return { type: 'gesture', phase, id, gesture, meaning: gesture === 'fist' ? 'no' : 'question', handId, handedness: handId === 1 ? 'right' : 'left', score: 0.9, timestamp };
}

const fold = (events: GestureEvent[], from: GestureSnapshot = IDLE_SNAPSHOT, backend?: BackendInfo | null) => events.reduce((s, e) => reduceSnapshot(s, e, backend), from);

describe('reduceSnapshot', () => {
  it('holds one gesture per hand, the most recently started one first in gesture/meaning', () => {
    const fist = phase('start', 1, 1, 'fist', 100);
    const palm = phase('start', 2, 2, 'palm', 200);
    const both = fold([fist, palm]);
    expect(both.hands.map((h) => [h.id, h.handId, h.gesture, h.since])).toEqual([[1, 1, 'fist', 100], [2, 2, 'palm', 200]]);
    expect(both).toMatchObject({ gesture: 'palm', meaning: 'question', lastEvent: palm });
    // The first hand's gesture ends: the other hand's is what is shown.
    const palmOnly = reduceSnapshot(both, phase('end', 1, 1, 'fist', 300));
    expect(palmOnly.hands.map((h) => h.id)).toEqual([2]);
    expect(palmOnly).toMatchObject({ gesture: 'palm', meaning: 'question' });
    // A new gesture on hand 2 replaces its old hold (one per hand), and is the latest.
    const fistOn2 = reduceSnapshot(palmOnly, phase('start', 3, 2, 'fist', 400));
    expect(fistOn2.hands.map((h) => [h.id, h.handId, h.gesture])).toEqual([[3, 2, 'fist']]);
    const none = reduceSnapshot(fistOn2, phase('end', 3, 2, 'fist', 500));
    expect(none).toMatchObject({ hands: [], gesture: null, meaning: null, lastEvent: { phase: 'end', id: 3 } });
  });

  it('keeps the held order when an older hold ends, and shows the newest remaining', () => {
    const s = fold([phase('start', 1, 1, 'fist', 0), phase('start', 2, 2, 'palm', 10), phase('end', 2, 2, 'palm', 20)]);
    expect(s).toMatchObject({ gesture: 'fist', meaning: 'no' });
    expect(s.hands.map((h) => h.id)).toEqual([1]);
  });

  it('maps presence events: back → present, away → away', () => {
    const back: GestureEvent = { type: 'presence', state: 'back', timestamp: 0 };
    const away: GestureEvent = { type: 'presence', state: 'away', timestamp: 5000 };
    expect(reduceSnapshot(IDLE_SNAPSHOT, back)).toMatchObject({ presence: 'present', lastEvent: back });
    expect(fold([back, away])).toMatchObject({ presence: 'away', lastEvent: away });
  });

  it('a context-lost warning updates the backend to the one given; other warnings and errors only become lastEvent', () => {
    const before: BackendInfo = { name: 'webgl', reason: 'first' } as BackendInfo;
    const after: BackendInfo = { name: 'wasm', reason: 'rebuilt' } as BackendInfo;
    const ready = patchSnapshot(IDLE_SNAPSHOT, { status: 'ready', backend: before });
    const lost: GestureEvent = { type: 'warning', code: 'context-lost', message: 'WebGL context lost' };
    expect(reduceSnapshot(ready, lost, after)).toMatchObject({ backend: after, lastEvent: lost });
    expect(reduceSnapshot(ready, lost).backend).toBe(before); // no backend given: kept
    const dropped: GestureEvent = { type: 'warning', code: 'frames-dropped', message: '3 frames dropped' };
    expect(reduceSnapshot(ready, dropped, after)).toMatchObject({ backend: before, lastEvent: dropped });
    const error = { type: 'error', error: new Error('bad frame') } as unknown as GestureEvent;
    expect(reduceSnapshot(ready, error)).toMatchObject({ status: 'ready', lastEvent: error });
  });

  it('returns the same object when nothing changes, and never mutates its input', () => {
    const start = phase('start', 1, 1, 'fist', 100);
    const holding = reduceSnapshot(IDLE_SNAPSHOT, start);
    expect(reduceSnapshot(holding, start)).toBe(holding); // the same event again
    const back: GestureEvent = { type: 'presence', state: 'back', timestamp: 0 };
    const present = reduceSnapshot(holding, back);
    expect(reduceSnapshot(present, back)).toBe(present);
    const end = phase('end', 1, 1, 'fist', 200);
    const ended = reduceSnapshot(present, end);
    expect(reduceSnapshot(ended, end)).toBe(ended);
    expect(holding.hands).toHaveLength(1);
    expect(Object.isFrozen(ended)).toBe(true);
    expect(IDLE_SNAPSHOT).toMatchObject({ hands: [], gesture: null, presence: 'unknown', lastEvent: null });
  });

  it('patchSnapshot makes a new frozen object only for a real change', () => {
    expect(patchSnapshot(IDLE_SNAPSHOT, { status: 'idle', gesture: null })).toBe(IDLE_SNAPSHOT);
    const loading = patchSnapshot(IDLE_SNAPSHOT, { status: 'loading' });
    expect(loading).not.toBe(IDLE_SNAPSHOT);
    expect(loading).toMatchObject({ ...IDLE_SNAPSHOT, status: 'loading' });
    expect(Object.isFrozen(loading)).toBe(true);
  });
});

describe('sameOption', () => {
  it('compares plain data by content and everything else by identity', () => {
    expect(sameOption({ width: 640, height: 480 }, { width: 640, height: 480 })).toBe(true);
    expect(sameOption({ width: 640 }, { width: 640, height: undefined })).toBe(false);
    expect(sameOption(['fist', 'palm'], ['fist', 'palm'])).toBe(true);
    expect(sameOption(['fist', 'palm'], ['palm', 'fist'])).toBe(false);
    expect(sameOption({ meanings: { fist: 'no' } }, { meanings: { fist: 'yes' } })).toBe(false);
    expect(sameOption(new URL('https://a.test/models/'), new URL('https://a.test/models/'))).toBe(true);
    expect(sameOption(new URL('https://a.test/a/'), new URL('https://a.test/b/'))).toBe(false);
    expect(sameOption(() => 1, () => 1)).toBe(false);
    const fn = () => 1;
    expect(sameOption(fn, fn)).toBe(true);
    class Box {
      constructor(readonly v: number) {}
    }
    expect(sameOption(new Box(1), new Box(1))).toBe(false);
    expect(sameOption(Object.assign(Object.create(null) as object, { a: 1 }), { a: 1 })).toBe(true);
    expect(sameOption(undefined, null)).toBe(false);
  });
});

describe('planOptionChange', () => {
  it('ignores equal values, restarts for source/enabled/event options, reloads for other recognizer options it owns', () => {
    expect(planOptionChange({ modelBaseUrl: new URL('https://a.test/m/') }, { modelBaseUrl: new URL('https://a.test/m/') }, true)).toEqual({ changed: [], camera: false, classifier: false, work: 'none' });
    expect(planOptionChange({ minHoldMs: 200 }, { minHoldMs: 300 }, true).work).toBe('restart');
    expect(planOptionChange({ enabled: true }, { enabled: false }, true).work).toBe('restart');
    expect(planOptionChange({}, { source: {} }, true)).toEqual({ changed: ['source'], camera: true, classifier: false, work: 'restart' });
    expect(planOptionChange({ camera: false }, { camera: true }, true)).toEqual({ changed: ['camera'], camera: true, classifier: false, work: 'none' });
    expect(planOptionChange({ releaseAfterMs: 0 }, { releaseAfterMs: 100 }, true).work).toBe('none');
    expect(planOptionChange({ maxHands: 1 }, { maxHands: 2 }, true).work).toBe('reload');
    expect(planOptionChange({ maxHands: 1 }, { maxHands: 2 }, false).work).toBe('none'); // a given recognizer is not ours to reload
    expect(planOptionChange({}, { recognizer: {} }, false).work).toBe('reload');
    expect(planOptionChange({ maxHands: 1 }, { maxHands: 2, minHoldMs: 10 }, true).work).toBe('reload');
    expect(planOptionChange({ meanings: { palm: 'a' } }, { meanings: { palm: 'b' }, minScore: 0.7 }, true)).toMatchObject({ classifier: true, work: 'restart' });
    expect(planOptionChange({ meanings: { palm: 'a' } }, { meanings: { palm: 'b' } }, false)).toMatchObject({ classifier: false, work: 'restart' }); // a given recognizer's registry is the app's; motion meanings restart events()
    expect(planOptionChange({ meanings: { palm: 'a' } }, { meanings: { palm: 'b' }, minHoldMs: 10 }, true)).toMatchObject({ classifier: true, work: 'restart' });
    expect(planOptionChange({ minScore: 0.5 }, { minScore: 0.6, maxHands: 1 }, true)).toMatchObject({ classifier: false, work: 'reload' });
  });

  it('recognizerOptionsOf drops only the observer\'s own keys', () => {
    expect(recognizerOptionsOf({ source: null, recognizer: undefined, enabled: true, camera: true, releaseAfterMs: 0, maxHands: 2, minHoldMs: 300 })).toEqual({ maxHands: 2, minHoldMs: 300 });
  });
});

describe('GestureObserver RxJS interop', () => {
  it("answers RxJS's observable key, '@@observable' and Symbol.observable (when defined) with a snapshot stream", () => {
    const keys = new Set<string | symbol>([observable, '@@observable', ...((Symbol as { observable?: symbol }).observable ? [(Symbol as { observable?: symbol }).observable!] : [])]);
    expect(keys.has('@@observable')).toBe(true);
    for (const key of keys) {
      const observer = new GestureObserver({ recognizer: new Promise(() => {}) });
      const interop = (observer as unknown as Record<string | symbol, () => { subscribe(o: { next(s: GestureSnapshot): void }): { unsubscribe(): void } }>)[key]!();
      const seen: string[] = [];
      const subscription = interop.subscribe({ next: (s) => seen.push(s.status) });
      subscription.unsubscribe();
      expect(seen).toEqual(['idle', 'loading']);
      observer.destroy();
    }
  });
});
