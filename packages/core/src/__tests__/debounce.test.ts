import { map, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { GesturePhaseEvent } from '../events';
import { InvalidOptionsError } from '../errors';
import { debounce, type DebounceFrame, type DebounceHand } from '../stages/debounce';

// One marble frame is 1 ms of virtual time, and each frame's timestamp is the time it arrives,
// so the diagrams below read as time lines. The options are scaled to a few frames:
const OPTIONS = { minHoldMs: 3, enterScore: 0.6, exitScore: 0.4, releaseMs: 2, cooldownMs: 4 };

const hand = (id: number, gesture: string, score: number, handedness: 'left' | 'right' = 'right'): DebounceHand => ({
  id,
  handedness,
  gesture,
  meaning: { fist: 'no', palm: 'question', none: null }[gesture] ?? null,
  score,
});

/** Frame contents by marble letter (timestamps are added from virtual time). */
const FRAMES: Record<string, DebounceHand[]> = {
  F: [hand(1, 'fist', 0.9)], //            fist, clearly
  f: [hand(1, 'fist', 0.5)], //            fist, between exitScore and enterScore
  l: [hand(1, 'fist', 0.2)], //            fist, below exitScore
  n: [hand(1, 'none', 0.9)], //            a hand that matches nothing
  P: [hand(1, 'palm', 0.9)], //            palm on the same hand
  _: [], //                                nobody
  A: [hand(1, 'fist', 0.9), hand(2, 'palm', 0.8, 'left')], // two hands
  B: [hand(2, 'palm', 0.8, 'left')], //    only the second hand
};

function event(phase: 'start' | 'end', id: number, gesture: string, timestamp: number, extra: Partial<GesturePhaseEvent> = {}): GesturePhaseEvent {
  return { type: 'gesture', phase, id, gesture, meaning: { fist: 'no', palm: 'question' }[gesture] ?? null, handId: 1, handedness: 'right', score: 0.9, timestamp, ...extra };
}

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** Marble letters → frames stamped with the virtual time they arrive at. */
function frames(ts: TestScheduler, source: Observable<string>): Observable<DebounceFrame> {
  return source.pipe(map((letter) => ({ hands: FRAMES[letter] ?? [], timestamp: ts.now() })));
}

describe('debounce()', () => {
  it('a hold shorter than minHoldMs gives nothing', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  FFF_FF_FFF__|');
      const expected = '    ------------|';
      expectObservable(frames(ts, source).pipe(debounce(OPTIONS))).toBe(expected);
    });
  });

  it('a hold of minHoldMs starts; releaseMs without it ends; both share one id', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  FFFF____|');
      const expected = '    ---s--e-|';
      expectObservable(frames(ts, source).pipe(debounce(OPTIONS))).toBe(expected, { s: event('start', 1, 'fist', 3), e: event('end', 1, 'fist', 6) });
    });
  });

  it('flicker around the thresholds gives one start and one end (hysteresis)', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      // Below enterScore resets the hold; once started, scores between exitScore and enterScore,
      // and a frame of `none` shorter than releaseMs, keep it on.
      const source = cold('  FfFfFFFFfFfFnFf____|');
      const expected = '    -------s---------e-|';
      expectObservable(frames(ts, source).pipe(debounce(OPTIONS))).toBe(expected, {
        s: event('start', 1, 'fist', 7),
        e: event('end', 1, 'fist', 17, { score: 0.5 }),
      });
    });
  });

  it('a score below exitScore for releaseMs ends it, like no hand at all', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  FFFFlFlll|');
      const expected = '    ---s----e|';
      expectObservable(frames(ts, source).pipe(debounce(OPTIONS))).toBe(expected, { s: event('start', 1, 'fist', 3), e: event('end', 1, 'fist', 8) });
    });
  });

  it('cooldownMs keeps the same gesture from starting again on that hand, but not another gesture', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const cooled = cold('  FFFF___FFFFFFF___|');
      const expected1 = '    ---a--b------c--d|';
      expectObservable(frames(ts, cooled).pipe(debounce(OPTIONS))).toBe(expected1, {
        a: event('start', 1, 'fist', 3),
        b: event('end', 1, 'fist', 6),
        c: event('start', 2, 'fist', 13),
        d: event('end', 2, 'fist', 16),
      });
      const other = cold('   FFFF___PPPP___|');
      const expected2 = '    ---a--b---c--d|';
      expectObservable(frames(ts, other).pipe(debounce(OPTIONS))).toBe(expected2, {
        a: event('start', 1, 'fist', 3),
        b: event('end', 1, 'fist', 6),
        c: event('start', 2, 'palm', 10),
        d: event('end', 2, 'palm', 13),
      });
      const zero = cold('    FFFF___FFFF___|');
      const expected3 = '    ---a--b---c--d|';
      expectObservable(frames(ts, zero).pipe(debounce({ ...OPTIONS, cooldownMs: 0 }))).toBe(expected3, {
        a: event('start', 1, 'fist', 3),
        b: event('end', 1, 'fist', 6),
        c: event('start', 2, 'fist', 10),
        d: event('end', 2, 'fist', 13),
      });
    });
  });

  it('switching gesture ends the old one before the new one starts', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      // The palm's hold starts counting at 4 while the fist is still releasing; the fist ends at 6, the palm starts at 7.
      const source = cold('  FFFFPPPPP|');
      const expected = '    ---s--et-(f|)';
      expectObservable(frames(ts, source).pipe(debounce(OPTIONS))).toBe(expected, {
        s: event('start', 1, 'fist', 3),
        e: event('end', 1, 'fist', 6),
        t: event('start', 2, 'palm', 7),
        f: event('end', 2, 'palm', 8),
      });
    });
  });

  it('tracks two hands at once, each with its own occurrence', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  FAAAAAFFFF___|');
      const palm = (phase: 'start' | 'end', timestamp: number) => event(phase, 2, 'palm', timestamp, { handId: 2, handedness: 'left', score: 0.8 });
      const expected = '    ---ab---c---d|';
      expectObservable(frames(ts, source).pipe(debounce(OPTIONS))).toBe(expected, {
        a: event('start', 1, 'fist', 3),
        b: palm('start', 4),
        c: palm('end', 8),
        d: event('end', 1, 'fist', 12),
      });
    });
  });

  it('a hand that leaves mid-gesture ends its gesture; the other hand goes on', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  FAAAABBBBB|');
      const palm = (phase: 'start' | 'end', timestamp: number) => event(phase, 2, 'palm', timestamp, { handId: 2, handedness: 'left', score: 0.8 });
      const expected = '    ---ab--c--(d|)';
      expectObservable(frames(ts, source).pipe(debounce(OPTIONS))).toBe(expected, {
        a: event('start', 1, 'fist', 3),
        b: palm('start', 4),
        c: event('end', 1, 'fist', 7),
        d: palm('end', 9),
      });
    });
  });

  it('on complete, every held gesture ends at the last timestamp', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  FFFF--|');
      const expected = '    ---s--(e|)';
      expectObservable(frames(ts, source).pipe(debounce(OPTIONS))).toBe(expected, { s: event('start', 1, 'fist', 3), e: event('end', 1, 'fist', 3) });
    });
  });

  it('passes an error on as it is, without ends', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  FFFF-#', undefined, new Error('camera lost'));
      const expected = '    ---s-#';
      expectObservable(frames(ts, source).pipe(debounce(OPTIONS))).toBe(expected, { s: event('start', 1, 'fist', 3) }, new Error('camera lost'));
    });
  });

  it('unsubscribing stops everything and unsubscribes from the source', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('  FFFF_____FFFF|');
      const unsub = '       ^----!';
      const expected = '    ---s-';
      expectObservable(frames(ts, source).pipe(debounce(OPTIONS)), unsub).toBe(expected, { s: event('start', 1, 'fist', 3) });
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('each subscription (re-entry, repeat) starts from a clean state with its own ids', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('  FFFF|');
      const debounced = frames(ts, source).pipe(debounce(OPTIONS));
      expectObservable(debounced).toBe('---s(e|)', { s: event('start', 1, 'fist', 3), e: event('end', 1, 'fist', 3) });
      expectObservable(debounced).toBe('---s(e|)', { s: event('start', 1, 'fist', 3), e: event('end', 1, 'fist', 3) });
    });
  });

  it('reads time only from timestamps: the same frames at any speed give the same events', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      // All frames arrive at once, 10 ms apart in capture time: start at 30, end at 60 (releaseMs 20).
      const source = cold('(abcdefgh|)', Object.fromEntries('abcdefgh'.split('').map((k, i) => [k, { hands: i < 4 ? FRAMES.F! : [], timestamp: i * 10 }])));
      expectObservable(source.pipe(debounce({ ...OPTIONS, minHoldMs: 30, releaseMs: 20 }))).toBe('(se|)', {
        s: event('start', 1, 'fist', 30),
        e: event('end', 1, 'fist', 60),
      });
    });
  });

  it('validates its options', () => {
    expect(() => debounce({ minHoldMs: -1 })).toThrow(InvalidOptionsError);
    expect(() => debounce({ enterScore: 0.3, exitScore: 0.5 })).toThrow(/exitScore/);
    expect(() => debounce({ releaseMs: Number.NaN })).toThrow(/releaseMs/);
  });
});

