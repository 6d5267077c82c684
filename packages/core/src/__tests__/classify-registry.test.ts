import { firstValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '../errors';
import { GestureRegistry } from '../classify/registry';
import { normalizeLandmarks } from '../classify/normalize';
import { classify } from '../stages/classify';
import type { Detection, DetectedHand, HandLandmarks } from '../types';
import { SHAPES, syntheticHand, transform } from './classify-hands';

const hand = (name: keyof typeof SHAPES, opts?: Parameters<typeof transform>[1]): HandLandmarks => transform(syntheticHand(SHAPES[name]), opts);
const detected = (landmarks: HandLandmarks, presence = 0.99): DetectedHand => ({ id: 1, box: [0, 0, 1, 1], landmarks, handedness: 'right', handednessScore: 0.9, presence, score: presence });
const detection = (hands: DetectedHand[]): Detection => ({ hands, faces: [], present: hands.length > 0, width: 640, height: 480, timestamp: 0 });

describe('normalizeLandmarks', () => {
  it('puts the wrist at the origin and the middle knuckle straight up at distance ≈ 1', () => {
    const n = normalizeLandmarks(hand('palm', { deg: 37, scale: 2.5 }))!;
    expect(n[0]).toEqual([0, 0, 0]);
    expect(n[9]![0]).toBeCloseTo(0, 6);
    expect(n[9]![1]).toBeGreaterThan(0.9);
  });
  it('makes a mirrored left hand identical to the right hand', () => {
    const right = normalizeLandmarks(hand('peace'), 'right')!;
    const left = normalizeLandmarks(hand('peace', { mirror: true }), 'left')!;
    right.forEach((p, i) => p.forEach((v, j) => expect(left[i]![j]).toBeCloseTo(v, 9)));
  });
  it('returns null for a degenerate hand', () => {
    expect(normalizeLandmarks(Array.from({ length: 21 }, () => [5, 5, 0]))).toBeNull();
  });
});

describe('built-in gestures (synthetic shapes)', () => {
  const registry = new GestureRegistry();
  it.each(['fist', 'ok', 'palm', 'one', 'peace'] as const)('%s holds under rotation ±45°, mirroring and scale', (name) => {
    for (const deg of [-45, 0, 45]) for (const mirror of [false, true]) for (const scale of [0.3, 4]) {
      const m = registry.match(hand(name, { deg, mirror, scale }), mirror ? 'left' : 'right');
      expect(m.gesture).toBe(name);
      expect(m.score).toBeGreaterThan(0.5);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });
  it('reads a wrong handedness the same (the rules are mirror-invariant)', () => {
    expect(registry.match(hand('one', { mirror: true }), 'right').gesture).toBe('one');
  });
  it('reads rock as the built-in rock', () => {
    expect(registry.match(hand('rock')).gesture).toBe('rock');
  });
  it.each(['four'] as const)('%s is none', (name) => {
    expect(registry.match(hand(name)).gesture).toBe('none');
  });
  it('carries the meaning map', () => {
    expect(registry.match(hand('palm')).meaning).toBe('question');
    const custom = new GestureRegistry({ meanings: { palm: 'hello' } });
    expect(custom.match(hand('palm')).meaning).toBe('hello');
    custom.setOptions({ meanings: { fist: null } });
    expect(custom.match(hand('fist'))).toMatchObject({ gesture: 'fist', meaning: null });
    expect(custom.match(hand('palm')).meaning).toBe('hello');
  });
  it('rejects invalid options', () => {
    expect(() => new GestureRegistry({ minScore: 2 })).toThrow(InvalidOptionsError);
    expect(() => new GestureRegistry({ meanings: { jump: 'hi' } as never })).toThrow(InvalidOptionsError);
    expect(() => new GestureRegistry({ builtins: ['wave' as never] })).toThrow(InvalidOptionsError);
  });
});

describe('GestureRegistry.register', () => {
  it('learns a custom gesture beside the built-ins; horns (a rock-shaped custom) does not break fist', async () => {
    const registry = new GestureRegistry();
    const samples = [hand('rock'), hand('rock', { deg: 20 }), hand('rock', { deg: -20, mirror: true })];
    const report = await registry.register('horns', samples, { meaning: 'party' });
    // The built-in rock has the same shape: the report says so.
    expect(report).toMatchObject({ gesture: 'horns', registered: true, accepted: 3, rejected: [], confusable: true, nearest: { gesture: 'rock' } });
    expect(registry.match(hand('rock', { deg: 10, scale: 2 }))).toMatchObject({ gesture: 'horns', meaning: 'party' });
    expect(registry.match(hand('fist')).gesture).toBe('fist');
    expect(registry.list().map((g) => g.name)).toEqual(['fist', 'ok', 'palm', 'one', 'peace', 'thumbs_up', 'thumbs_down', 'call', 'rock', 'horns']);
  });

  it('takes a built-in or used name only with replace: true, and unregister restores the built-in', async () => {
    const registry = new GestureRegistry();
    await expect(registry.register('fist', [hand('rock')])).rejects.toThrow(InvalidOptionsError);
    await registry.register('fist', [hand('rock')], { replace: true, meaning: 'horns' });
    expect(registry.match(hand('rock'))).toMatchObject({ gesture: 'fist', meaning: 'horns' });
    expect(registry.list().filter((g) => g.name === 'fist')).toEqual([{ name: 'fist', meaning: 'horns', kind: 'custom', samples: 1 }]);
    expect(registry.unregister('fist')).toBe(true);
    expect(registry.match(hand('fist'))).toMatchObject({ gesture: 'fist', meaning: 'no' });
    await registry.register('horns', [hand('rock')]);
    await expect(registry.register('horns', [hand('rock')])).rejects.toThrow(InvalidOptionsError);
    expect(registry.unregister('horns')).toBe(true);
    expect(registry.unregister('horns')).toBe(false);
    expect(registry.unregister('palm')).toBe(true);
    expect(registry.match(hand('palm')).gesture).toBe('none');
  });

  it('refuses bad names and sample counts', async () => {
    const registry = new GestureRegistry();
    for (const name of ['', 'none', '__proto__', 'constructor', 'x'.repeat(65)]) {
      await expect(registry.register(name, [hand('rock')])).rejects.toThrow(InvalidOptionsError);
    }
    await expect(registry.register('horns', [])).rejects.toThrow(InvalidOptionsError);
    await expect(registry.register('horns', Array.from({ length: 51 }, () => hand('rock')))).rejects.toThrow(InvalidOptionsError);
    // Meanings follow the pack's rule, so whatever registers also exports and imports back.
    for (const meaning of ['', '   ', 'constructor', 'x'.repeat(65), 42]) {
      await expect(registry.register('horns', [hand('rock')], { meaning: meaning as never })).rejects.toThrow(InvalidOptionsError);
    }
    await registry.register('horns', [hand('rock')], { meaning: 'm'.repeat(64) });
    expect(await new GestureRegistry().import(registry.export())).toEqual(['horns']);
  });

  it('reports rejected samples with reasons, running frames through detect', async () => {
    const answers: Record<string, DetectedHand[]> = { empty: [], two: [detected(hand('rock')), detected(hand('rock'))], faint: [detected(hand('rock'), 0.1)], good: [detected(hand('rock'))] };
    const registry = new GestureRegistry({
      detect: async (frame) => {
        const key = (frame as { data: Uint8Array; tag?: string }).tag ?? 'bad';
        if (!(key in answers)) throw new Error('undecodable frame');
        return detection(answers[key]!);
      },
    });
    const frame = (tag: string) => ({ data: new Uint8Array(4), width: 1, height: 1, tag });
    const report = await registry.register('horns', [frame('empty'), frame('two'), frame('faint'), frame('good'), frame('bad'), [[1, 2, 3]], { landmarks: hand('rock'), handedness: 'left' }]);
    expect(report.accepted).toBe(2);
    expect(report.rejected.map(({ index, reason }) => [index, reason])).toEqual([[0, 'no-hand'], [1, 'multiple-hands'], [2, 'low-confidence'], [4, 'invalid'], [5, 'invalid']]);
  });

  it('rejects a sample hand below minSamplePresence (the registry\'s own option, not the detector\'s minPresence)', async () => {
    const registry = new GestureRegistry({ minSamplePresence: 0.95 });
    expect(registry.getOptions().minSamplePresence).toBe(0.95);
    expect(new GestureRegistry().getOptions().minSamplePresence).toBe(0.5);
    expect(() => new GestureRegistry({ minSamplePresence: 1.5 })).toThrow(/minSamplePresence/);
    const report = await registry.register('horns', [detected(hand('rock'), 0.9), detected(hand('rock'), 0.99)]);
    expect(report.rejected).toEqual([{ index: 0, reason: 'low-confidence', message: 'hand presence 0.90 is below minSamplePresence 0.95' }]);
    expect(report.accepted).toBe(1);
  });

  it('does not register when every sample is rejected', async () => {
    const registry = new GestureRegistry();
    const report = await registry.register('horns', [{ data: new Uint8Array(4), width: 1, height: 1 }]);
    expect(report).toMatchObject({ registered: false, accepted: 0, rejected: [{ index: 0, reason: 'invalid' }] });
    expect(registry.has('horns')).toBe(false);
  });

  it('warns confusable when the new gesture looks like an existing one', async () => {
    const registry = new GestureRegistry();
    const report = await registry.register('four', [hand('palm'), hand('palm', { deg: 10 })]);
    expect(report.nearest?.gesture).toBe('palm');
    expect(report.confusable).toBe(true);
  });
});

describe('classify() operator', () => {
  it('adds gesture, meaning and score to every hand and keeps presence', async () => {
    const result = await firstValueFrom(of(detection([detected(hand('peace'), 0.8)])).pipe(classify()));
    expect(result.hands[0]).toMatchObject({ gesture: 'peace', meaning: 'goodbye', presence: 0.8, id: 1 });
    expect(result.hands[0]!.score).toBeGreaterThan(0.5);
  });
  it('uses a shared registry, so later registrations apply', async () => {
    const registry = new GestureRegistry();
    const op = classify(registry);
    await registry.register('horns', [hand('rock')], { meaning: 'party' });
    const result = await firstValueFrom(of(detection([detected(hand('rock'))])).pipe(op));
    expect(result.hands[0]).toMatchObject({ gesture: 'horns', meaning: 'party' });
  });
});
