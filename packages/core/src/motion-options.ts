import { labelProblem, normalizeLabel } from './classify/pack';
import { describeValue, InvalidOptionsError } from './errors';
import { fraction, isResolved, markResolved, milliseconds, pick, positiveInt, positiveMilliseconds, requireObject, stripUndefined, validate, type Check } from './option-checks';

/** The built-in motion gestures: a movement of the hand, not a pose. */
export type MotionGestureName = 'wave' | 'swipe_left' | 'swipe_right' | 'swipe_up' | 'swipe_down';

/** Every built-in motion gesture, in a stable order. */
export const MOTION_GESTURES: readonly MotionGestureName[] = ['wave', 'swipe_left', 'swipe_right', 'swipe_up', 'swipe_down'];

/** What a motion gesture means unless `meanings` says otherwise. */
export const DEFAULT_MOTION_MEANINGS: Readonly<Record<MotionGestureName, string>> = {
  wave: 'hello',
  swipe_left: 'previous',
  swipe_right: 'next',
  swipe_up: 'up',
  swipe_down: 'down',
};

/**
 * Options of the `motion()` stage: when a moving hand is a swipe or a wave. Distances are
 * fractions of the frame (a horizontal move of the width, a vertical one of the height) or of the
 * hand's own size; times are read from the frames' timestamps only, so the same options work at
 * any frame rate from about 8 to 60 fps.
 *
 * @example
 * detections$.pipe(motion({ minSwipeDistance: 0.3, meanings: { wave: 'hi' } }));
 */
export interface MotionOptions {
  /** The built-in motion gestures to report. Defaults to all of them: `['wave', 'swipe_left', 'swipe_right', 'swipe_up', 'swipe_down']`. */
  motions?: readonly MotionGestureName[];
  /** Meanings of the motion gestures (`null` for none). Defaults to `{ wave: 'hello', swipe_left: 'previous', swipe_right: 'next', swipe_up: 'up', swipe_down: 'down' }`. */
  meanings?: Partial<Record<string, string | null>>;
  /**
   * How far a swipe must carry the hand, as a fraction of the frame's width (left/right) or height
   * (up/down), from where it rested to where it stops. Defaults to `0.25` (a quarter of the frame:
   * an arm's sweep in a webcam view, several hand widths).
   */
  minSwipeDistance?: number;
  /**
   * Longest a swipe may take, from the hand leaving its rest to arriving. A slower move is a drift,
   * not a swipe. Defaults to `1200` (a deliberate sweep takes 0.3–0.8 s).
   */
  maxSwipeMs?: number;
  /**
   * How straight a swipe must be: the distance covered over the length of the path, in [0, 1].
   * Defaults to `0.8` (a sweep bows a little; a circle or a zig-zag does not pass).
   */
  minStraightness?: number;
  /**
   * A hand counts as at rest when it has stayed within this fraction of the frame's larger side for
   * `settleMs`. Defaults to `0.04` (tracking jitter is under 1 %; a hand moving on purpose leaves it in one or two frames).
   */
  restDistance?: number;
  /** How long a hand must stay within `restDistance` to be at rest (a swipe ends there). Defaults to `150` (two frames at 15 fps). */
  settleMs?: number;
  /**
   * A hand lost for at most this long and found again is the same hand moving (fast moves blur,
   * and the detector loses and finds the hand under a new id). Defaults to `500`.
   */
  maxGapMs?: number;
  /** Reversals of direction a wave needs (two reversals: left–right–left). Defaults to `2`. */
  waveReversals?: number;
  /** Time within which those reversals must happen. Defaults to `1500`. */
  waveWindowMs?: number;
  /** Smallest swing of a wave, side to side, in widths of the hand's own box. Defaults to `0.5` (half a hand: jitter and small fidgets stay below it). */
  waveAmplitude?: number;
}

/** {@link MotionOptions} with every field filled in and validated. */
export interface ResolvedMotionOptions extends Readonly<Required<Omit<MotionOptions, 'meanings' | 'motions'>>> {
  readonly motions: readonly MotionGestureName[];
  readonly meanings: Readonly<Record<MotionGestureName, string | null>>;
}

