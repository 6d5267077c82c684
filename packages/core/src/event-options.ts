import { InvalidOptionsError } from './errors';
import { fraction, isResolved, markResolved, milliseconds, pick, positiveMilliseconds, requireObject, stripUndefined, validate, type Check } from './option-checks';

/**
 * Options of the `debounce()` stage: when a per-frame label becomes a `start` and an `end`.
 *
 * @example
 * frames$.pipe(pace(pipe(detect(detector), classify(registry))), debounce({ minHoldMs: 400 }));
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
  /**
   * A hand moving faster than this (its box's centre, in the frame's larger side per second) is
   * blurred: its frames neither start a gesture nor count against a held one, so a pose held
   * through a swipe stays held. A blurred frame begins no hold, but does not interrupt one whose
   * gesture it still reads at `enterScore` (a hand raised into view moves about this fast); the
   * start waits for a frame that is not blurred. `Infinity` turns it off. Defaults to `0.5` (a
   * deliberate swipe crosses the frame in under a second; hands at rest or gesturing move far slower).
   */
  motionBlurSpeed?: number;
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

/** {@link EventOptions} with every field filled in and validated (what `resolveEventOptions()` returns). */
export type ResolvedEventOptions = Readonly<Required<EventOptions>>;

/** Default values of {@link DebounceOptions}, chosen for a 30 fps webcam (see each option). */
export const DEFAULT_DEBOUNCE_OPTIONS: Readonly<Required<DebounceOptions>> = {
  minHoldMs: 250,
  enterScore: 0.6,
  exitScore: 0.4,
  releaseMs: 200,
  cooldownMs: 500,
  motionBlurSpeed: 0.5,
};

/** Default values of {@link PresenceOptions}, chosen for a 30 fps webcam (see each option). */
export const DEFAULT_PRESENCE_OPTIONS: Readonly<Required<PresenceOptions>> = {
  awayAfterMs: 2000,
  backAfterMs: 500,
};

const EVENT_CHECKS: Record<keyof Required<EventOptions>, readonly [Check, string]> = {
  minHoldMs: [milliseconds, 'a number of ms ≥ 0'],
  enterScore: [fraction, 'a number in [0, 1]'],
  exitScore: [fraction, 'a number in [0, 1]'],
  releaseMs: [milliseconds, 'a number of ms ≥ 0'],
  cooldownMs: [milliseconds, 'a number of ms ≥ 0'],
  motionBlurSpeed: [(v) => typeof v === 'number' && v > 0, 'a number > 0 (Infinity: off)'],
  awayAfterMs: [positiveMilliseconds, 'a number of ms > 0'],
  backAfterMs: [milliseconds, 'a number of ms ≥ 0'],
};

/** The names of the debounce and presence options (what `events()` takes). */
export const EVENT_OPTION_KEYS = /* @__PURE__ */ Object.keys(EVENT_CHECKS) as readonly (keyof EventOptions)[];

const DEFAULT_EVENT_OPTIONS: ResolvedEventOptions = /* @__PURE__ */ markResolved('events', /* @__PURE__ */ Object.assign({}, DEFAULT_DEBOUNCE_OPTIONS, DEFAULT_PRESENCE_OPTIONS));

/**
 * Fills in and validates the debounce and presence options: what `events()`, `debounce()` and
 * `presence()` run with. Fields of `options` that are not event options are ignored; missing ones
 * come from `defaults`. Throws `InvalidOptionsError` naming the first bad option. An object this
 * function returned is given back as it is (it is already valid).
 *
 * @example
 * resolveEventOptions({ minHoldMs: 400 }).releaseMs; // 200
 */
export function resolveEventOptions(options: EventOptions = {}, defaults: ResolvedEventOptions = DEFAULT_EVENT_OPTIONS): ResolvedEventOptions {
  if (isResolved('events', options)) return options as ResolvedEventOptions;
  requireObject(options);
  const resolved = { ...stripUndefined(pick(defaults, EVENT_OPTION_KEYS)), ...stripUndefined(pick(options, EVENT_OPTION_KEYS)) } as Required<EventOptions>;
  validate(resolved, EVENT_CHECKS);
  const { enterScore, exitScore } = resolved;
  if (exitScore > enterScore) {
    throw new InvalidOptionsError(`Option exitScore (${exitScore}) must not be above enterScore (${enterScore}).`, { option: 'exitScore', expected: `a number in [0, enterScore = ${enterScore}]`, received: String(exitScore) });
  }
  return markResolved('events', resolved);
}
