import type { OperatorFunction } from 'rxjs';
import type { GesturePhaseEvent } from '../events';
import { resolveEventOptions, type DebounceOptions } from '../event-options';
import type { Box, Handedness } from '../types';
import { NO_GESTURE } from '../classify/types';
import { frameStage } from './frame-stage';

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
  /** Bounding box in pixels; with the frame's size it tells when the hand moves fast (blurred frames). Optional. */
  box?: Box;
}

/** What `debounce()` needs of one frame: the classify stage's results have all of it. */
export interface DebounceFrame {
  hands: readonly DebounceHand[];
  /** Capture time in ms; the only clock `debounce()` reads. */
  timestamp: number;
  /** Frame size in pixels (with each hand's `box`: how fast hands move). Optional. */
  width?: number;
  height?: number;
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
  /** When the hand was last seen, where its box's centre was then, and when it last moved faster than `motionBlurSpeed`. */
  seenAt: number;
  centre: { x: number; y: number } | null;
  movedAt: number;
}

const boxCentre = (box: Box | undefined) => (box ? { x: box[0] + box[2] / 2, y: box[1] + box[3] / 2 } : null);

/**
 * Turns per-frame gesture labels into `start`/`end` events that never flicker. Per hand `id`:
 * a gesture `start`s once it has read at `enterScore` or more for `minHoldMs`; it `end`s once it
 * has read below `exitScore` (another gesture, `none`, or the hand gone) for `releaseMs`; after
 * an end, the same gesture cannot start on that hand for `cooldownMs`. A start and its end share
 * an occurrence `id`. When the source completes, every held gesture ends (at the last
 * timestamp) so each start has its end; an error is passed on as is.
 *
 * Moving hands (when frames carry `width`/`height` and hands their `box`, as the classify stage's
 * do): a frame in which a hand moves faster than `motionBlurSpeed` is blurred, so it neither
 * starts a gesture nor counts against a held one, and it begins no hold; a hold already under way
 * goes on through blurred frames that still read its gesture at `enterScore` (a fist raised into
 * view), and starts on the next frame that is not blurred. A hand that vanishes while moving fast
 * keeps its hold for twice `releaseMs`; a new hand id that reads a held gesture of a hand that just
 * vanished is that hand found again (the detector loses fast hands): the hold goes on under the
 * new id; so does a new hand id within its own box size of where a hand holding nothing vanished,
 * so its speed is measured from there. So a pose held through a swipe stays one start and one end.
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
  const { minHoldMs, enterScore, exitScore, releaseMs, cooldownMs, motionBlurSpeed } = resolveEventOptions(options);
  return frameStage<DebounceFrame, GesturePhaseEvent>((next) => {
    const tracks = new Map<number, HandTrack>();
    let nextId = 1;

    const emit = (phase: 'start' | 'end', handId: number, held: Held, timestamp: number) =>
      next({
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

    const onFrame = (frame: DebounceFrame, t: number) => {
      const seen = new Map<number, DebounceHand>();
      for (const hand of frame.hands) if (!seen.has(hand.id)) seen.set(hand.id, hand);
      const side = Math.max(frame.width ?? 0, frame.height ?? 0);
      const releaseWindow = (track: HandTrack) => (track.movedAt >= track.seenAt - releaseMs ? 2 * releaseMs : releaseMs);

      // 0. A new hand id reading the gesture a hand that just vanished holds (or any reading, if
      // that hand was moving fast) is the same hand found again: its track goes on under the new id.
      // So is a new id within its box size of a hand holding nothing that just vanished (a fast hand
      // lost and found a little further on): its first frame's speed is measured from there.
      for (const [handId, hand] of seen) {
        if (tracks.has(handId)) continue;
        const orphans = [...tracks].filter(([id, tr]) => !seen.has(id) && t - tr.seenAt <= releaseWindow(tr)).sort((a, b) => b[1].seenAt - a[1].seenAt);
        const centre = boxCentre(hand.box);
        const [oldId, track] =
          orphans.find(([, tr]) => tr.held && ((hand.gesture === tr.held.gesture && hand.score >= exitScore) || tr.movedAt >= tr.seenAt - releaseMs)) ??
          orphans.find(([, tr]) => !tr.held && centre && tr.centre && Math.hypot(centre.x - tr.centre.x, centre.y - tr.centre.y) < Math.max(hand.box![2], hand.box![3])) ??
          [];
        if (oldId === undefined || !track) continue;
        tracks.delete(oldId);
        tracks.set(handId, track);
      }
      // Which hands move too fast for their frame to be read (motion blur).
      const blurred = new Set<number>();
      for (const [handId, hand] of seen) {
        const track = tracks.get(handId);
        const centre = boxCentre(hand.box);
        if (!track || !centre || !track.centre || side <= 0 || t <= track.seenAt) continue;
        const speed = Math.hypot(centre.x - track.centre.x, centre.y - track.centre.y) / side / ((t - track.seenAt) / 1000);
        if (speed >= motionBlurSpeed) track.movedAt = t;
        if (track.movedAt === t) blurred.add(handId);
      }

      // 1. Ends first: a held gesture that reads low (or whose hand is gone) for releaseMs.
      for (const [handId, track] of tracks) {
        const hand = seen.get(handId);
        const held = track.held;
        if (held) {
          if (hand && blurred.has(handId)) {
            held.lowSince = null;
          } else if (hand && hand.gesture === held.gesture && hand.score >= exitScore) {
            held.score = hand.score;
            held.lowSince = null;
          } else {
            held.lowSince ??= t;
            if (t - held.lowSince >= (hand ? releaseMs : releaseWindow(track))) {
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
          track = { handedness: hand.handedness, held: null, candidate: null, endedAt: new Map(), seenAt: t, centre: null, movedAt: -Infinity };
          tracks.set(handId, track);
        }
        track.handedness = hand.handedness;
        track.seenAt = t;
        track.centre = boxCentre(hand.box);
        // A blurred frame begins no hold, but one it still reads goes on (a hand raised at about
        // motionBlurSpeed); the start itself waits for a frame that is not blurred.
        if (blurred.has(handId) && track.candidate?.gesture !== hand.gesture) {
          track.candidate = null;
          continue;
        }
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
        if (!track.held && !blurred.has(handId) && t - track.candidate.since >= minHoldMs) {
          const held: Held = { id: nextId++, gesture: hand.gesture, meaning: hand.meaning, handedness: hand.handedness, score: hand.score, lowSince: null };
          track.held = held;
          track.candidate = null;
          emit('start', handId, held, t);
        }
      }
    };

    return {
      frame: onFrame,
      complete: (now) => {
        for (const [handId, track] of tracks) {
          if (track.held) emit('end', handId, track.held, now);
        }
      },
    };
  });
}