/** Default thresholds of {@link MotionOptions} (see each option for why). */
export const DEFAULT_MOTION_OPTIONS: Readonly<Required<Omit<MotionOptions, 'meanings' | 'motions'>>> = {
  minSwipeDistance: 0.25,
  maxSwipeMs: 1200,
  minStraightness: 0.8,
  restDistance: 0.04,
  settleMs: 150,
  maxGapMs: 500,
  waveReversals: 2,
  waveWindowMs: 1500,
  waveAmplitude: 0.5,
};

const CHECKS: Record<keyof typeof DEFAULT_MOTION_OPTIONS, readonly [Check, string]> = {
  minSwipeDistance: [(v) => fraction(v) && (v as number) > 0, 'a number in (0, 1]'],
  maxSwipeMs: [positiveMilliseconds, 'a number of ms > 0'],
  minStraightness: [fraction, 'a number in [0, 1]'],
  restDistance: [(v) => fraction(v) && (v as number) > 0, 'a number in (0, 1]'],
  settleMs: [milliseconds, 'a number of ms ≥ 0'],
  maxGapMs: [milliseconds, 'a number of ms ≥ 0'],
  waveReversals: [positiveInt, 'an integer ≥ 1'],
  waveWindowMs: [positiveMilliseconds, 'a number of ms > 0'],
  waveAmplitude: [(v) => typeof v === 'number' && Number.isFinite(v) && v > 0, 'a number > 0'],
};

/** The names of the motion options `createGestureRecognizer()` and `events()` take (meanings come with the gesture meanings). */
export const MOTION_OPTION_KEYS = /* @__PURE__ */ ['motions'].concat(Object.keys(CHECKS)) as readonly (keyof MotionOptions)[];

let defaultResolved: ResolvedMotionOptions | undefined;
/** The defaults, resolved (made on first use, so importing the module does no work). */
const defaults = (): ResolvedMotionOptions => (defaultResolved ??= markResolved('motion', { ...DEFAULT_MOTION_OPTIONS, motions: MOTION_GESTURES, meanings: DEFAULT_MOTION_MEANINGS }));

/**
 * Fills in and validates the motion options (other fields are ignored; `meanings` may hold the
 * static gestures' meanings too, only motion names are read); missing ones come from `base`.
 * Throws `InvalidOptionsError` naming the first bad option. An object this function returned is
 * given back as it is.
 *
 * @example
 * resolveMotionOptions({ meanings: { wave: 'hi' } }).meanings.swipe_left; // 'previous'
 */
export function resolveMotionOptions(options: MotionOptions = {}, base: ResolvedMotionOptions = defaults()): ResolvedMotionOptions {
  if (isResolved('motion', options)) return options as ResolvedMotionOptions;
  requireObject(options);
  const thresholds = { ...pick(base, Object.keys(CHECKS) as (keyof typeof CHECKS)[]), ...stripUndefined(pick(options, Object.keys(CHECKS) as (keyof typeof CHECKS)[])) } as typeof DEFAULT_MOTION_OPTIONS;
  validate(thresholds, CHECKS);
  const motions = options.motions ?? base.motions;
  if (!Array.isArray(motions) || motions.some((m) => !MOTION_GESTURES.includes(m))) {
    throw new InvalidOptionsError(`Option motions must list motion gestures (${MOTION_GESTURES.join(', ')}), got ${JSON.stringify(motions)}.`, { option: 'motions', expected: `${MOTION_GESTURES.join(' | ')}[]`, received: JSON.stringify(motions) ?? String(motions) });
  }
  const meanings: Record<MotionGestureName, string | null> = { ...base.meanings };
  const given = options.meanings ?? {};
  if (typeof given !== 'object' || given === null) {
    throw new InvalidOptionsError('Option meanings must be an object of gesture names to meanings.', { option: 'meanings', expected: 'object', received: String(given) });
  }
  for (const name of MOTION_GESTURES) {
    if (!Object.hasOwn(given, name)) continue;
    const meaning = given[name];
    // The same rule as every other meaning: printable, at most 64 characters, stored NFC-normalised.
    if (meaning !== null && labelProblem(meaning) !== null) {
      throw new InvalidOptionsError(`meanings.${name} must be a printable string of at most 64 characters, or null.`, { option: `meanings.${name}`, expected: 'a printable string or null', received: describeValue(meaning) });
    }
    meanings[name] = meaning === null ? null : normalizeLabel(meaning as string);
  }
  return markResolved('motion', { ...thresholds, motions: [...motions], meanings });
}
