import { join } from 'node:path';
import { from, lastValueFrom, map, toArray, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MotionEvent } from '../events';
import { InvalidOptionsError } from '../errors';
import { createGestureRecognizer } from '../recognizer';
import { motion, type MotionFrame } from '../stages/motion';
import type { HandLandmarks } from '../types';
import { decodeFixture, FIXTURES_DIR } from './helpers/fixtures';
import { FRAME, scaleTo, sweep, trajectoryFrames, visible, waving, type MovingHand } from './helpers/trajectories';

// Synthetic trajectories: a real hand's 21 landmarks (detected by the shipped models in a fixture
// photo of an open palm) moved along paths. They test the motion logic at any frame rate; the
// real clips are in motion-clips.test.ts.
let palm: HandLandmarks;

beforeAll(async () => {
  const recognizer = await createGestureRecognizer({ backend: 'wasm' });
  const { hands } = await recognizer.recognize(await decodeFixture(join(FIXTURES_DIR, 'palm', 'subhih__pic00067.jpg')));
  recognizer.dispose();
  expect(hands).toHaveLength(1);
  palm = scaleTo(hands[0]!.landmarks, 96);
});
afterAll(() => {});

const hand = (path: MovingHand['path'], id = 1, idAfter?: MovingHand['idAfter']): MovingHand => ({ id, landmarks: palm, path, ...(idAfter ? { idAfter } : {}) });

function run(frames: MotionFrame[], options = {}): Promise<MotionEvent[]> {
  return lastValueFrom(from(frames).pipe(motion(options), toArray()));
}
const names = (events: MotionEvent[]) => events.map((e) => e.gesture);

