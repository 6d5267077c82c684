import { describe, expect, it } from 'vitest';
import { GestureRegistry } from '../classify/registry';
import { SEED_GESTURES } from '../classify/types';
import { SHAPES, syntheticHand, transform } from './classify-hands';

const four = (deg = 0, scale = 1) => transform(syntheticHand(SHAPES.four), { deg, scale });

describe('the registration report predicts', () => {
  it('says when samples are nearly identical, and gives a leave-one-out estimate', async () => {
    const registry = new GestureRegistry({ builtins: [...SEED_GESTURES] });
    const report = await registry.register('four', [four(), four(0, 1.5), four(0, 0.8), four(20), four(-20)]);
    // Scale is normalised away: the first three are the same hand.
    expect(report.hints.some((h) => h.startsWith('3 of 5 samples are nearly identical'))).toBe(true);
    expect(report.leaveOneOut).toBe(1);
  });

  it('asks for more samples when given one, with no estimate', async () => {
    const report = await new GestureRegistry().register('four', [four()]);
    expect(report.leaveOneOut).toBeNull();
    expect(report.hints[0]).toMatch(/^only 1 sample/);
  });

  it('flags samples the others do not recognise', async () => {
    const registry = new GestureRegistry({ builtins: [...SEED_GESTURES] });
    // Two different shapes under one name: neither is recognised from the other.
    const report = await registry.register('mixed', [four(), syntheticHand(SHAPES.rock)]);
    expect(report.leaveOneOut).toBe(0);
    expect(report.hints.some((h) => h.startsWith('2 of 2 samples are not recognised from the others'))).toBe(true);
  });

  it('names a single odd sample among five, by its index in the samples given', async () => {
    const registry = new GestureRegistry({ builtins: [...SEED_GESTURES] });
    // Index 0 is refused (not a hand), so the rock at index 3 is the fourth accepted sample.
    const samples = [[[0, 0, 0]] as never, four(-20), four(0, 1.2), syntheticHand(SHAPES.rock), four(20), four(10, 0.9)];
    const report = await registry.register('four', samples);
    expect(report.rejected.map((r) => r.index)).toEqual([0]);
    expect(report.leaveOneOut).toBe(0.8);
    expect(report.hints).toContainEqual(expect.stringMatching(/^1 of 5 samples is not recognised from the others \(index 3\b/));
    // Five alike: no such hint.
    const alike = await new GestureRegistry({ builtins: [...SEED_GESTURES] }).register('four', [four(-20), four(0, 1.2), four(20), four(10, 0.9), four(-10)]);
    expect(alike.hints.filter((h) => h.includes('not recognised'))).toEqual([]);
  });
});
