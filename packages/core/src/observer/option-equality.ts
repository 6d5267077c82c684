import { EVENT_OPTION_KEYS } from '../event-options';
import { MOTION_OPTION_KEYS } from '../motion-options';
import { resolveGestureRegistryOptions } from '../classify/options';
import { toError } from '../errors';
import { pick } from '../option-checks';
import { isReplaySource } from '../sources/from-recording';
import { CLASSIFIER_OPTION_KEYS, type ClassifierOptions } from '../options';

/** The options a `GestureObserver` reads itself; every other key is a recognizer option. */
const OBSERVER_KEYS = ['source', 'recognizer', 'enabled', 'camera', 'releaseAfterMs', 'recorder'] as const;

/** Keys that never need the models reloaded: the observer's own, and the debounce/presence ones `events()` reads. */
const NO_RELOAD_KEYS: readonly string[] = /* @__PURE__ */ (OBSERVER_KEYS as readonly string[]).concat(EVENT_OPTION_KEYS, MOTION_OPTION_KEYS);

/** Keys that restart reading frames when they change (with the models kept); `meanings` also names the motions. */
const RESTART_KEYS: readonly string[] = /* @__PURE__ */ ['source', 'enabled', 'recorder', 'meanings'].concat(EVENT_OPTION_KEYS, MOTION_OPTION_KEYS);

/**
 * Whether two option values are the same for `setOptions()`: plain data (arrays, plain objects,
 * `URL`s) compares by content, so an equal literal written inline on every render is not a change;
 * everything else (functions, elements, streams, recognizers) by identity.
 *
 * @example
 * sameOption({ width: 640 }, { width: 640 }); // true
 * sameOption(new URL('https://a.test/m/'), new URL('https://a.test/m/')); // true
 * sameOption(() => 1, () => 1); // false: functions compare by identity
 */
export function sameOption(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof URL && b instanceof URL) return a.href === b.href;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameOption(v, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameOption(a[k], b[k]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * What `setOptions(next)` must redo, given the current options:
 * - `changed`: the keys of `next` whose value is not `sameOption` as the current one;
 * - `camera`: whether the camera lease must follow (`camera` or `source` changed);
 * - `classifier`: registry options (`meanings`, `minScore`, …) of a recognizer the observer
 *   created changed, and nothing that needs a reload: they apply to the loaded registry as they are;
 * - `work`: `reload` the models (a new `recognizer`, another recognizer option of a recognizer
 *   the observer created, or a `source` switching between a `fromRecording()` and frames), `restart` reading frames (`source`, `enabled`, debounce/presence
 *   options), or `none`.
 *
 * @example
 * planOptionChange({ minHoldMs: 200 }, { minHoldMs: 300 }, true).work; // 'restart'
 * planOptionChange({ maxHands: 1 }, { maxHands: 2 }, true).work; // 'reload'
 * planOptionChange({ meanings: {} }, { meanings: { palm: 'hi' } }, true); // { classifier: true, work: 'none', … }
 * planOptionChange({ width: 640 }, { width: 640 }, true).changed; // []
 */
export function planOptionChange(
  current: object,
  next: object,
  ownsRecognizer: boolean,
): { changed: string[]; camera: boolean; classifier: boolean; work: 'reload' | 'restart' | 'none' } {
  const before = current as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const changed = Object.keys(after).filter((key) => !sameOption(after[key], before[key]));
  const camera = changed.includes('camera') || changed.includes('source');
  const recognizerKeys = changed.filter((key) => !NO_RELOAD_KEYS.includes(key));
  const classifierKeys = recognizerKeys.filter((key) => (CLASSIFIER_OPTION_KEYS as readonly string[]).includes(key));
  // A recording replays without models, frames need them: switching between the two reloads.
  const kindChanged = ownsRecognizer && isReplaySource(after.source) !== isReplaySource(before.source) && changed.includes('source');
  const reload = kindChanged || changed.includes('recognizer') || (ownsRecognizer && recognizerKeys.length > classifierKeys.length);
  const restart = changed.some((key) => RESTART_KEYS.includes(key));
  return { changed, camera, classifier: ownsRecognizer && !reload && classifierKeys.length > 0, work: reload ? 'reload' : restart ? 'restart' : 'none' };
}

/**
 * The recognizer's options out of an observer's: everything but the observer's own keys
 * (`source`, `recognizer`, `enabled`, `camera`, `releaseAfterMs`).
 *
 * @example
 * recognizerOptionsOf({ source: video, camera: true, maxHands: 2 }); // { maxHands: 2 }
 */
export function recognizerOptionsOf<T extends object>(options: T): Omit<T, (typeof OBSERVER_KEYS)[number]> {
  const rest = { ...options } as Record<string, unknown>;
  for (const key of OBSERVER_KEYS) delete rest[key];
  return rest as Omit<T, (typeof OBSERVER_KEYS)[number]>;
}


/**
 * The registry options out of an observer's, complete (defaults for those not given), so that
 * `gestures.setOptions()` sets exactly them: a meaning removed from the options goes back to its default.
 *
 * @example
 * classifierOptionsOf({ source: video, meanings: { palm: 'hello' } }).meanings?.fist; // 'no'
 */
export function classifierOptionsOf(options: object): ClassifierOptions {
  const { detect: _detect, ...resolved } = resolveGestureRegistryOptions(pick(options, CLASSIFIER_OPTION_KEYS) as ClassifierOptions);
  return resolved;
}

/**
 * Sets the registry options out of an observer's on a registry (`classifierOptionsOf`); returns
 * the error when they are refused, else `null`.
 *
 * @example
 * setRegistryOptions(recognizer.gestures, { meanings: { palm: 'hello' } }); // null
 */
export function setRegistryOptions(registry: { setOptions(options: ClassifierOptions): void }, options: object): Error | null {
  try {
    registry.setOptions(classifierOptionsOf(options));
    return null;
  } catch (error) {
    return toError(error);
  }
}
