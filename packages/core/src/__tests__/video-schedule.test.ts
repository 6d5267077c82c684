import { describe, expect, it } from 'vitest';
import { forgetOld, freshClock, isDue, isKnownFalse, isPalmDue, RECENT_HAND_MS, rejectedHere, tick } from '../detect/video-schedule';

describe('video-schedule: when the palm and face detectors run, by frame timestamps', () => {
  it('isDue: at most perSecond runs a second, with 1 ms slack for 30 fps timestamps; no timestamp or a jump back: due', () => {
    expect(isDue(-Infinity, 0, 3)).toBe(true);
    expect(isDue(0, 1000 / 30 * 9, 3)).toBe(false); // 300 ms < 333 ms
    expect(isDue(0, 1000 / 30 * 10, 3)).toBe(true); // 333.33 ms
    expect(isDue(0, 200 - 0.5, 5)).toBe(true);
    expect(isDue(500, undefined, 3)).toBe(true);
    expect(isDue(500, 100, 3)).toBe(true);
    expect(isDue(0, 1, Infinity)).toBe(true);
  });

  it('isPalmDue: every frame within RECENT_HAND_MS of the last hand, then the budget', () => {
    const clock = { ...freshClock(), palmAt: 1000, handAt: 1000 };
    expect(isPalmDue(clock, 1000 + RECENT_HAND_MS - 1, 3)).toBe(true);
    expect(isPalmDue(clock, 1000 + RECENT_HAND_MS + 1, 3)).toBe(true); // 501 ms since the last run: due anyway
    expect(isPalmDue({ ...clock, palmAt: 1400 }, 1000 + RECENT_HAND_MS + 1, 3)).toBe(false);
  });

  it('tick restarts the clock when timestamps go back (a new stream)', () => {
    const clock = { ...freshClock(), palmAt: 5000, faceAt: 5000, handAt: 5000 };
    tick(clock, 5100);
    expect(clock.palmAt).toBe(5000);
    tick(clock, 0);
    expect(clock).toEqual({ ...freshClock(), frameAt: 0 });
  });

  it('a clearly rejected candidate is remembered at its place for a second; an ambiguous one is not', () => {
    const rejected = [
      { box: [100, 100, 50, 50] as [number, number, number, number], at: 0, presence: 0.05 },
      { box: [300, 100, 50, 50] as [number, number, number, number], at: 0, presence: 0.5 },
    ];
    expect(isKnownFalse(rejected, [102, 101, 50, 50], 500)).toBe(true);
    expect(isKnownFalse(rejected, [102, 101, 50, 50], 1000)).toBe(false);
    expect(isKnownFalse(rejected, [160, 100, 50, 50], 500)).toBe(false);
    expect(isKnownFalse(rejected, [300, 100, 50, 50], 500)).toBe(false);
    expect(isKnownFalse(rejected, [102, 101, 50, 50], undefined)).toBe(false);
    expect(forgetOld(rejected, 999)).toHaveLength(2);
    expect(forgetOld(rejected, 1000)).toHaveLength(0);
  });

  it('with a thumbnail (stillFalsePalmMs), a clear rejection is kept that long for the caller to compare its pixels', () => {
    const thumb = new Float32Array(256);
    const rejected = [{ box: [100, 100, 50, 50] as [number, number, number, number], at: 0, presence: 0.05, thumb }];
    expect(forgetOld(rejected, 1000)).toHaveLength(0);
    expect(forgetOld(rejected, 4999, 5000)).toHaveLength(1);
    expect(forgetOld(rejected, 5000, 5000)).toHaveLength(0);
    expect(forgetOld(rejected, 999, 500)).toHaveLength(1);
    expect(rejectedHere(rejected, [102, 101, 50, 50])).toBe(rejected[0]);
    expect(rejectedHere(rejected, [160, 100, 50, 50])).toBeUndefined();
    expect(rejectedHere([{ ...rejected[0]!, thumb: undefined }], [102, 101, 50, 50])).toBeUndefined();
  });
});
