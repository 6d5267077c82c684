import type { BackendOptions } from './backend';
import { DEFAULT_HAND_DETECTOR_OPTIONS, type HandDetectorOptions } from './detect/hand-detector';
import { InvalidOptionsError } from './errors';
import type { ModelOptions } from './model-loader';

/**
 * Options of the `debounce()` stage: when a per-frame label becomes a `start` and an `end`.
 *
 * @example
 * frames$.pipe(detect(detector), classify(registry), debounce({ minHoldMs: 400 }));
 */
export interface DebounceOptions {
  /**
   * How long a gesture must be read continuously at `enterScore` or more before it `start`s.
   * Defaults to `250` (about 8 frames at 30 fps: longer than the in-between shapes a hand passes
   * through when it changes gesture, short enough to feel instant).
   */
  minHoldMs?: number;
  /**
   * Score a frame needs to count towards `minHoldMs`. Defaults to `0.6` (a clear majority for the
   * calibrated score; a 30 fps webcam gives enough frames that a few weaker ones only delay the start).
   */
  enterScore?: number;
  /**
   * A started gesture counts as still held while it reads at this score or more (hysteresis:
   * lower than `enterScore`, so a score hovering at the threshold never flickers). Defaults to
   * `0.4` (motion blur on a 30 fps webcam lowers scores by about this much without the hand changing).
   */
  exitScore?: number;
  /**
   * How long a started gesture must read below `exitScore` (another gesture, `none`, or no hand)
   * before it `end`s. Defaults to `200` (about 6 frames at 30 fps: rides out a blurred frame or a
   * short tracking loss, and still ends before a person notices the lag).
   */
  releaseMs?: number;
  /**
   * After a gesture ends on a hand, how long before the same gesture can start again on that
   * hand. Defaults to `500` (stops a hand that wobbles out of a pose and back from firing twice;
   * on a 30 fps webcam that is about 15 frames).
   */
  cooldownMs?: number;
}

/**
 * Options of the `presence()` stage: when nobody in view becomes `away` and someone seen becomes `back`.
 *
 * @example
 * detections$.pipe(presence({ awayAfterMs: 5000 }));
 */
export interface PresenceOptions {
  /**
   * How long neither a face nor a hand must be seen, without a break, before `away`. Must be
   * more than 0, so one blank or dropped frame never fires `away`. Defaults to `2000` (60 frames at
   * 30 fps: longer than a head turned away from the face detector, shorter than leaving the desk).
   */
  awayAfterMs?: number;
  /**
   * How long someone must be seen, without a break, before `back`. Defaults to `500` (15 frames at
   * 30 fps: one spurious face detection or someone passing behind does not lift the cover).
   */
  backAfterMs?: number;
}

/** Options of `recognizer.events()`: debounce and presence. */
export interface EventOptions extends DebounceOptions, PresenceOptions {}

/** Default values of {@link DebounceOptions}, chosen for a 30 fps webcam (see each option). */
export const DEFAULT_DEBOUNCE_OPTIONS: Readonly<Required<DebounceOptions>> = {
  minHoldMs: 250,
  enterScore: 0.6,
  exitScore: 0.4,
  releaseMs: 200,
  cooldownMs: 500,
};

/** Default values of {@link PresenceOptions}, chosen for a 30 fps webcam (see each option). */
export const DEFAULT_PRESENCE_OPTIONS: Readonly<Required<PresenceOptions>> = {
  awayAfterMs: 2000,
  backAfterMs: 500,
};

/** Everything `createGestureRecognizer()` accepts. */
export interface RecognizerOptions extends BackendOptions, ModelOptions, HandDetectorOptions, EventOptions {}

/** The recognizer's options with every default filled in. */
export type ResolvedRecognizerOptions = Required<HandDetectorOptions> &
  Required<EventOptions> &
  Required<Pick<BackendOptions, 'backend'>> &
  Omit<BackendOptions, 'backend'> &
  ModelOptions;

type Check = (value: unknown) => boolean;
const fraction: Check = (v) => typeof v === 'number' && v >= 0 && v <= 1;
const positiveInt: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const bool: Check = (v) => typeof v === 'boolean';
const milliseconds: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const positiveMilliseconds: Check = (v) => milliseconds(v) && (v as number) > 0;

