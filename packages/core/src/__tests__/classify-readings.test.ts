import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreeingReadings } from '../classify/learn';
import { imageUp, normalizeLandmarks } from '../classify/normalize';
import { loadReferenceData } from '../classify/reference';
import { GestureRegistry } from '../classify/registry';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import type { HandLandmarks } from '../types';
import { SHAPES, syntheticHand, transform, type Shape } from './classify-hands';
import { FIXTURES_DIR, decodeFixture, handshapeNote } from './helpers/fixtures';

// Issue #14: a few-shot sample whose landmarks misread one finger lets its gesture claim the
// shapes it then looks like (a `three` with its folded pinky read half up took `four` hands). A
// frame sample is read twice, as is and mirrored; register() keeps the reading the other samples
// agree with.

const THREE: Shape = { thumb: 'tucked', index: true, middle: true, ring: true, pinky: false };
const three = (deg: number) => transform(syntheticHand(THREE), { deg });
const four = transform(syntheticHand(SHAPES.four), { deg: 5 });
const reading = (hand: HandLandmarks) => ({ hand: normalizeLandmarks(hand)!, up: imageUp(hand) });
const SEED_FIVE = ['fist', 'ok', 'palm', 'one', 'peace'] as const;

describe('agreeingReadings', () => {
  // Match vectors are whitened with the reference data (register() loads it itself).
  beforeAll(() => loadReferenceData());

  it('keeps, of each sample\'s readings, the one nearer the other samples', () => {
    const [a, b, c] = [reading(three(-10)), reading(three(10)), reading(three(0))];
    const misread = reading(four);
    const chosen = agreeingReadings([[a], [b], [misread, c]]);
    expect(chosen[0]).toBe(a);
    expect(chosen[1]).toBe(b);
    expect(chosen[2]).toBe(c);
    // The order of a sample's readings does not matter; one sample alone keeps its first reading.
    expect(agreeingReadings([[a], [b], [c, misread]])[2]).toBe(c);
    expect(agreeingReadings([[misread, c]])[0]).toBe(misread);
  });

  it('always returns one reading of each sample, and each first reading when there is no second', () => {
    const shapes = Object.keys(SHAPES) as (keyof typeof SHAPES)[];
    const hand = fc.record({ shape: fc.constantFrom(...shapes), deg: fc.double({ min: -60, max: 60, noNaN: true }) }).map(({ shape, deg }) => reading(transform(syntheticHand(SHAPES[shape]), { deg })));
    fc.assert(
      fc.property(fc.array(fc.tuple(hand, fc.option(hand, { nil: undefined })), { minLength: 1, maxLength: 6 }), (samples) => {
        const readings = samples.map(([first, second]) => (second ? [first, second] : [first]));
        const chosen = agreeingReadings(readings);
        expect(chosen).toHaveLength(samples.length);
        chosen.forEach((r, i) => expect(readings[i]).toContain(r));
        const firsts = samples.map(([first]) => [first]);
        expect(agreeingReadings(firsts)).toEqual(firsts.map(([f]) => f));
      }),
      { numRuns: 50 },
    );
  });
});

describe('register() with a second reading of a sample', () => {
  it('a misread sample with a right mirrored reading no longer claims the shape it was misread as', async () => {
    const withReading = new GestureRegistry({ builtins: [...SEED_FIVE] });
    await withReading.register('three', [three(-10), three(10), { landmarks: four, mirroredReading: three(0) }]);
    expect(withReading.match(four).gesture).not.toBe('three');
    expect(withReading.match(three(0)).gesture).toBe('three');
    // Without the second reading the same samples claim the four (what the reading fixes).
    const without = new GestureRegistry({ builtins: [...SEED_FIVE] });
    await without.register('three', [three(-10), three(10), { landmarks: four }]);
    expect(without.match(four).gesture).toBe('three');
  });

  it('ignores a mirrored reading that is not 21 finite landmarks', async () => {
    const registry = new GestureRegistry({ builtins: [...SEED_FIVE] });
    const report = await registry.register('three', [three(-10), { landmarks: three(10), mirroredReading: [[1, 2]] as unknown as HandLandmarks }, { landmarks: three(0), mirroredReading: 'x' as unknown as HandLandmarks }]);
    expect(report.accepted).toBe(3);
    expect(report.rejected).toEqual([]);
  });
});