describe('motion(): swipes', () => {
  const centre = { x: 0.5, y: 0.5 };
  const moves = {
    swipe_right: [{ x: 0.2, y: 0.5 }, { x: 0.8, y: 0.5 }],
    swipe_left: [{ x: 0.8, y: 0.5 }, { x: 0.2, y: 0.5 }],
    swipe_up: [{ x: 0.5, y: 0.8 }, { x: 0.5, y: 0.2 }],
    swipe_down: [{ x: 0.5, y: 0.2 }, { x: 0.5, y: 0.8 }],
  } as const;

  for (const fps of [8, 15, 30, 60]) {
    it(`each direction at ${fps} fps, reported once, within 0.5 s of the move ending`, async () => {
      for (const [gesture, [a, b]] of Object.entries(moves)) {
        const events = await run(trajectoryFrames([hand(sweep(a, b, 500, 400))], { fps, durationMs: 2000 }));
        expect(names(events), `${gesture} at ${fps} fps`).toEqual([gesture]);
        const [event] = events;
        expect(event!.timestamp).toBeGreaterThanOrEqual(900);
        expect(event!.timestamp).toBeLessThanOrEqual(900 + 500);
        expect(event!.startTime).toBeGreaterThanOrEqual(450);
        expect(event!.startTime).toBeLessThan(900);
        expect(event!.score).toBeGreaterThan(0.9);
        expect(event).toMatchObject({ type: 'motion', handId: 1, handedness: 'right', meaning: { swipe_left: 'previous', swipe_right: 'next', swipe_up: 'up', swipe_down: 'down' }[gesture] });
      }
    });
  }

  it('with dropped frames (every third frame missing at 15 fps, or a random 40 %)', async () => {
    const [a, b] = moves.swipe_right;
    expect(names(await run(trajectoryFrames([hand(sweep(a, b, 500, 400))], { fps: 15, durationMs: 2000, drop: (i) => i % 3 === 1 })))).toEqual(['swipe_right']);
    let s = 7;
    const drop = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) < 0.4;
    expect(names(await run(trajectoryFrames([hand(sweep(a, b, 500, 400))], { fps: 30, durationMs: 2000, drop })))).toEqual(['swipe_right']);
  });

  it('speed limits: a slow drift across the frame, and a move too short, give nothing', async () => {
    expect(await run(trajectoryFrames([hand(sweep({ x: 0.2, y: 0.5 }, { x: 0.7, y: 0.5 }, 200, 3000))], { fps: 30, durationMs: 4000 }))).toEqual([]);
    expect(await run(trajectoryFrames([hand(sweep({ x: 0.4, y: 0.5 }, { x: 0.55, y: 0.5 }, 200, 300))], { fps: 30, durationMs: 1500 }))).toEqual([]);
  });

  it('a diagonal or a curved move is not a swipe', async () => {
    expect(await run(trajectoryFrames([hand(sweep({ x: 0.2, y: 0.2 }, { x: 0.7, y: 0.8 }, 200, 400))], { fps: 30, durationMs: 1500 }))).toEqual([]);
    const arc = (t: number) => {
      const u = Math.min(1, Math.max(0, (t - 200) / 600));
      return { x: 0.5 + 0.3 * Math.cos(Math.PI * u), y: 0.5 - 0.35 * Math.sin(Math.PI * u) };
    };
    expect(await run(trajectoryFrames([hand(arc)], { fps: 30, durationMs: 1500 }))).toEqual([]);
  });

  it('a hand that appears mid-move counts from where it appears', async () => {
    const path = sweep({ x: 0.1, y: 0.5 }, { x: 0.9, y: 0.5 }, 0, 600);
    expect(names(await run(trajectoryFrames([hand(visible(path, 200))], { fps: 30, durationMs: 1500 })))).toEqual(['swipe_right']);
    // Seen only for the last 10 % of the frame: not a swipe.
    expect(await run(trajectoryFrames([hand(visible(path, 540))], { fps: 30, durationMs: 1500 }))).toEqual([]);
  });

  it('a hand lost mid-move and found again under a new id is one swipe', async () => {
    const path = sweep({ x: 0.15, y: 0.5 }, { x: 0.85, y: 0.5 }, 300, 500);
    const gap = (t: number) => (t > 450 && t < 650 ? null : path(t));
    const events = await run(trajectoryFrames([hand(gap, 1, [[650, 7]])], { fps: 15, durationMs: 2000 }));
    expect(names(events)).toEqual(['swipe_right']);
    expect(events[0]!.handId).toBe(7);
  });

  it('two hands: each its own swipe, with its own id', async () => {
    const events = await run(
      trajectoryFrames([hand(sweep({ x: 0.45, y: 0.5 }, { x: 0.05, y: 0.5 }, 300, 400), 1), hand(sweep({ x: 0.55, y: 0.5 }, { x: 0.95, y: 0.5 }, 300, 400), 2)], { fps: 30, durationMs: 1500 }),
    );
    expect(events.map((e) => `${e.gesture} ${e.handId}`).sort()).toEqual(['swipe_left 1', 'swipe_right 2']);
  });

  it('jitter: a hand at rest with tracking noise gives nothing; a swipe with it is still one swipe', async () => {
    expect(await run(trajectoryFrames([hand(() => centre)], { fps: 30, durationMs: 5000, jitter: 6 }))).toEqual([]);
    expect(names(await run(trajectoryFrames([hand(sweep({ x: 0.2, y: 0.5 }, { x: 0.8, y: 0.5 }, 500, 400))], { fps: 30, durationMs: 2000, jitter: 6 })))).toEqual(['swipe_right']);
  });

  it('turning back after a swipe ends it there: right then left at once is two swipes', async () => {
    const path = (t: number) => (t < 900 ? sweep({ x: 0.2, y: 0.5 }, { x: 0.8, y: 0.5 }, 300, 500)(t) : sweep({ x: 0.8, y: 0.5 }, { x: 0.2, y: 0.5 }, 900, 500)(t));
    expect(names(await run(trajectoryFrames([hand(path)], { fps: 30, durationMs: 2500 })))).toEqual(['swipe_right', 'swipe_left']);
  });

  it('mirror: the detector flips the landmarks, so a move the person sees going left is swipe_left', async () => {
    const frames = trajectoryFrames([hand(sweep({ x: 0.2, y: 0.5 }, { x: 0.8, y: 0.5 }, 300, 400))], { fps: 30, durationMs: 1500, mirror: true });
    expect(names(await run(frames))).toEqual(['swipe_left']);
  });

  it('a swipe the hand is still making when the frames end is reported on complete', async () => {
    expect(names(await run(trajectoryFrames([hand(sweep({ x: 0.2, y: 0.5 }, { x: 0.8, y: 0.5 }, 300, 400))], { fps: 30, durationMs: 650 })))).toEqual(['swipe_right']);
  });
});