describe('debounce(): moving hands (frames with boxes)', () => {
  // 30 fps frames of a 640×480 view; a hand is a 60 px box at x (pixels).
  const frame = (t: number, hands: [id: number, gesture: string, x: number][]) => ({
    timestamp: t,
    width: 640,
    height: 480,
    hands: hands.map(([id, gesture, x]) => ({ ...hand(id, gesture, 0.9), box: [x, 200, 60, 60] as [number, number, number, number] })),
  });
  const run = async (frames: ReturnType<typeof frame>[], options = {}) => {
    const { lastValueFrom, from, toArray } = await import('rxjs');
    return (await lastValueFrom(from(frames).pipe(debounce({ ...options }), toArray()))).map((e) => `${e.phase} ${e.gesture} #${e.id} hand ${e.handId} @${Math.round(e.timestamp)}`);
  };
  const at = (i: number) => (i * 1000) / 30;

  it('a palm held through a fast sweep (blurred frames read none, the hand is lost and found under a new id) is one start and one end', async () => {
    const frames = [
      ...Array.from({ length: 15 }, (_, i) => frame(at(i), [[1, 'palm', 50]])), // held at rest
      frame(at(15), [[1, 'none', 110]]), // blurred as it speeds up
      frame(at(16), [[1, 'fist', 190]]),
      ...Array.from({ length: 9 }, (_, i) => frame(at(17 + i), [])), // lost for 300 ms
      ...Array.from({ length: 15 }, (_, i) => frame(at(26 + i), [[2, 'palm', 520]])), // found again, far right, new id
    ];
    expect(await run(frames)).toEqual(['start palm #1 hand 1 @267', 'end palm #1 hand 2 @1333']);
    // Without the motion rule the blurred frames and the loss (longer than releaseMs) end the hold, and it starts again.
    expect(await run(frames, { motionBlurSpeed: Infinity })).toEqual(['start palm #1 hand 1 @267', 'end palm #1 hand 1 @700', 'start palm #2 hand 2 @1133', 'end palm #2 hand 2 @1333']);
  });

  it('blurred frames never start a gesture, and a hand at rest that vanishes still ends after releaseMs', async () => {
    const moving = Array.from({ length: 12 }, (_, i) => frame(at(i), [[1, 'fist', 40 * i]]));
    expect(await run(moving)).toEqual([]);
    const vanishes = [...Array.from({ length: 12 }, (_, i) => frame(at(i), [[1, 'palm', 100]])), ...Array.from({ length: 10 }, (_, i) => frame(at(12 + i), []))];
    expect(await run(vanishes)).toEqual(['start palm #1 hand 1 @267', 'end palm #1 hand 1 @600']);
  });

  it('a hand raised at about motionBlurSpeed, reading the same gesture throughout, starts at the first unblurred frame after minHoldMs', async () => {
    // Steps of 9 px (0.42 frame sides/s) and 12 px (0.56: blurred) in turn, as a fist rising into view does:
    // the hold counts through the blurred frames (8 of them), and the start waits for an unblurred one.
    const rising = Array.from({ length: 14 }, (_, i) => frame(at(i), [[1, 'fist', 400 - 10.5 * i + (i % 2 ? 1.5 : 0)]]));
    expect(await run(rising)).toEqual(['start fist #1 hand 1 @300', 'end fist #1 hand 1 @433']);
    // A blurred frame that reads another gesture (or reads it low) still ends the candidate.
    rising[6] = frame(at(6), [[1, 'palm', 400 - 10.5 * 6]]);
    expect(await run(rising)).toEqual([]);
  });

  it("a new hand id where a hand just vanished is that hand found again: its speed is measured from the lost hand's place", async () => {
    // A hand sweeps at 40 px a frame (1.9 frame sides/s) reading none, the detector loses it and finds it
    // 45 px on (within its box size) under a new id, now reading fist and slowing to a stop.
    const frames = [
      ...Array.from({ length: 6 }, (_, i) => frame(at(i), [[1, 'none', 40 * i]])),
      frame(at(6), [[2, 'fist', 245]]), // 45 px in one frame: still moving fast, so blurred
      ...Array.from({ length: 10 }, (_, i) => frame(at(7 + i), [[2, 'fist', 250]])),
    ];
    expect(await run(frames)).toEqual(['start fist #1 hand 2 @500', 'end fist #1 hand 2 @533']);
  });

  it('a new hand reading another gesture is another hand', async () => {
    const frames = [...Array.from({ length: 12 }, (_, i) => frame(at(i), [[1, 'palm', 100]])), ...Array.from({ length: 12 }, (_, i) => frame(at(12 + i), [[2, 'fist', 400]]))];
    expect(await run(frames)).toEqual(['start palm #1 hand 1 @267', 'end palm #1 hand 1 @600', 'start fist #2 hand 2 @667', 'end fist #2 hand 2 @767']);
  });
});
