import type { BackendInfo } from '../backend/start';
import type { GestureEvent, GesturePhaseEvent, MotionEvent } from '../events';

/** Where the observer is: `idle` (no subscriber yet), `loading` models, `ready`, or `error` (see `error`). */
export type GestureStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Whether someone is in view: `unknown` until the first settled state, then `present` or `away`. */
export type PresenceState = 'unknown' | 'present' | 'away';

/** A gesture being held right now (started, not yet ended): its `start` event's fields, and since when. */
export interface HeldGesture extends Pick<GesturePhaseEvent, 'id' | 'gesture' | 'meaning' | 'handId' | 'handedness' | 'score'> {
  /** Timestamp (ms) of its `start` event. */
  since: number;
}

/**
 * Everything an app shows, as one immutable object. A new object is made only when something in
 * it changes, so it can be compared by identity (`useSyncExternalStore`, `shallowRef`).
 */
export interface GestureSnapshot {
  readonly status: GestureStatus;
  /** The most recently started gesture still held (on any hand), or `null`. */
  readonly gesture: string | null;
  /** Its meaning, or `null`. */
  readonly meaning: string | null;
  /** Every gesture held right now, one per hand at most, oldest first. */
  readonly hands: readonly HeldGesture[];
  readonly presence: PresenceState;
  /** The last motion gesture (`wave`, a swipe) recognised, or `null`: a motion is an instant, not a hold, so it stays until the next one. */
  readonly motion: MotionEvent | null;
  /** The last event of any type (gesture, presence, warning, per-frame error), or `null`. */
  readonly lastEvent: GestureEvent | null;
  /** The backend in use once loaded, or `null`. */
  readonly backend: BackendInfo | null;
  /** Why `status` is `error` (models failed to load, the frame source failed), else `null`. Per-frame errors are `lastEvent`s. */
  readonly error: Error | null;
}

/** No hands held: one frozen empty list, shared by {@link IDLE_SNAPSHOT} and {@link UNWATCHED}. */
const NO_HANDS: readonly HeldGesture[] = /* @__PURE__ */ Object.freeze([]);

/**
 * The snapshot before anything happened (and on the server): frozen, shared by every observer.
 * The starting point for folding events with `reduceSnapshot`.
 *
 * @example
 * IDLE_SNAPSHOT.status; // 'idle'
 */
export const IDLE_SNAPSHOT: GestureSnapshot = /* @__PURE__ */ Object.freeze({
  status: 'idle',
  gesture: null,
  meaning: null,
  hands: NO_HANDS,
  presence: 'unknown',
  motion: null,
  lastEvent: null,
  backend: null,
  error: null,
});

/** What nobody knows once frames stop being watched: no held gestures, presence unknown. */
export const UNWATCHED: Partial<GestureSnapshot> = /* @__PURE__ */ Object.freeze({ hands: NO_HANDS, gesture: null, meaning: null, presence: 'unknown' });

/**
 * `snapshot` with `patch` applied, as a new frozen object, or `snapshot` itself when every field
 * of `patch` is already identical (`===`) to the snapshot's.
 *
 * @example
 * const ready = patchSnapshot(IDLE_SNAPSHOT, { status: 'ready' });
 * patchSnapshot(ready, { status: 'ready' }) === ready; // true
 */
export function patchSnapshot(snapshot: GestureSnapshot, patch: Partial<GestureSnapshot>): GestureSnapshot {
  const current = snapshot as unknown as Record<string, unknown>;
  const differs = Object.entries(patch).some(([key, value]) => current[key] !== value);
  return differs ? Object.freeze({ ...snapshot, ...patch }) : snapshot;
}

/**
 * Folds one event into a snapshot, purely: the next snapshot, or the same object when the event
 * changes nothing.
 * - a gesture `start` holds the gesture on its hand (replacing what that hand held), an `end`
 *   releases the hold with its `id`; `gesture`/`meaning` are the most recently started hold's;
 * - a motion event becomes `motion` (the last one recognised);
 * - a presence event sets `presence` (`back` → `present`, `away` → `away`);
 * - a `context-lost` warning sets `backend` to the one given (the models were rebuilt on it),
 *   when one is given;
 * - every event becomes `lastEvent`.
 *
 * @example
 * import { IDLE_SNAPSHOT, reduceSnapshot, type GestureSnapshot } from '@gesture/core';
 * let snapshot: GestureSnapshot = IDLE_SNAPSHOT;
 * recognizer.events(frames$).subscribe((event) => {
 *   snapshot = reduceSnapshot(snapshot, event, recognizer.backend);
 * });
 */
export function reduceSnapshot(snapshot: GestureSnapshot, event: GestureEvent, backend?: BackendInfo | null): GestureSnapshot {
  switch (event.type) {
    case 'gesture': {
      const hands = event.phase === 'start' ? holdOn(snapshot.hands, event) : release(snapshot.hands, event);
      const latest = hands[hands.length - 1];
      return patchSnapshot(snapshot, { hands, gesture: latest?.gesture ?? null, meaning: latest?.meaning ?? null, lastEvent: event });
    }
    case 'motion':
      return patchSnapshot(snapshot, { motion: event, lastEvent: event });
    case 'presence':
      return patchSnapshot(snapshot, { presence: event.state === 'back' ? 'present' : 'away', lastEvent: event });
    case 'warning':
      // After a `context-lost` warning the models were rebuilt on another backend (or a new WebGL context).
      if (event.code === 'context-lost' && backend) return patchSnapshot(snapshot, { lastEvent: event, backend });
      return patchSnapshot(snapshot, { lastEvent: event });
    default:
      return patchSnapshot(snapshot, { lastEvent: event });
  }
}

/** The holds with `event`'s hand now holding its gesture (last, as the most recent). */
function holdOn(hands: readonly HeldGesture[], event: GesturePhaseEvent): readonly HeldGesture[] {
  const hold = held(event);
  const last = hands[hands.length - 1];
  if (last && HOLD_KEYS.every((key) => last[key] === hold[key])) return hands; // the same start again
  return [...hands.filter((hand) => hand.handId !== event.handId), hold];
}

/** The holds without the one `event` ends. */
function release(hands: readonly HeldGesture[], event: GesturePhaseEvent): readonly HeldGesture[] {
  return hands.some((hand) => hand.id === event.id) ? hands.filter((hand) => hand.id !== event.id) : hands;
}

const HOLD_KEYS = ['id', 'gesture', 'meaning', 'handId', 'handedness', 'score', 'since'] as const satisfies readonly (keyof HeldGesture)[];

function held(event: GesturePhaseEvent): HeldGesture {
  return { id: event.id, gesture: event.gesture, meaning: event.meaning, handId: event.handId, handedness: event.handedness, score: event.score, since: event.timestamp };
}