describe('motion(): wave', () => {
  it('a hand swinging side to side (about a hand width, 0.7 s a swing) is one wave, at any frame rate', async () => {
    for (const fps of [8, 15, 30, 60]) {
      const events = await run(trajectoryFrames([hand(waving({ x: 0.5, y: 0.5 }, 0.12, 700, 300, 2800))], { fps, durationMs: 4000 }));
      expect(names(events), `at ${fps} fps`).toEqual(['wave']);
      expect(events[0]!.meaning).toBe('hello');
      expect(events[0]!.timestamp).toBeLessThanOrEqual(300 + 1500);
      expect(events[0]!.score).toBeGreaterThan(0.5);
    }
  });

  it('one reversal is not a wave; swings smaller than waveAmplitude are not a wave', async () => {
    expect(names(await run(trajectoryFrames([hand(waving({ x: 0.5, y: 0.5 }, 0.12, 1400, 300, 700))], { fps: 30, durationMs: 2000 })))).not.toContain('wave');
    expect(await run(trajectoryFrames([hand(waving({ x: 0.5, y: 0.5 }, 0.02, 500, 300, 2500))], { fps: 30, durationMs: 3000 }))).toEqual([]);
  });

  it('waving again after a pause is a second wave', async () => {
    const path = (t: number) => (t < 2500 ? waving({ x: 0.5, y: 0.5 }, 0.12, 700, 300, 1400)(t) : waving({ x: 0.5, y: 0.5 }, 0.12, 700, 4000, 1400)(t));
    expect(names(await run(trajectoryFrames([hand(path)], { fps: 30, durationMs: 6000 })))).toEqual(['wave', 'wave']);
  });
});

describe('motion(): options and stream behaviour', () => {
  it('meanings and the active motions are options; bad options throw InvalidOptionsError', async () => {
    const frames = trajectoryFrames([hand(sweep({ x: 0.2, y: 0.5 }, { x: 0.8, y: 0.5 }, 300, 400))], { fps: 30, durationMs: 1500 });
    expect((await run(frames, { meanings: { swipe_right: 'forward', palm: 'ignored here' } }))[0]!.meaning).toBe('forward');
    expect(await run(frames, { motions: ['wave'] })).toEqual([]);
    expect(() => motion({ minSwipeDistance: 2 })).toThrow(InvalidOptionsError);
    expect(() => motion({ motions: ['jump' as never] })).toThrow(InvalidOptionsError);
    expect(() => motion({ meanings: { wave: 3 as never } })).toThrow(InvalidOptionsError);
  });

  // Marble tests: one marble frame is 1 ms of virtual time (settleMs scaled to 2 ms); each letter is a synthetic frame.
  function marbles(ts: TestScheduler, source: Observable<string>, frames: Record<string, MotionFrame>): Observable<MotionFrame> {
    return source.pipe(map((letter) => ({ ...frames[letter]!, timestamp: ts.now() })));
  }
  const at = (x: number): MotionFrame => trajectoryFrames([hand(() => ({ x, y: 0.5 }))], { fps: 1, durationMs: 0 })[0]!;
  /** Frames by letter (built once the landmarks are loaded). */
  const letters = (): Record<string, MotionFrame> => ({ a: at(0.2), b: at(0.35), c: at(0.5), d: at(0.65), e: at(0.8), _: { hands: [], ...FRAME, timestamp: 0 } });
  const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  const swipe = (t: number, start: number): MotionEvent => ({ type: 'motion', gesture: 'swipe_right', meaning: 'next', handId: 1, handedness: 'right', startTime: start, timestamp: t, score: expect.any(Number) as unknown as number });
  const OPTIONS = { settleMs: 2 };

  it('marbles: a swipe is reported when the hand settles; complete passes on', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(marbles(ts, cold('aaabcdeeeee|'), letters()).pipe(motion(OPTIONS))).toBe('---------s-|', { s: swipe(9, 3) });
    });
  });

  it('marbles: complete mid-move ends the move; an error passes on as it is', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(marbles(ts, cold('aaabcde|'), letters()).pipe(motion(OPTIONS))).toBe('-------(s|)', { s: swipe(6, 3) });
      expectObservable(marbles(ts, cold('aaabc#', undefined, new Error('camera lost')), letters()).pipe(motion(OPTIONS))).toBe('-----#', undefined, new Error('camera lost'));
    });
  });

  it('marbles: unsubscribing unsubscribes from the source; each subscription starts afresh (re-entry)', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('aaabcdeeeee|');
      const moved = marbles(ts, source, letters()).pipe(motion(OPTIONS));
      expectObservable(moved, '^-----!').toBe('------');
      expectObservable(moved).toBe('---------s-|', { s: swipe(9, 3) });
      expectSubscriptions(source.subscriptions).toBe(['^-----!', '^----------!']);
    });
  });
});
