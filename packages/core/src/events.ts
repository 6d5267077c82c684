import type { GestureError } from './errors';
import type { Handedness } from './types';

/**
 * A gesture started or ended on one hand. A `start` and its `end` share the same `id`, so an
 * app can pair them (e.g. show an icon on `start`, remove that icon on the `end` with its `id`).
 *
 * @example
 * events$.subscribe((e) => {
 *   if (e.type === 'gesture' && e.phase === 'start') showIcon(e.id, e.meaning);
 *   if (e.type === 'gesture' && e.phase === 'end') hideIcon(e.id);
 * });
 */
export interface GesturePhaseEvent {
  type: 'gesture';
  phase: 'start' | 'end';
  /** One id per occurrence: the `start` and the `end` of one hold share it. Unique within one stream. */
  id: number;
  /** Gesture name by shape: `fist`, `palm`, … or a custom gesture's name. Never `none`. */
  gesture: string;
  /** What the gesture means (`no`, `question`, …), or `null` when it has no meaning. */
  meaning: string | null;
  /** The detect stage's id of the hand making it. */
  handId: number;
  handedness: Handedness;
  /** `start`: the score of the frame that started it. `end`: the last score it had while held. In [0, 1]. */
  score: number;
  /** Timestamp (ms) of the frame at which the start or end was decided. */
  timestamp: number;
}

/**
 * Someone left (`away`) or is in view again (`back`). The first settled state of a stream is
 * reported too: `back` once someone has been seen for `backAfterMs`, or `away` once nobody has
 * been seen for `awayAfterMs`.
 */
export interface PresenceEvent {
  type: 'presence';
  state: 'away' | 'back';
  /** Timestamp (ms) of the frame at which the change was decided. */
  timestamp: number;
}

/**
 * A movement of one hand, reported once when the move ends: `wave`, `swipe_left`,
 * `swipe_right`, `swipe_up` or `swipe_down` (docs/motion.md has each one's definition), or a custom
 * motion gesture taught from recordings (`recognizer.gestures.register(name, recordings)`).
 *
 * @example
 * events$.subscribe((e) => {
 *   if (e.type === 'motion' && e.gesture === 'swipe_right') nextSlide();
 * });
 */
export interface MotionEvent {
  type: 'motion';
  /** Which movement, by shape: `wave`, `swipe_left`, `swipe_right`, `swipe_up`, `swipe_down`, or a custom motion's name. */
  gesture: string;
  /** What it means (`hello`, `next`, …), or `null` when it has no meaning. */
  meaning: string | null;
  /** The detect stage's id of the hand that moved (its id when the move ended). */
  handId: number;
  handedness: Handedness;
  /** Timestamp (ms) of the frame the movement started at. */
  startTime: number;
  /** Timestamp (ms) of the frame at which the movement was recognised (its end). */
  timestamp: number;
  /** In [0, 1]: for a swipe how straight it was; for a wave how wide its swings were; for a custom motion 1 − distance / (2 × threshold). */
  score: number;
}

/** Something worked, but not as asked (e.g. a slower backend after a fallback, frames dropped from a plain Observable). */
export interface GestureWarningEvent {
  type: 'warning';
  /** Stable machine-readable code, e.g. `backend-fallback`, `frames-dropped`. */
  code: string;
  message: string;
}

/** One frame could not be processed (e.g. `InvalidFrameError`). The stream goes on with the next frame. */
export interface GestureErrorEvent {
  type: 'error';
  error: GestureError;
  /** Timestamp (ms) of the frame that failed, when known. */
  timestamp?: number;
}

/**
 * Everything `recognizer.events()` emits, discriminated on `type`.
 *
 * @example
 * recognizer.events(fromVideoElement(video)).subscribe((event) => {
 *   switch (event.type) {
 *     case 'gesture': console.log(event.phase, event.gesture, event.meaning); break;
 *     case 'motion': console.log(event.gesture, event.meaning); break;
 *     case 'presence': console.log(event.state); break;
 *     case 'warning': console.warn(event.code, event.message); break;
 *     case 'error': console.error(event.error.code, event.error.message); break;
 *   }
 * });
 */
export type GestureEvent = GesturePhaseEvent | MotionEvent | PresenceEvent | GestureWarningEvent | GestureErrorEvent;
