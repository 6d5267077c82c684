import type { DetectedHand, Detection, HandLandmarks, Handedness } from '../types';

/** The built-in gestures, named by hand shape. */
export type BuiltinGestureName = 'fist' | 'ok' | 'palm' | 'one' | 'peace' | 'thumbs_up' | 'thumbs_down' | 'call' | 'rock';

/** Every built-in gesture, in a stable order: the seed five, then MediaPipe's and HaGRID's. */
export const BUILTIN_GESTURES: readonly BuiltinGestureName[] = ['fist', 'ok', 'palm', 'one', 'peace', 'thumbs_up', 'thumbs_down', 'call', 'rock'];

/** The five built-ins of the meeting overlay's first version, for `builtins: SEED_GESTURES`. */
export const SEED_GESTURES: readonly BuiltinGestureName[] = ['fist', 'ok', 'palm', 'one', 'peace'];

/** What a built-in gesture means unless the meaning map says otherwise. */
export const DEFAULT_MEANINGS: Readonly<Record<BuiltinGestureName, string>> = {
  fist: 'no',
  ok: 'yes',
  palm: 'question',
  one: 'comment',
  peace: 'goodbye',
  thumbs_up: 'like',
  thumbs_down: 'dislike',
  call: 'call',
  rock: 'rock',
};

/** The open-set answer: the hand matches no registered gesture well enough. */
export const NO_GESTURE = 'none';

/**
 * The best match for one hand.
 *
 * @example
 * const match = registry.match(hand.landmarks, hand.handedness);
 * if (match.gesture !== 'none') console.log(match.gesture, match.meaning, match.score);
 */
export interface GestureMatch {
  /** Gesture name, or `'none'` when nothing matched (open-set reject). */
  gesture: string;
  /** What the gesture means (from the meaning map), or `null` for `none` or a gesture without one. */
  meaning: string | null;
  /** Calibrated confidence in [0, 1]. For `none`, 1 minus the best gesture's score. */
  score: number;
}

/** A detected hand after classify: the detect fields plus its gesture. `score` is the gesture score; `presence` is kept. */
export interface ClassifiedHand extends DetectedHand, GestureMatch {}

/** A `Detection` whose hands carry `gesture`, `meaning` and `score`. */
export interface Recognition extends Omit<Detection, 'hands'> {
  hands: ClassifiedHand[];
}

/** One hand to learn from: landmarks in image pixels, with the handedness the detector reported. */
export interface HandSample {
  landmarks: HandLandmarks;
  /** Defaults to `'right'`. */
  handedness?: Handedness;
  /**
   * The same hand read from the frame mirrored left to right (`DetectedHand.mirroredReading`):
   * `register()` keeps, of the two readings, the one nearer the other samples. Ignored when not
   * 21 finite landmarks.
   */
  mirroredReading?: HandLandmarks;
}
