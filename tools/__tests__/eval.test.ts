import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GestureRegistry } from '../../packages/core/src/classify/registry';
import type { HandLandmarks, Handedness } from '../../packages/core/src/types';
import { TSX_NODE_ARGS } from '../child-process';
import type { CrossSourceResult } from '../eval/cross-source';
import { BUILTIN_CLASSES, FIXTURES_DIR, FIXTURES_ROOT, REPO_ROOT, seededRandom, splitPart } from '../fixtures';

/**
 * `npm run eval` in reduced form on the real fixtures: 1 seed, K=5, fingerpose as the only peer
 * (Human is left out: a second pipeline would double the time), with `hands-b` as the other set (`--cross`).
 * About 3 minutes on 2 cores: each photo is also read mirrored, as `register()` reads a frame sample. The few-shot classes are the
 * classify accuracy test's evaluation classes, in its order, so the numbers are comparable.
 * Checks that the JSON has every field, that every rate is in [0, 1], and recomputes from the
 * per-image hands, with the classify test's own method (GestureRegistry from src, best hand per
 * image, its seeded few-shot protocol), the built-in and few-shot accuracies the eval reports.
 */
const ROOT = REPO_ROOT;
const EVAL = resolve(ROOT, 'tools/eval/eval.ts');
// thumbs_up and rock are built-ins since #14: scored as built-ins, no longer few-shot.
const FEW_SHOT = ['three', 'asl_digit_0', 'asl_digit_3', 'asl_digit_4', 'asl_digit_7', 'asl_digit_8'];
const BUILTINS = [...BUILTIN_CLASSES, 'thumbs_up', 'rock'];

interface Hand { landmarks: HandLandmarks; handedness: Handedness; presence: number }
interface PerImage { file: string; cls: string; part: 'A' | 'B'; hands: number; best: Hand | null; gesture: string | null; fingerpose?: { gesture: string } | null }
interface Counts { correct: number; detected: number; total: number; accuracyDetected: number | null; accuracyAll: number | null }
interface Scored {
  detection: Record<string, { detected: number; total: number; rate: number | null }>;
  perClass: Record<string, Counts>;
  overall: Counts;
  precisionRecall: Record<string, { tp: number; fp: number; fn: number; precision: number | null; recall: number | null; f1: number | null }>;
  macro: { precision: number | null; recall: number | null; f1: number | null };
  confusion: { rows: string[]; columns: string[]; matrix: number[][] };
  none: { images: number; falseHands: { images: number; hands: number; rate: number | null }; falseGestures: { images: number; rate: number | null; byGesture: Record<string, number> } };
  otherAsBuiltin: { detected: number; asBuiltin: number; rate: number | null };
}
interface FewShotK { k: number; mean: number | null; min: number | null; perSeed: (number | null)[]; perClass: Record<string, { correct: number; total: number; rate: number | null }>; builtinsWithCustoms: { mean: number; min: number } | null }
interface EvalJson {
  version: number;
  date: string;
  data: string;
  machine: { cpu: string; cores: number; node: string };
  classes: { builtin: string[]; fewShot: string[]; images: Record<string, number> };
  images: number;
  detection: { perClass: Record<string, { detected: number; total: number; rate: number | null }>; overall: { detected: number; total: number; rate: number | null } };
  builtin: Scored;
  fewShot: Record<string, FewShotK>;
  timing: { recognize: { medianMs: number; meanMs: number; p95Ms: number; n: number } };
  peers: { fingerpose?: Scored & { version: string; timing: unknown }; human?: unknown };
  perImage: PerImage[];
  crossSource: CrossSourceResult;
}
const HANDS_B = resolve(FIXTURES_ROOT, 'hands-b');

function run(args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    execFile(process.execPath, [...TSX_NODE_ARGS, EVAL, ...args], { cwd: ROOT, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`eval failed: ${stderr || error.message}`));
      else ok(stdout);
    });
  });
}