describe('real models: the mirrored reading (image mode)', () => {
  let recognizer: GestureRecognizer;
  beforeAll(async () => {
    recognizer = await createGestureRecognizer({ backend: 'wasm' });
  }, 120_000);
  afterAll(() => recognizer?.dispose());

  it('reads every hand of a photo again, close to the first reading, only when asked, with no tensor left', async () => {
    const frame = await decodeFixture(join(FIXTURES_DIR, 'palm', readdirSync(join(FIXTURES_DIR, 'palm')).sort()[0]!));
    const plain = await recognizer.detector.detect(frame, { mode: 'image' });
    expect(plain.hands.length).toBeGreaterThan(0);
    for (const h of plain.hands) expect(h.mirroredReading).toBeUndefined();
    const before = tf.memory().numTensors;
    const twice = await recognizer.detector.detect(frame, { mode: 'image', mirroredReading: true });
    expect(tf.memory().numTensors).toBe(before);
    expect(twice.hands.map((h) => h.box)).toEqual(plain.hands.map((h) => h.box));
    for (const h of twice.hands) {
      const again = h.mirroredReading!;
      expect(again).toHaveLength(21);
      const palm = Math.hypot(h.landmarks[9]![0] - h.landmarks[0]![0], h.landmarks[9]![1] - h.landmarks[0]![1]);
      const mean = again.reduce((s, p, i) => s + Math.hypot(p[0] - h.landmarks[i]![0], p[1] - h.landmarks[i]![1]), 0) / 21;
      // The same hand (not its mirror image): on an open palm the two readings lie within a fifth of the palm size.
      expect(mean / palm).toBeLessThan(0.2);
    }
  }, 120_000);

  it('hands/three: registered from frames, the README-shaped photos no longer claim hands/four (one of them reads its pinky half up as is)', async () => {
    const dir = (cls: string) => readdirSync(join(FIXTURES_DIR, cls)).sort().map((f) => join(FIXTURES_DIR, cls, f));
    const threes = dir('three').filter((f) => !handshapeNote(f));
    const frames = await Promise.all(threes.map((f) => decodeFixture(f)));
    const firstHand = async (frame: Awaited<ReturnType<typeof decodeFixture>>) => (await recognizer.recognize(frame)).hands[0];
    const fours = (await Promise.all(dir('four').map(async (f) => firstHand(await decodeFixture(f))))).filter((h) => h !== undefined);
    const hands = (await Promise.all(frames.map(firstHand))).filter((h) => h !== undefined);
    const fromFrames = new GestureRegistry({ builtins: [...SEED_FIVE], detect: (frame) => recognizer.detector.detect(frame, { mode: 'image', mirroredReading: true }) });
    await fromFrames.register('three', frames);
    const fromLandmarks = new GestureRegistry({ builtins: [...SEED_FIVE] });
    await fromLandmarks.register('three', hands.map((h) => ({ landmarks: h.landmarks, handedness: h.handedness })));
    const claimed = (r: GestureRegistry) => fours.filter((h) => r.match(h.landmarks, h.handedness).gesture === 'three').length;
    expect(fours.length).toBeGreaterThanOrEqual(12);
    // Measured 2026-12-01: 0 of 14 with both readings, 13 of 14 with one.
    expect(claimed(fromFrames)).toBeLessThanOrEqual(1);
    expect(claimed(fromLandmarks)).toBeGreaterThanOrEqual(fours.length / 2);
  }, 240_000);
});
