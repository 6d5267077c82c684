import { describeValue, InvalidOptionsError } from '../errors';
import { escapeUnprintable } from '../printable';
import { labelProblem, normalizeLabel } from './pack';
import { MOTION_GESTURES, type MotionGestureName } from '../motion-options';
import { isResolved, markResolved, requireObject } from '../option-checks';
import type { Detection, Frame } from '../types';
import { BUILTIN_GESTURES, DEFAULT_MEANINGS, type BuiltinGestureName } from './types';

/** Runs the detect stage on one frame; the registry uses it to turn sample images into landmarks. */
export type DetectFunction = (frame: Frame) => Promise<Detection>;

/**
 * Options of a {@link GestureRegistry} (and so of the `classify()` stage).
 *
 * @example
 * const registry = new GestureRegistry({ meanings: { palm: 'hello' }, minScore: 0.6 });
 */
export interface GestureRegistryOptions {
  /** Detects hands in frames given to `register()`. Without it, frame samples are rejected as `invalid`. Defaults to `undefined`. */
  detect?: DetectFunction;
  /** The built-in gestures to enable (`SEED_GESTURES` for the first five only). Defaults to `['fist', 'ok', 'palm', 'one', 'peace', 'thumbs_up', 'thumbs_down', 'call', 'rock']`. */
  builtins?: readonly BuiltinGestureName[];
  /** Meanings of the built-in gestures (`null` for none). Defaults to `{ fist: 'no', ok: 'yes', palm: 'question', one: 'comment', peace: 'goodbye', thumbs_up: 'like', thumbs_down: 'dislike', call: 'call', rock: 'rock' }`. */
  meanings?: Partial<Record<BuiltinGestureName | MotionGestureName, string | null>>;
  /** A hand whose best gesture scores below this reads `none`. Defaults to `0.5`. */
  minScore?: number;
  /**
   * Registration rejects a sample hand whose `presence` is below this as `low-confidence` (not to
   * be confused with the detector's `minPresence`, the presence a new hand needs to be detected at all). Defaults to `0.5`.
   */
  minSamplePresence?: number;
  /** Registration warns `confusable` when the new gesture and an existing one match each other's samples at this similarity or more. Defaults to `0.5`. */
  confusableSimilarity?: number;
  /**
   * Read a resting hand as `none` whatever its shape: fingers hanging down, a hand on the head, or a
   * relaxed open hand or fist seen from the back and not held up, below the face or, with no face in
   * view, anywhere (a hand on a desk); see `restingReason()`. Applies to
   * `classify()` of whole detections, which know the faces; `match()` of bare landmarks is not
   * affected. Defaults to `true`.
   */
  ignoreRestingHands?: boolean;
}

/** {@link GestureRegistryOptions} with every field filled in. */
export interface ResolvedGestureRegistryOptions {
  detect: DetectFunction | undefined;
  builtins: BuiltinGestureName[];
  meanings: Record<BuiltinGestureName, string | null>;
  minScore: number;
  minSamplePresence: number;
  confusableSimilarity: number;
  ignoreRestingHands: boolean;
}

/** The registry options a recognizer takes (its registry's `detect` is the recognizer's own detector). */
export type ClassifierOptions = Omit<GestureRegistryOptions, 'detect'>;

/** The names of the registry options a recognizer takes. */
export const CLASSIFIER_OPTION_KEYS: readonly (keyof Required<ClassifierOptions>)[] = ['builtins', 'meanings', 'minScore', 'minSamplePresence', 'confusableSimilarity', 'ignoreRestingHands'];

/** Default values of {@link GestureRegistryOptions}. */
export const DEFAULT_GESTURE_REGISTRY_OPTIONS: Readonly<Omit<ResolvedGestureRegistryOptions, 'detect'>> = {
  builtins: /* @__PURE__ */ BUILTIN_GESTURES.slice(),
  meanings: /* @__PURE__ */ Object.assign({}, DEFAULT_MEANINGS),
  minScore: 0.5,
  minSamplePresence: 0.5,
  confusableSimilarity: 0.5,
  ignoreRestingHands: true,
};

function checkUnit(option: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new InvalidOptionsError(`${option} must be a number in [0, 1].`, { option, expected: 'a number in [0, 1]', received: describeValue(value) });
  }
  return value;
}

function checkBoolean(option: string, value: boolean): boolean {
  if (typeof value !== 'boolean') throw new InvalidOptionsError(`${option} must be a boolean.`, { option, expected: 'a boolean', received: describeValue(value) });
  return value;
}

/**
 * Copies `options`, fills in the defaults and validates every field.
 *
 * @example
 * resolveGestureRegistryOptions({ minScore: 0.7 }).meanings.fist; // 'no'
 */
export function resolveGestureRegistryOptions(options: GestureRegistryOptions = {}): ResolvedGestureRegistryOptions {
  if (isResolved('registry', options)) return options as ResolvedGestureRegistryOptions;
  requireObject(options);
  const d = DEFAULT_GESTURE_REGISTRY_OPTIONS;
  if (options.detect !== undefined && typeof options.detect !== 'function') {
    throw new InvalidOptionsError('detect must be a function (frame) => Promise<Detection>.', { option: 'detect', expected: 'a function', received: typeof options.detect });
  }
  if (options.builtins !== undefined && !Array.isArray(options.builtins)) {
    throw new InvalidOptionsError('builtins must be an array of built-in gesture names.', { option: 'builtins', expected: BUILTIN_GESTURES.join(' | ') + '[]', received: typeof options.builtins });
  }
  const builtins = [...(options.builtins ?? d.builtins)];
  for (const name of builtins) {
    if (!BUILTIN_GESTURES.includes(name)) {
      throw new InvalidOptionsError(`builtins: unknown built-in gesture ${describeValue(name)}.`, { option: 'builtins', expected: BUILTIN_GESTURES.join(' | '), received: describeValue(name) });
    }
  }
  const meanings = { ...d.meanings };
  for (const [name, meaning] of Object.entries(options.meanings ?? {})) {
    if ((MOTION_GESTURES as readonly string[]).includes(name)) continue; // the motion stage's (motion-options.ts)
    // The same rule as a custom gesture's meaning: printable, at most 64 characters, stored NFC-normalised.
    if (!Object.hasOwn(meanings, name) || (meaning !== null && labelProblem(meaning) !== null)) {
      throw new InvalidOptionsError(`meanings.${escapeUnprintable(name)} must name a built-in gesture and be a printable string of at most 64 characters, or null.`, {
        option: `meanings.${escapeUnprintable(name)}`,
        expected: 'a built-in name mapped to a printable string or null',
        received: describeValue(meaning),
      });
    }
    meanings[name as BuiltinGestureName] = meaning === null ? null : normalizeLabel(meaning as string);
  }
  return markResolved('registry', {
    detect: options.detect,
    builtins,
    meanings,
    minScore: checkUnit('minScore', options.minScore ?? d.minScore),
    minSamplePresence: checkUnit('minSamplePresence', options.minSamplePresence ?? d.minSamplePresence),
    confusableSimilarity: checkUnit('confusableSimilarity', options.confusableSimilarity ?? d.confusableSimilarity),
    ignoreRestingHands: checkBoolean('ignoreRestingHands', options.ignoreRestingHands ?? d.ignoreRestingHands),
  });
}
