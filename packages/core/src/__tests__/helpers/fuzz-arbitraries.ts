import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import type { GesturePack } from '../../classify/pack';
import type { FrameData, HandLandmarks } from '../../types';

// The hostile inputs of fuzz.test.ts, as fast-check arbitraries. Values are plain data; tensors are
// made (and disposed) by the test, so shrinking never leaks one.

/** Anything at all, including sparse arrays, null-prototype objects, typed arrays, boxed values and big ints. */
export const anything = () =>
  fc.anything({ withSparseArray: true, withNullPrototype: true, withBoxedValues: true, withTypedArray: true, withMap: true, withSet: true, withDate: true, withBigInt: true, withUnicodeString: true, maxDepth: 3 });

/** Strings built from control characters (C0, C1, DEL), bidi overrides, zero-width spaces and NFD/NFC look-alikes. */
export const controlString = () => fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\u001b', '[2J', '\u007f', '\u0085', '\u202e', '\u2066', '\u200b', '\u2028', 'a', 'e\u0301', '\u00e9', ' '), maxLength: 12 });

const oddNumber = () => fc.oneof(fc.integer({ min: -3, max: 20_000 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, -0, 2 ** 31, 1e300, '4', null, 5000));

/** A frame-shaped value that is almost always wrong: bad data type, size, channels or byte count. */
const frameData = () =>
  fc.record(
    {
      data: fc.oneof(
        fc.uint8Array({ maxLength: 64 }),
        fc.integer({ min: 0, max: 64 }).map((n) => new Uint8ClampedArray(n)),
        fc.integer({ min: 0, max: 16 }).map((n) => new Float32Array(n)),
        fc.array(fc.integer(), { maxLength: 16 }),
        anything(),
      ),
      width: oddNumber(),
      height: oddNumber(),
      channels: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constant('4'), fc.constant(undefined)),
    },
    { requiredKeys: ['data', 'width', 'height'] },
  );

/** How to build a test tensor: its shape, dtype, fill value and whether it is already disposed. */
export interface TensorSpec {
  tensor: { shape: number[]; dtype: 'float32' | 'int32' | 'bool'; fill: number; disposed: boolean };
}

const tensorSpec = () =>
  fc.record({
    tensor: fc.record({
      shape: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 4 }),
      dtype: fc.constantFrom('float32' as const, 'int32' as const, 'bool' as const),
      fill: fc.constantFrom(0, 128, Number.NaN, Infinity),
      disposed: fc.boolean(),
    }),
  });

/** A frame for `recognize()`: a wrong value, a wrong frame record, an over-budget size, or a tensor spec. */
export function anyFrame(): fc.Arbitrary<{ frame: unknown; cleanup: () => void }> {
  return fc
    .oneof(anything(), frameData(), fc.record({ data: fc.constant(new Uint8Array(4)), width: fc.integer({ min: 4097, max: 16_384 }), height: fc.integer({ min: 4097, max: 16_384 }) }), tensorSpec())
    .map(materialize);
}

/** Turns a tensor spec into a tensor (disposed by `cleanup`); any other value is the frame itself. */
function materialize(value: unknown): { frame: unknown; cleanup: () => void } {
  const spec = (value as Partial<TensorSpec> | null)?.tensor;
  if (typeof value !== 'object' || value === null || !spec || Object.keys(value).length !== 1) return { frame: value, cleanup: () => {} };
  let tensor: tf.Tensor | null = null;
  return {
    get frame() {
      tensor ??= tf.fill(spec.shape, spec.fill, spec.dtype);
      if (spec.disposed) tensor.dispose();
      return tensor;
    },
    cleanup: () => tensor?.dispose(),
  };
}

/** Items of a frame source: null, undefined, non-frames, bad frames, and now and then the good frame, with odd (NaN, repeated) timestamps. */
export function oddFrameItems(good: FrameData): fc.Arbitrary<unknown[]> {
  const timestamp = fc.oneof(fc.constantFrom(0, 100, 100, Number.NaN, Infinity), fc.double());
  const badFrame = fc.oneof(frameData(), fc.constantFrom(null, undefined, 0, 'frame'));
  return fc.array(
    fc.oneof(
      { arbitrary: fc.constantFrom(null, undefined, 7, 'frame', {}), weight: 3 },
      { arbitrary: fc.record({ frame: badFrame, timestamp }), weight: 4 },
      { arbitrary: fc.record({ frame: fc.constant(good), timestamp }), weight: 1 },
    ),
    { maxLength: 5 },
  );
}

/** Every `[container, key]` of a JSON value, root first, as `[parent, key]` pairs (the root has none). */
function slots(value: unknown, out: [Record<string | number, unknown> | null, string | number][] = [[null, '$']]): typeof out {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      out.push([value as Record<string, unknown>, Array.isArray(value) ? Number(key) : key]);
      slots((value as Record<string, unknown>)[key], out);
    }
  }
  return out;
}

