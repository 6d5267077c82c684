import { describeValue, GesturePackError } from '../errors';
import { checkArray as checkJsonArray, checkObject as checkJsonObject, FORBIDDEN_KEYS } from '../json-checks';
import { UNPRINTABLE } from '../printable';
import type { Point3 } from '../types';
import { checkMotionSample, type GesturePackMotion } from '../motion/pack-motions';
import { LANDMARK_COUNT, type NormalizedLandmarks } from './normalize';

export type { GesturePackMotion } from '../motion/pack-motions';

/** The `format` tag of a gesture pack. */
export const GESTURE_PACK_FORMAT = 'gesture-pack';
/**
 * The gesture-pack version this build writes: 2, which adds `motions` (custom motion gestures).
 * Version-1 packs (hand shapes only) are still read.
 */
export const GESTURE_PACK_VERSION = 2;
/** Every gesture-pack version this build reads. */
export const GESTURE_PACK_VERSIONS_READ: readonly number[] = [1, 2];

/** Size bounds enforced on import, so a hostile pack cannot exhaust memory or CPU. */
export const GESTURE_PACK_LIMITS = {
  /** Most gestures in one pack (hand shapes and motions together). */
  maxGestures: 100,
  /** Fewest and most samples per gesture. */
  minSamples: 1,
  maxSamples: 50,
  /** Longest gesture name and meaning, in UTF-16 code units. */
  maxNameLength: 64,
  /** Largest absolute coordinate of a normalised landmark (palm size is 1). */
  maxCoordinate: 100,
} as const;

/** One custom gesture in a pack: its name, meaning and normalised landmark samples (never images). */
export interface GesturePackGesture {
  /** Unique within the pack; not `none`. */
  name: string;
  /** What the gesture means, or `null` for none. */
  meaning: string | null;
  /** True when the gesture takes the place of the built-in gesture with the same name. */
  replace: boolean;
  /** 1–50 samples, each 21 `[x, y, z]` points in the canonical frame of `normalizeLandmarks()`. */
  samples: NormalizedLandmarks[];
  /**
   * Optional: each sample's orientation in its image (`imageUp()`: a unit `[x, y]`, `[0, 1]` for an
   * upright hand), one per sample. Packs written before it existed read as upright samples.
   */
  ups?: [number, number][];
}

/**
 * A registry's custom gestures as versioned, JSON-serialisable data.
 *
 * @example
 * const pack = registry.export();
 * fs.writeFileSync('pack.json', JSON.stringify(pack));
 * await other.import(JSON.parse(fs.readFileSync('pack.json', 'utf8')));
 */
export interface GesturePack {
  format: typeof GESTURE_PACK_FORMAT;
  version: typeof GESTURE_PACK_VERSION;
  /** Custom hand shapes. */
  gestures: GesturePackGesture[];
  /** Custom motion gestures (version 2; absent in version 1, read as none). */
  motions: GesturePackMotion[];
}

const PACK_KEYS = ['format', 'version', 'gestures'] as const;
const MOTION_KEYS = ['name', 'meaning', 'threshold', 'samples'] as const;
const GESTURE_KEYS = ['name', 'meaning', 'replace', 'samples'] as const;

function fail(path: string, expected: string, received: unknown): never {
  throw new GesturePackError(`Invalid gesture pack at ${path}: expected ${expected}, received ${describeValue(received)}.`, { path });
}

const checkObject = (value: unknown, path: string, keys: readonly string[], optional: readonly string[] = []) => checkJsonObject(value, path, keys, fail, optional);
const checkArray = (value: unknown, path: string, min: number, max: number) => checkJsonArray(value, path, min, max, fail);


/**
 * What is wrong with a gesture name or meaning, or `null` when it is fine: the one rule that both
 * `register()` and `import()` apply, so whatever can be registered can be exported and imported back.
 * A label is a non-empty string of printable characters (no controls, bidi overrides or other
 * format characters) of at most `maxNameLength` UTF-16 code units once NFC-normalised; it is stored
 * NFC-normalised (see {@link normalizeLabel}), so NFC and NFD spellings are one name.
 *
 * @example
 * labelProblem('rock');      // null
 * labelProblem('  ');        // 'a non-empty string of at most 64 characters'
 * labelProblem('a\u001b[2J'); // 'printable characters only (no control or bidi characters)'
 */
export function labelProblem(value: unknown): string | null {
  if (typeof value !== 'string') return `a non-empty string of at most ${GESTURE_PACK_LIMITS.maxNameLength} characters`;
  const label = normalizeLabel(value);
  if (label.trim().length === 0 || label.length > GESTURE_PACK_LIMITS.maxNameLength) {
    return `a non-empty string of at most ${GESTURE_PACK_LIMITS.maxNameLength} characters`;
  }
  if (UNPRINTABLE.test(label)) return 'printable characters only (no control or bidi characters)';
  if (FORBIDDEN_KEYS.has(label)) return 'a string other than "__proto__", "constructor" or "prototype"';
  return null;
}

/**
 * A gesture name or meaning as the registry stores it: NFC-normalised, so `'é'` typed as one code
 * point or as `e` + a combining accent is the same name.
 *
 * @example
 * normalizeLabel('cafe\u0301') === 'caf\u00e9'; // true
 */
export function normalizeLabel(value: string): string {
  return value.normalize('NFC');
}

function checkName(value: unknown, path: string): string {
  const problem = labelProblem(value);
  if (problem !== null) fail(path, problem, value);
  return normalizeLabel(value as string);
}