const EVENT_CHECKS: Record<keyof Required<EventOptions>, [Check, string]> = {
  minHoldMs: [milliseconds, 'a number of ms ≥ 0'],
  enterScore: [fraction, 'a number in [0, 1]'],
  exitScore: [fraction, 'a number in [0, 1]'],
  releaseMs: [milliseconds, 'a number of ms ≥ 0'],
  cooldownMs: [milliseconds, 'a number of ms ≥ 0'],
  awayAfterMs: [positiveMilliseconds, 'a number of ms > 0'],
  backAfterMs: [milliseconds, 'a number of ms ≥ 0'],
};

/** The names of the debounce and presence options (what `events()` takes). */
export const EVENT_OPTION_KEYS = Object.keys(EVENT_CHECKS) as readonly (keyof EventOptions)[];

const CHECKS: Record<keyof Required<HandDetectorOptions> | keyof Required<EventOptions> | 'backend', [Check, string]> = {
  ...EVENT_CHECKS,
  maxHands: [(v) => positiveInt(v) && (v as number) <= 8, 'an integer in 1..8'],
  minDetectorScore: [fraction, 'a number in [0, 1]'],
  minPresence: [fraction, 'a number in [0, 1]'],
  minTrackingPresence: [fraction, 'a number in [0, 1]'],
  minFullFramePresence: [fraction, 'a number in [0, 1]'],
  refinePasses: [(v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4, 'an integer in 0..4'],
  redetectEvery: [positiveInt, 'an integer ≥ 1'],
  faces: [bool, 'a boolean'],
  minFaceScore: [fraction, 'a number in [0, 1]'],
  mirror: [bool, 'a boolean'],
  backend: [(v) => v === 'auto' || v === 'webgl' || v === 'wasm' || v === 'cpu', "'auto' | 'webgl' | 'wasm' | 'cpu'"],
};

/**
 * Copies `options`, fills in every default and validates each field. Throws
 * `InvalidOptionsError` naming the first bad option.
 */
export function resolveOptions(options: RecognizerOptions = {}): ResolvedRecognizerOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionsError(`Options must be an object, got ${options === null ? 'null' : typeof options}.`, { option: '', expected: 'object', received: String(options) });
  }
  const resolved = {
    ...DEFAULT_HAND_DETECTOR_OPTIONS,
    ...DEFAULT_DEBOUNCE_OPTIONS,
    ...DEFAULT_PRESENCE_OPTIONS,
    backend: 'auto',
    ...stripUndefined(options),
  } as ResolvedRecognizerOptions;
  validate(resolved, CHECKS);
  if (resolved.wasmPath !== undefined && typeof resolved.wasmPath !== 'string') {
    throw new InvalidOptionsError('Option wasmPath must be a string.', { option: 'wasmPath', expected: 'string', received: typeof resolved.wasmPath });
  }
  return resolved;
}

/**
 * Fills in and validates the debounce and presence options: what `events()`, `debounce()` and
 * `presence()` run with. Throws `InvalidOptionsError` naming the first bad option.
 *
 * @example
 * resolveEventOptions({ minHoldMs: 400 }).releaseMs; // 200
 */
export function resolveEventOptions(options: EventOptions = {}, defaults: Readonly<Required<EventOptions>> = { ...DEFAULT_DEBOUNCE_OPTIONS, ...DEFAULT_PRESENCE_OPTIONS }): Required<EventOptions> {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionsError(`Options must be an object, got ${options === null ? 'null' : typeof options}.`, { option: '', expected: 'object', received: String(options) });
  }
  const pick = (from: object) => Object.fromEntries(EVENT_OPTION_KEYS.map((key) => [key, (from as Record<string, unknown>)[key]]));
  const resolved = { ...stripUndefined(pick(defaults)), ...stripUndefined(pick(options)) } as Required<EventOptions>;
  validate(resolved, EVENT_CHECKS);
  return resolved;
}

function validate(resolved: object, checks: Record<string, [Check, string]>): void {
  for (const [key, [check, expected]] of Object.entries(checks)) {
    const value = (resolved as Record<string, unknown>)[key];
    if (!check(value)) {
      throw new InvalidOptionsError(`Option ${key} must be ${expected}, got ${JSON.stringify(value)}.`, { option: key, expected, received: JSON.stringify(value) ?? String(value) });
    }
  }
  const { enterScore, exitScore } = resolved as Partial<Required<EventOptions>>;
  if (enterScore !== undefined && exitScore !== undefined && exitScore > enterScore) {
    throw new InvalidOptionsError(`Option exitScore (${exitScore}) must not be above enterScore (${enterScore}).`, { option: 'exitScore', expected: `a number in [0, enterScore = ${enterScore}]`, received: String(exitScore) });
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