/** Every [path, value] under `value` whose key names a rate. */
function rates(value: unknown, path = '$'): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => rates(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]): [string, unknown][] => {
    const p = `${path}.${k}`;
    if (['rate', 'accuracyDetected', 'accuracyAll', 'precision', 'recall', 'f1', 'mean', 'min'].includes(k)) return [[p, v], ...rates(v, p)];
    if (k === 'perSeed' && Array.isArray(v)) return v.map((x, i): [string, unknown] => [`${p}[${i}]`, x]);
    return rates(v, p);
  });
}

let result: EvalJson;

beforeAll(async () => {
  if (!existsSync(resolve(ROOT, 'packages/node/dist/index.js'))) throw new Error('packages/node/dist is missing: run `npm run build` (npm test does)');
  const stdout = await run(['--data', FIXTURES_DIR, '--json', '--per-image', '--k', '5', '--seeds', '1', '--peers', 'fingerpose', '--few-shot', FEW_SHOT.join(','), '--cross', HANDS_B]);
  result = JSON.parse(stdout) as EvalJson;
}, 600_000);

describe(`npm run eval, reduced (${FIXTURES_DIR})`, () => {
  it('prints one JSON object with every field', () => {
    for (const key of ['version', 'date', 'data', 'options', 'machine', 'classes', 'images', 'detection', 'builtin', 'fewShot', 'timing', 'peers', 'perImage']) expect(result, key).toHaveProperty(key);
    expect(result.classes.builtin).toEqual([...BUILTINS, 'none']);
    expect(result.classes.fewShot).toEqual(FEW_SHOT);
    expect(result.images).toBe(result.perImage.length);
    // The eval's split is the tests' split.
    for (const image of result.perImage) expect(image.part, image.file).toBe(splitPart(image.file));
    for (const scored of [result.builtin, result.peers.fingerpose!]) {
      for (const key of ['detection', 'perClass', 'overall', 'precisionRecall', 'macro', 'confusion', 'none', 'otherAsBuiltin']) expect(scored, key).toHaveProperty(key);
      expect(Object.keys(scored.perClass)).toEqual(BUILTINS);
      expect(Object.keys(scored.precisionRecall)).toEqual(BUILTINS);
      expect(scored.confusion.rows).toEqual([...BUILTINS, 'none']);
      expect(scored.confusion.columns.slice(0, BUILTINS.length)).toEqual(BUILTINS);
      expect(scored.confusion.columns.slice(-2)).toEqual(['none', 'no hand']);
      // Every image is in exactly one cell.
      scored.confusion.rows.forEach((row, i) => expect(scored.confusion.matrix[i]!.reduce((a, b) => a + b, 0), row).toBe(result.classes.images[row]));
      for (const key of ['falseHands', 'falseGestures']) expect(scored.none, key).toHaveProperty(key);
    }
    expect(Object.keys(result.detection.perClass)).toEqual([...BUILTINS, 'none', ...FEW_SHOT]);
    expect(Object.keys(result.fewShot)).toEqual(['5']);
    const k5 = result.fewShot['5']!;
    expect(k5.perSeed).toHaveLength(1);
    expect(Object.keys(k5.perClass)).toEqual(FEW_SHOT);
    expect(k5.builtinsWithCustoms).not.toBeNull();
    expect(result.timing.recognize.n).toBe(result.images);
    expect(result.timing.recognize.medianMs).toBeGreaterThan(0);
    expect(result.peers.human).toBeUndefined();
    expect(result.machine.cores).toBeGreaterThan(0);
  });

  it('every rate is a number in [0, 1] (null only for a precision of a class never answered)', () => {
    const all = rates(result);
    expect(all.length).toBeGreaterThan(50);
    for (const [path, v] of all) {
      if (v === null && /\.(precision|f1)$/.test(path)) continue;
      expect(typeof v === 'number' && v >= 0 && v <= 1, `${path} = ${String(v)}`).toBe(true);
    }
    // Our classifier answers every built-in at least once on these photos, so no precision is null.
    for (const c of BUILTINS) expect(result.builtin.precisionRecall[c]!.precision).not.toBeNull();
  });

  it('built-in accuracy equals what the classify accuracy test computes on the same hands, and meets its floors', () => {
    const registry = new GestureRegistry();
    let correct = 0;
    let detected = 0;
    let total = 0;
    for (const cls of BUILTINS) {
      const images = result.perImage.filter((i) => i.cls === cls);
      const hands = images.flatMap((i) => (i.best ? [i.best] : []));
      const ok = hands.filter((h) => registry.match(h.landmarks, h.handedness).gesture === cls).length;
      expect(result.builtin.perClass[cls], cls).toMatchObject({ correct: ok, detected: hands.length, total: images.length });
      correct += ok;
      detected += hands.length;
      total += images.length;
    }
    expect(result.builtin.overall).toMatchObject({ correct, detected, total });
    expect(result.builtin.overall.accuracyDetected).toBeCloseTo(correct / detected, 12);
    expect(result.builtin.overall.accuracyAll).toBeCloseTo(correct / total, 12);
    // The classify accuracy test's assertions.
    expect(correct / detected).toBeGreaterThanOrEqual(0.98);
    expect(correct / total).toBeGreaterThanOrEqual(0.95);
    for (const i of result.perImage.filter((x) => x.cls === 'none' && x.best)) expect(registry.match(i.best!.landmarks, i.best!.handedness).gesture).toBe('none');
    expect(result.builtin.none.falseGestures.images).toBe(0);
  });

  it('few-shot K=5, seed 1 equals the classify test protocol recomputed here', async () => {
    const random = seededRandom(1 * 7919 + 5);
    const registry = new GestureRegistry();
    const tests: [string, Hand][] = [];
    for (const cls of FEW_SHOT) {
      const found = result.perImage.filter((i) => i.cls === cls && i.best).map((i) => i.best!);
      const shuffled = found.map((h) => [random(), h] as const).sort((a, b) => a[0] - b[0]).map(([, h]) => h);
      await registry.register(cls, shuffled.slice(0, 5));
      for (const h of shuffled.slice(5)) tests.push([cls, h]);
    }
    const accuracy = tests.filter(([cls, h]) => registry.match(h.landmarks, h.handedness).gesture === cls).length / tests.length;
    const k5 = result.fewShot['5']!;
    expect(k5.perSeed[0]).toBeCloseTo(accuracy, 12);
    expect(k5.mean).toBeCloseTo(accuracy, 12);
    // The classify test asserts the 5-seed mean (≥ 90 %); its lowest single seed measured 78.9 %.
    expect(accuracy).toBeGreaterThanOrEqual(0.75);
    expect(k5.builtinsWithCustoms!.min).toBeGreaterThanOrEqual(0.95);
  });

  it('fingerpose reads our landmarks: same detections, its own answers', () => {
    const fp = result.peers.fingerpose!;
    expect(fp.detection).toEqual(result.builtin.detection);
    expect(fp.overall.detected).toBe(result.builtin.overall.detected);
    for (const i of result.perImage) expect(i.fingerpose === null, i.file).toBe(i.best === null);
  });

  it('on the other set (hands-b): the #14 targets for the built-ins hold, and fingerpose is scored on the same hands', () => {
    const ours = result.crossSource.otherSet;
    // Issue #14: hands found and built-in top-1 ≥ 98 % on hands-b too; no_gesture ≤ 1 of 14; no gesture on none.
    expect(ours.detected.detected / ours.detected.total).toBeGreaterThanOrEqual(0.98);
    expect(ours.overall.accuracyDetected).toBeGreaterThanOrEqual(0.98);
    expect(ours.resting.images).toBe(14);
    expect(ours.resting.withGesture).toBeLessThanOrEqual(1);
    expect(ours.none.images).toBe(0);
    const fp = result.crossSource.otherSet.peers!.fingerpose!;
    expect(fp.detected).toEqual(ours.detected);
    expect(fp.overall.detected).toBe(ours.overall.detected);
    expect(Object.keys(fp.perClass)).toEqual(Object.keys(ours.perClass));
    // It has no thumbs_down, call or rock: those rows are all wrong for it, so it cannot reach ours.
    for (const cls of ['thumbs_down', 'call', 'rock']) expect(fp.perClass[cls]!.correct, cls).toBe(0);
    expect(fp.overall.correct).toBeLessThan(ours.overall.correct);
    expect(result.crossSource.otherSet.peers!.Human).toBeUndefined();
  });
});
