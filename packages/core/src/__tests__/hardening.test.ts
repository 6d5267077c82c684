import { concat, concatMap, lastValueFrom, map, Observable, of, timer, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { GESTURE_PACK_LIMITS, type GesturePack } from '../classify/pack';
import { GestureRegistry } from '../classify/registry';
import type { DetectorStats, HandDetector } from '../detect/hand-detector';
import { DisposedError, GestureError, GesturePackError, InvalidFrameError, InvalidOptionsError } from '../errors';
import type { GestureEvent } from '../events';
import { resolveOptions } from '../options';
import { assembleRecognizer } from '../recognizer';
import { FRAME_LIMITS, frameToTensor } from '../frame';
import { fromFrames } from '../sources/from-frames';
import type { Detection, Frame, TimedFrame } from '../types';
import { SHAPES, syntheticHand, transform } from './classify-hands';
import { fakeRecognizer, type ScriptedFrame } from './helpers/fake-detector';

// Regression tests for issue #17 (hardening), the @gesture/core items. No models: registry, packs and the fake detector.

const rock = syntheticHand(SHAPES.rock);
const sample = (i: number) => transform(rock, { deg: i % 40 });

let packSample: GesturePack['gestures'][number]['samples'] | null = null;

/** The normalised samples of one registered rock, as a pack holds them. */
async function loadSample(): Promise<void> {
  const registry = new GestureRegistry();
  await registry.register('horns', [rock]);
  packSample = registry.export().gestures[0]!.samples;
}

/** A pack of `count` custom gestures named `g0`, `g1`, … (call `loadSample()` first). */
function packOf(count: number, prefix = 'g'): GesturePack {
  const samples = packSample!;
  return { format: 'gesture-pack', version: 2, gestures: Array.from({ length: count }, (_, i) => ({ name: `${prefix}${i}`, meaning: null, replace: false, samples })), motions: [] };
}

describe('1. the registry never holds more gestures than a valid pack', () => {
  it('register() refuses a 101st custom gesture with InvalidOptionsError, and the registry is unchanged', async () => {
    await loadSample();
    const registry = new GestureRegistry();
    await registry.import(packOf(GESTURE_PACK_LIMITS.maxGestures));
    const before = JSON.stringify(registry.export());
    await expect(registry.register('extra', [rock])).rejects.toBeInstanceOf(InvalidOptionsError);
    expect(JSON.stringify(registry.export())).toBe(before);
    // Replacing one of the 100 is still fine, and the export imports back.
    await expect(registry.register('g0', [rock], { replace: true })).resolves.toMatchObject({ registered: true });
    await expect(new GestureRegistry().import(JSON.parse(JSON.stringify(registry.export())))).resolves.toHaveLength(GESTURE_PACK_LIMITS.maxGestures);
  });

  it('import() refuses a pack that would take the registry past 100, and changes nothing', async () => {
    await loadSample();
    const registry = new GestureRegistry();
    await registry.import(packOf(60, 'a'));
    const before = JSON.stringify(registry.export());
    const error = await registry.import(packOf(50, 'b')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GesturePackError);
    expect((error as GesturePackError).details.path).toBe('$.gestures');
    expect(JSON.stringify(registry.export())).toBe(before);
    // Same names replace: 60 + 50 of which 50 already there is fine.
    expect(await registry.import(packOf(50, 'a'))).toHaveLength(50);
  });
});

describe('4. arrays with holes fail pack validation', () => {
  it('a hole in gestures: no partial import, GesturePackError at the hole', async () => {
    await loadSample();
    const registry = new GestureRegistry();
    const pack = packOf(3, 'h') as unknown as { gestures: unknown[] };
    delete pack.gestures[1];
    await expect(registry.import(pack)).rejects.toThrow(expect.objectContaining({ code: 'gesture-pack', details: { path: '$.gestures[1]' } }));
    expect(registry.export().gestures).toEqual([]);
  });

  it('a hole in a sample: refused, so recognize() (match) can never throw TypeError afterwards', async () => {
    await loadSample();
    const registry = new GestureRegistry();
    const pack = JSON.parse(JSON.stringify(packOf(1, 'h'))) as GesturePack;
    delete (pack.gestures[0]!.samples[0] as unknown[])[3];
    await expect(registry.import(pack)).rejects.toThrow(expect.objectContaining({ details: { path: '$.gestures[0].samples[0][3]' } }));
    const point = JSON.parse(JSON.stringify(packOf(1, 'p'))) as GesturePack;
    delete (point.gestures[0]!.samples[0]![3] as unknown[])[1];
    await expect(registry.import(point)).rejects.toThrow(expect.objectContaining({ details: { path: '$.gestures[0].samples[0][3][1]' } }));
    expect(() => registry.match(rock)).not.toThrow();
  });

  it('register() rejects landmarks with a hole as invalid', async () => {
    const holed = [...rock] as unknown[];
    delete holed[4];
    const report = await new GestureRegistry().register('x', [holed as never, rock]);
    expect(report.rejected).toEqual([expect.objectContaining({ index: 0, reason: 'invalid' })]);
  });
});

/** A detector that finds one rock hand in any frame after `delayMs`. */
function rockDetector(delayMs: number): HandDetector {
  const stats: DetectorStats = { frames: 0, detectorRuns: 0, landmarkRuns: 0, faceRuns: 0, lastTimings: { detectorMs: 0, landmarksMs: 0, facesMs: 0, totalMs: 0 } };
  return {
    stats,
    reset() {},
    dispose() {},
    async detect(): Promise<Detection> {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const hand = { id: 1, box: [0, 0, 10, 10] as [number, number, number, number], landmarks: rock, handedness: 'right' as const, handednessScore: 1, presence: 1, score: 1 };
      return { hands: [hand], faces: [], present: true, width: 10, height: 10, timestamp: 0 };
    },
  };
}

describe('8. register() races', () => {
  it('two concurrent register() of one name without replace: the second fails like a sequential one', async () => {
    const registry = new GestureRegistry();
    const results = await Promise.allSettled([registry.register('x', [rock, sample(10)]), registry.register('x', [sample(20)])]);
    expect(results[0].status).toBe('fulfilled');
    expect(results[1].status).toBe('rejected');
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(InvalidOptionsError);
    expect(registry.export().gestures[0]!.samples).toHaveLength(2);
    // A failed registration releases the name.
    const other = new GestureRegistry();
    await other.register('y', ['bad' as never]);
    await expect(other.register('y', [rock])).resolves.toMatchObject({ registered: true });
  });

  it('register() across dispose() rejects with DisposedError and registers nothing', async () => {
    const recognizer = assembleRecognizer({ backend: { name: 'wasm', simd: true, threads: 1, reason: 'fake', tried: [] }, options: resolveOptions({}), detector: rockDetector(20) });
    const registry = recognizer.gestures;
    const frame = {} as Frame;
    const pending = registry.register('x', [frame, frame, frame, frame]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    recognizer.dispose();
    await expect(pending).rejects.toBeInstanceOf(DisposedError);
    expect(registry.has('x')).toBe(false);
  });
});

describe('10. names, meanings, arguments and samples', () => {
  const unprintable = ['a\u0007b', 'clear\u001b[2J', 'c1\u0085x', 'del\u007f', 'rtl\u202eevil', 'iso\u2066x', 'zw\u200bsp', 'line\u2028x'];
  it.each(unprintable)('register() and import() refuse the unprintable name %j', async (name) => {
    await loadSample();
    const registry = new GestureRegistry();
    await expect(registry.register(name, [rock])).rejects.toBeInstanceOf(InvalidOptionsError);
    await expect(registry.register('ok-name', [rock], { meaning: name })).rejects.toBeInstanceOf(InvalidOptionsError);
    const pack = packOf(1);
    pack.gestures[0]!.name = name;
    await expect(registry.import(pack)).rejects.toThrow(GesturePackError);
    await expect(registry.import(pack)).rejects.toThrow(expect.objectContaining({ message: expect.not.stringMatching(/[\u0000-\u001f\u007f-\u009f\u202e\u2066\u200b\u2028]/) }));
  });

  it('names are NFC-normalised: NFD and NFC spellings are one name', async () => {
    const registry = new GestureRegistry();
    const nfd = 'cafe\u0301';
    await registry.register(nfd, [rock], { meaning: 'cafe\u0301!' });
    expect(registry.export().gestures[0]).toMatchObject({ name: 'caf\u00e9', meaning: 'caf\u00e9!' });
    await expect(registry.register('caf\u00e9', [rock])).rejects.toBeInstanceOf(InvalidOptionsError);
    expect(registry.has(nfd)).toBe(true);
    const pack = registry.export();
    pack.gestures.push({ ...pack.gestures[0]!, name: nfd });
    await expect(new GestureRegistry().import(pack)).rejects.toThrow(expect.objectContaining({ details: { path: '$.gestures[1].name' } }));
    await expect(new GestureRegistry().register('thumbs 👍🏽 👨\u200d👩\u200d👧', [rock])).resolves.toMatchObject({ registered: true });
  });

  it('register(name, samples, null) and bad option types throw InvalidOptionsError, not TypeError', async () => {
    const registry = new GestureRegistry();
    await expect(registry.register('x', [rock], null as never)).rejects.toBeInstanceOf(InvalidOptionsError);
    await expect(registry.register('x', [rock], { replace: 'yes' as never })).rejects.toBeInstanceOf(InvalidOptionsError);
  });

  it('built-in meanings in the options follow the same rule; odd option values never throw TypeError', () => {
    expect(() => new GestureRegistry({ meanings: { palm: 'hi\u001b[2J' } })).toThrow(InvalidOptionsError);
    expect(() => resolveOptions({ meanings: { palm: 'a\u202eb' } })).toThrow(InvalidOptionsError);
    expect(new GestureRegistry({ meanings: { palm: 'cafe\u0301' } }).getOptions().meanings.palm).toBe('caf\u00e9');
    expect(() => new GestureRegistry({ builtins: [Object.create(null)] })).toThrow(InvalidOptionsError);
    expect(() => new GestureRegistry({ meanings: { palm: Object.create(null) } })).toThrow(InvalidOptionsError);
    expect(() => resolveOptions({ minHoldMs: 10n as never })).toThrow(InvalidOptionsError);
  });

  it('events(null) throws InvalidOptionsError, not TypeError', () => {
    const recognizer = fakeRecognizer();
    expect(() => recognizer.events(null as never)).toThrow(InvalidOptionsError);
    expect(() => recognizer.events(undefined as never)).toThrow(InvalidOptionsError);
    expect(() => recognizer.events(42 as never)).toThrow(InvalidOptionsError);
  });

  it('landmark samples with presence NaN or "0.1" are rejected as invalid', async () => {
    const report = await new GestureRegistry().register('x', [
      { landmarks: rock, handedness: 'right', presence: Number.NaN } as never,
      { landmarks: rock, handedness: 'right', presence: '0.1' } as never,
      { landmarks: rock, handedness: 'right', presence: 0.9 } as never,
    ]);
    expect(report.rejected.map((r) => [r.index, r.reason])).toEqual([
      [0, 'invalid'],
      [1, 'invalid'],
    ]);
    expect(report.accepted).toBe(1);
  });
});

const fist: ScriptedFrame = { hands: [{ id: 1, gesture: 'fist' }] };
const brief = (e: GestureEvent) =>
  e.type === 'gesture' ? `${e.phase} ${e.gesture}` : e.type === 'warning' ? `warning ${e.code}` : e.type === 'error' ? `error ${e.error.code}` : `${e.type}`;

describe('events() with odd sources', () => {
  it('2. null/undefined items from an Observable are error events; the good frames after them give their events and the stream completes', async () => {
    const good = Array.from({ length: 10 }, (_, i): TimedFrame => ({ frame: fist as unknown as Frame, timestamp: 100 * i }));
    const source = concat(of(null, undefined) as unknown as Observable<TimedFrame>, of(...good).pipe(concatMap((f) => timer(20).pipe(map(() => f)))));
    const events = await lastValueFrom(fakeRecognizer().events(source).pipe(toArray()));
    expect(events.filter((e) => e.type !== 'presence').map(brief)).toEqual(['error invalid-frame', 'error invalid-frame', 'start fist', 'end fist']);
  });

  it('10. a failing source: held gestures end first, then a GestureError source-failed with the cause', async () => {
    const cause = new Error('decoder crashed');
    async function* frames() {
      for (let i = 0; i < 10; i++) yield { frame: fist as unknown as Frame, timestamp: 100 * i };
      throw cause;
    }
    const seen: string[] = [];
    const error = await new Promise<unknown>((resolve) => fakeRecognizer().events(fromFrames(frames())).subscribe({ next: (e) => seen.push(brief(e)), error: resolve, complete: () => resolve('completed') }));
    expect(seen.filter((s) => s.endsWith('fist'))).toEqual(['start fist', 'end fist']);
    expect(error).toBeInstanceOf(GestureError);
    expect(error).toMatchObject({ code: 'source-failed', cause });
  });

  it('10. all-NaN timestamps give one bad-timestamps warning instead of silence', async () => {
    const frames = Array.from({ length: 8 }, (): TimedFrame => ({ frame: fist as unknown as Frame, timestamp: Number.NaN }));
    const events = await lastValueFrom(fakeRecognizer().events(fromFrames(frames)).pipe(toArray()));
    expect(events.map(brief)).toEqual(['warning bad-timestamps']);
  });
});

describe('limits', () => {
  it('a frame over the pixel budget (4096×4096) is an InvalidFrameError before any pixel is copied', () => {
    expect(FRAME_LIMITS.maxPixels).toBe(4096 * 4096);
    expect(() => frameToTensor({ data: new Uint8Array(4), width: 5000, height: 4000 })).toThrow(InvalidFrameError);
    expect(() => frameToTensor({ data: new Uint8Array(4), width: 4096, height: 4097 })).toThrow(/budget/);
  });
});