function checkUps(value: unknown, path: string, count: number): [number, number][] {
  return checkArray(value, path, count, count).map((up, i) => {
    const xy = checkArray(up, `${path}[${i}]`, 2, 2);
    const [x, y] = xy as [unknown, unknown];
    if (typeof x !== 'number' || typeof y !== 'number' || !(Math.abs(Math.hypot(x, y) - 1) < 0.01)) fail(`${path}[${i}]`, 'a unit vector [x, y]', up);
    return [x, y] as [number, number];
  });
}

function checkSample(value: unknown, path: string): NormalizedLandmarks {
  const points = checkArray(value, path, LANDMARK_COUNT, LANDMARK_COUNT);
  return points.map((point, i) => {
    const coords = checkArray(point, `${path}[${i}]`, 3, 3);
    return coords.map((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > GESTURE_PACK_LIMITS.maxCoordinate) {
        fail(`${path}[${i}][${j}]`, `a finite number within ±${GESTURE_PACK_LIMITS.maxCoordinate}`, v);
      }
      return v;
    }) as Point3;
  });
}

/**
 * Validates a whole gesture pack and returns a fresh, detached copy of it. Throws
 * `GesturePackError` whose `details.path` is the JSON path of the first problem, e.g.
 * `$.gestures[2].samples[0][5][1]`. `builtinNames` may appear only with `replace: true`; a motion
 * may take neither those nor `builtinMotionNames`. Version 1 (no `motions`) and 2 are read; the copy
 * is always version 2.
 *
 * @example
 * try { validateGesturePack(JSON.parse(text), ['fist']); }
 * catch (e) { if (e instanceof GesturePackError) console.error(e.details.path); }
 */
export function validateGesturePack(value: unknown, builtinNames: readonly string[] = [], builtinMotionNames: readonly string[] = []): GesturePack {
  const pack = checkJsonObject(value, '$', PACK_KEYS, fail, ['motions']);
  if (pack.format !== GESTURE_PACK_FORMAT) fail('$.format', `"${GESTURE_PACK_FORMAT}"`, pack.format);
  if (!GESTURE_PACK_VERSIONS_READ.includes(pack.version as number)) fail('$.version', GESTURE_PACK_VERSIONS_READ.join(' or '), pack.version);
  if (pack.version === 1 && Object.hasOwn(pack, 'motions')) fail('$.motions', 'no motions in a version-1 pack (motions came with version 2)', pack.motions);
  const entries = checkArray(pack.gestures, '$.gestures', 0, GESTURE_PACK_LIMITS.maxGestures);
  const seen = new Set<string>();
  const gestures = entries.map((entry, g): GesturePackGesture => {
    const path = `$.gestures[${g}]`;
    const gesture = checkObject(entry, path, GESTURE_KEYS, ['ups']);
    const name = checkName(gesture.name, `${path}.name`);
    if (name === 'none') fail(`${path}.name`, 'a name other than "none"', name);
    if (seen.has(name)) fail(`${path}.name`, 'a name not already used in this pack', name);
    seen.add(name);
    if (typeof gesture.replace !== 'boolean') fail(`${path}.replace`, 'a boolean', gesture.replace);
    if (builtinNames.includes(name) && !gesture.replace) fail(`${path}.replace`, `true for the built-in name "${name}"`, false);
    const meaning = gesture.meaning === null ? null : checkName(gesture.meaning, `${path}.meaning`);
    const samples = checkArray(gesture.samples, `${path}.samples`, GESTURE_PACK_LIMITS.minSamples, GESTURE_PACK_LIMITS.maxSamples);
    const checked = samples.map((s, i) => checkSample(s, `${path}.samples[${i}]`));
    return { name, meaning, replace: gesture.replace, samples: checked, ...(gesture.ups === undefined ? {} : { ups: checkUps(gesture.ups, `${path}.ups`, checked.length) }) };
  });
  const motionEntries = pack.motions === undefined ? [] : checkArray(pack.motions, '$.motions', 0, GESTURE_PACK_LIMITS.maxGestures - gestures.length);
  const motions = motionEntries.map((entry, m): GesturePackMotion => {
    const path = `$.motions[${m}]`;
    const motion = checkObject(entry, path, MOTION_KEYS);
    const name = checkName(motion.name, `${path}.name`);
    if (name === 'none' || seen.has(name) || builtinMotionNames.includes(name) || builtinNames.includes(name)) fail(`${path}.name`, 'a name not "none", not a built-in gesture and not already used in this pack', name);
    seen.add(name);
    const meaning = motion.meaning === null ? null : checkName(motion.meaning, `${path}.meaning`);
    const { threshold } = motion;
    if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0 || threshold > GESTURE_PACK_LIMITS.maxCoordinate) fail(`${path}.threshold`, `a number in (0, ${GESTURE_PACK_LIMITS.maxCoordinate}]`, threshold);
    const samples = checkArray(motion.samples, `${path}.samples`, GESTURE_PACK_LIMITS.minSamples, GESTURE_PACK_LIMITS.maxSamples);
    return { name, meaning, threshold, samples: samples.map((s, i) => checkMotionSample(s, `${path}.samples[${i}]`, GESTURE_PACK_LIMITS.maxCoordinate, fail, checkObject, checkArray)) };
  });
  return { format: GESTURE_PACK_FORMAT, version: GESTURE_PACK_VERSION, gestures, motions };
}