const hostileValue = () =>
  fc.oneof(
    anything(),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, 101, -101, 1.5, '', ' ', 'none', '__proto__', 'constructor', 'prototype', 'fist', true, null),
    controlString(),
    fc.integer({ min: 65, max: 200_000 }).map((n) => 'x'.repeat(n)),
    fc.integer({ min: 51, max: 200_000 }).map((n) => new Array(n).fill(0)),
    fc.integer({ min: 2, max: 60 }).map((n) => Array.from({ length: n }, (_, i) => (i % 7 === 3 ? undefined : 0))),
    fc.integer({ min: 50, max: 5000 }).map((depth) => {
      let deep: unknown = 0;
      for (let i = 0; i < depth; i++) deep = [deep];
      return deep;
    }),
  );

/** One change to a pack: replace a value, delete a key (an array gets a hole), add a prototype or extra key, or stretch an array. */
const mutation = () =>
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('set', 'set', 'delete', 'proto-key', 'extra-key', 'length'),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
    value: hostileValue(),
    length: fc.integer({ min: 0, max: 1_000_000 }),
  });

/** A deep copy of `pack` with one to three hostile mutations, anywhere in it. */
export function hostilePackMutation(pack: GesturePack): fc.Arbitrary<unknown> {
  return fc.array(mutation(), { minLength: 1, maxLength: 3 }).map((changes) => {
    let root: unknown = JSON.parse(JSON.stringify(pack));
    for (const change of changes) {
      const all = slots(root);
      const [parent, key] = all[change.at % all.length]!;
      const target = parent === null ? root : parent[key];
      if (change.kind === 'set' || change.kind === 'delete') {
        if (parent === null) root = change.value;
        else if (change.kind === 'set') parent[key] = change.value;
        else delete parent[key];
      } else if (typeof target === 'object' && target !== null) {
        if (change.kind === 'length' && Array.isArray(target)) target.length = change.length % 200;
        else Object.defineProperty(target, change.kind === 'proto-key' ? change.key : 'extra', { value: change.value, enumerable: true, configurable: true, writable: true });
      }
    }
    return root;
  });
}

/** A `register()` call with hostile names, samples and options, around one good hand's landmarks. */
export function anyRegisterCall(good: HandLandmarks): fc.Arbitrary<{ name: unknown; samples: unknown; options: unknown }> {
  const landmarks = fc.oneof(
    fc.constant(good),
    fc.tuple(fc.nat({ max: 20 }), fc.nat({ max: 2 }), fc.constantFrom(Number.NaN, Infinity, '1', undefined, null)).map(([i, j, v]) => {
      const copy = good.map((p) => [...p]) as unknown[][];
      if (v === undefined) delete copy[i]![j];
      else copy[i]![j] = v;
      return copy;
    }),
    fc.array(fc.array(fc.double(), { maxLength: 4 }), { maxLength: 22 }),
  );
  const sample = fc.oneof(
    landmarks,
    fc.record({ landmarks, handedness: fc.oneof(fc.constantFrom('left', 'right'), anything()), presence: fc.oneof(fc.double(), fc.constantFrom('0.1', Number.NaN, 2, -1), anything()) }, { requiredKeys: ['landmarks'] }),
    frameData(),
    anything(),
  );
  return fc.record({
    name: fc.oneof(controlString(), anything(), fc.constantFrom('none', 'fist', 'rock', '__proto__', 'x'.repeat(65), 'cafe\u0301', 'ok', 'mine')),
    samples: fc.oneof({ arbitrary: fc.array(sample, { maxLength: 6 }), weight: 4 }, { arbitrary: fc.array(sample, { minLength: 51, maxLength: 60 }), weight: 1 }, { arbitrary: anything(), weight: 1 }),
    options: fc.oneof(
      fc.constantFrom(undefined, null, 'replace', 7),
      fc.record({ meaning: fc.oneof(controlString(), fc.constant(null), anything()), replace: fc.oneof(fc.boolean(), anything()) }, { requiredKeys: [] }),
    ),
  });
}

const OPTION_KEYS = [
  'backend', 'wasmPath', 'modelBaseUrl', 'modelHandlers', 'maxHands', 'minDetectorScore', 'minPresence', 'minTrackingPresence', 'minFullFramePresence',
  'refinePasses', 'retryOnMiss', 'redetectEvery', 'faces', 'minFaceScore', 'mirror', 'detect', 'builtins', 'meanings', 'minScore', 'minSamplePresence',
  'confusableSimilarity', 'minHoldMs', 'enterScore', 'exitScore', 'releaseMs', 'cooldownMs', 'awayAfterMs', 'backAfterMs', 'fps', 'startTime',
] as const;

/** Options objects with the real keys set to odd values, and odd values instead of an options object. */
export function anyOptions(): fc.Arbitrary<unknown> {
  const odd = fc.oneof(anything(), fc.double(), fc.constantFrom(-1, 0, 1, 2, 1e12, Number.NaN, 'wasm', 'webgl', 'gpu', '', null, true, [], ['fist', 'nope'], { palm: '\u001b' }));
  return fc.oneof(
    { arbitrary: fc.dictionary(fc.constantFrom(...OPTION_KEYS), odd, { maxKeys: 3 }), weight: 4 },
    { arbitrary: anything(), weight: 1 },
  );
}
