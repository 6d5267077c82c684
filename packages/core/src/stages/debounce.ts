import { Observable, type OperatorFunction } from 'rxjs';
import type { GesturePhaseEvent } from '../events';
import { resolveEventOptions, type DebounceOptions } from '../event-options';
import type { Handedness } from '../types';
import { NO_GESTURE } from '../classify/types';

/** What `debounce()` needs of one hand: the classify stage's hands have all of it. */
export interface DebounceHand {
  /** Stable id of the hand across frames. */
  id: number;
  handedness: Handedness;
  /** The frame's best gesture for this hand, or `'none'`. */
  gesture: string;
  meaning: string | null;
  /** Calibrated score of `gesture`, in [0, 1]. */
  score: number;
}

/** What `debounce()` needs of one frame: the classify stage's results have all of it. */
export interface DebounceFrame {
  hands: readonly DebounceHand[];
  /** Capture time in ms; the only clock `debounce()` reads. */
  timestamp: number;
}

interface Held {
  id: number;
  gesture: string;
  meaning: string | null;
  handedness: Handedness;
  /** Last score while it read at `exitScore` or more. */
  score: number;
  /** When it first read below `exitScore` (or the hand went missing), or `null` while held. */
  lowSince: number | null;
}

interface HandTrack {
  handedness: Handedness;
  held: Held | null;
  /** A gesture on its way to `minHoldMs`. */
  candidate: { gesture: string; since: number } | null;
  /** Gesture → timestamp its last occurrence ended on this hand. */
  endedAt: Map<string, number>;
}

/**
 * Turns per-frame gesture labels into `start`/`end` events that never flicker. Per hand `id`:
 * a gesture `start`s once it has read at `enterScore` or more for `minHoldMs`; it `end`s once it
 * has read below `exitScore` (another gesture, `none`, or the hand gone) for `releaseMs`; after
 * an end, the same gesture cannot start on that hand for `cooldownMs`. A start and its end share
 * an occurrence `id`. When the source completes, every held gesture ends (at the last
 * timestamp) so each start has its end; an error is passed on as is.
 *
 * Time is read from each frame's `timestamp` only (never a clock), so a recorded video gives the
 * same events however fast it is processed. A timestamp earlier than the one before counts as
 * no time passing.
 *
 * @example
 * import { debounce } from '@gesture/core';
 * recognizer.events(frames$); // does this for you; or compose it yourself:
 * frames$.pipe(detect(detector), classify(registry), debounce({ minHoldMs: 300 }))
 *   .subscribe((e) => console.log(e.phase, e.gesture, e.timestamp));
 */
export function debounce(options: DebounceOptions = {}): OperatorFunction<DebounceFrame, GesturePhaseEvent> {
  const { minHoldMs, enterScore, exitScore, releaseMs, cooldownMs } = resolveEventOptions(options);
  return (source) =>
    new Observable<GesturePhaseEvent>((subscriber) => {
      const tracks = new Map<number, HandTrack>();
      let nextId = 1;
      let now = -Infinity;

      const emit = (phase: 'start' | 'end', handId: number, held: Held, timestamp: number) =>
        subscriber.next({
          type: 'gesture',
          phase,
          id: held.id,
          gesture: held.gesture,
          meaning: held.meaning,
          handId,
          handedness: held.handedness,
          score: held.score,
          timestamp,
        });

      const onFrame = (frame: DebounceFrame) => {
        if (Number.isFinite(frame.timestamp) && frame.timestamp > now) now = frame.timestamp;
        if (now === -Infinity) now = 0;
        const t = now;
        const seen = new Map<number, DebounceHand>();
        for (const hand of frame.hands) if (!seen.has(hand.id)) seen.set(hand.id, hand);

        // 1. Ends first: a held gesture that reads low (or whose hand is gone) for releaseMs.
        for (const [handId, track] of tracks) {
          const hand = seen.get(handId);
          const held = track.held;
          if (held) {
            if (hand && hand.gesture === held.gesture && hand.score >= exitScore) {
              held.score = hand.score;
              held.lowSince = null;
            } else {
              held.lowSince ??= t;
              if (t - held.lowSince >= releaseMs) {
                track.held = null;
                track.endedAt.set(held.gesture, t);
                emit('end', handId, held, t);
              }
            }
          }
          for (const [gesture, ended] of track.endedAt) if (t - ended >= cooldownMs) track.endedAt.delete(gesture);
          if (!hand) {
            track.candidate = null;
            if (!track.held && track.endedAt.size === 0) tracks.delete(handId);
          }
        }

        // 2. Then starts: a gesture read at enterScore for minHoldMs on a hand holding nothing.
        for (const [handId, hand] of seen) {
          let track = tracks.get(handId);
          if (!track) {
            track = { handedness: hand.handedness, held: null, candidate: null, endedAt: new Map() };
            tracks.set(handId, track);
          }
          track.handedness = hand.handedness;
          const ended = track.endedAt.get(hand.gesture);
          const qualifies =
            hand.gesture !== NO_GESTURE &&
            hand.gesture !== track.held?.gesture &&
            hand.score >= enterScore &&
            (ended === undefined || t - ended >= cooldownMs);
          if (!qualifies) {
            track.candidate = null;
            continue;
          }
          if (track.candidate?.gesture !== hand.gesture) track.candidate = { gesture: hand.gesture, since: t };
          if (!track.held && t - track.candidate.since >= minHoldMs) {
            const held: Held = { id: nextId++, gesture: hand.gesture, meaning: hand.meaning, handedness: hand.handedness, score: hand.score, lowSince: null };
            track.held = held;
            track.candidate = null;
            emit('start', handId, held, t);
          }
        }
      };

      const subscription = source.subscribe({
        next: (frame) => onFrame(frame),
        error: (error: unknown) => {
          tracks.clear();
          subscriber.error(error);
        },
        complete: () => {
          for (const [handId, track] of tracks) {
            if (track.held) emit('end', handId, track.held, now);
          }
          tracks.clear();
          subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        tracks.clear();
      };
    });
}
