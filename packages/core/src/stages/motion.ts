import type { OperatorFunction } from 'rxjs';
import type { MotionEvent } from '../events';
import { resolveMotionOptions, type MotionGestureName, type MotionOptions, type ResolvedMotionOptions } from '../motion-options';
import type { Box, Handedness, HandLandmarks } from '../types';
import { frameStage } from './frame-stage';
import { MotionArbiter } from '../motion/arbiter';
import { CustomMotionMatcher, type CustomMotionMatch, type CustomMotionSource } from '../motion/custom-matcher';

/** What `motion()` needs of one hand: the detect stage's hands have all of it. */
export interface MotionHand {
  /** Stable id of the hand while it is tracked. */
  id: number;
  handedness: Handedness;
  /** Bounding box in image pixels (its width is the hand's size for waves). */
  box: Box;
  /** 21 landmarks in image pixels; the palm's centre is read from them when present, else the box's centre. */
  landmarks?: HandLandmarks;
}

/** What `motion()` needs of one frame: the detect and classify stages' results have all of it. */
export interface MotionFrame {
  hands: readonly MotionHand[];
  width: number;
  height: number;
  /** Capture time in ms; the only clock `motion()` reads. */
  timestamp: number;
}

interface Point {
  t: number;
  x: number;
  y: number;
  /** The hand's box then. */
  box: Box;
}

/** One hand followed through time (across the new ids the detector gives it after losing it). */
interface Track {
  id: number;
  handedness: Handedness;
  lastSeen: number;
  /** Recent positions, oldest first. */
  points: Point[];
  /** Where the hand last rested: a swipe is measured from here. */
  rest: Point;
  moving: boolean;
  /** The hand stayed within `restDistance` for `settleMs` up to its last frame. */
  resting: boolean;
  /** Wave: the farthest point of the current swing, its direction (-1, 0, 1) and the reversals so far. */
  extreme: Point;
  direction: number;
  reversals: number[];
  /** A wave was reported and the hand is still waving: no second wave until it stops. */
  waving: boolean;
  /** A swipe that ended by turning back, held until it is clear the turn is not a wave's. */
  pending: { gesture: MotionGestureName; startTime: number; score: number; turnedAt: number } | null;
  /** Finds the custom motion gestures in this hand's landmarks. */
  custom: CustomMotionMatcher;
}

/** How long a swipe that ended by turning back waits for the next turn (a wave's swings turn sooner). */
const TURN_WAIT_MS = 400;

/** The palm's centre: the mean of the wrist and the four knuckles, or the box's centre. */
function palmCentre(hand: MotionHand): { x: number; y: number } {
  const lm = hand.landmarks;
  if (lm && lm.length === 21) {
    const joints = [lm[0]!, lm[5]!, lm[9]!, lm[13]!, lm[17]!];
    return { x: joints.reduce((s, p) => s + p[0], 0) / 5, y: joints.reduce((s, p) => s + p[1], 0) / 5 };
  }
  const [x, y, w, h] = hand.box;
  return { x: x + w / 2, y: y + h / 2 };
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * The motion stage: reports a hand's movement as one event each, `wave` or a swipe, from the
 * tracked hands' positions and the frames' timestamps (never a clock).
 * - **Swipes** (`swipe_left`, `swipe_right`, `swipe_up`, `swipe_down`): the hand leaves a rest,
 *   travels at least `minSwipeDistance` of the frame along one axis (the other axis at most half
 *   as far), in at most `maxSwipeMs`, on a path at least `minStraightness` straight, and stops (rests
 *   for `settleMs`, turns back, leaves the view, or the frames end). A hand raised into view from
 *   the bottom edge or lowered out of it, or one whose size changes by 40 % or more (towards or away
 *   from the camera), is not a swipe. Directions are those of the
 *   image as given: with `mirror: true` (a selfie preview) that is the person's own left and right,
 *   what they see on screen. The event comes when the move ends.
 * - **Wave**: the hand swings side to side, turning back `waveReversals` times within
 *   `waveWindowMs`, each swing at least `waveAmplitude` hand widths; one event per bout of waving.
 * A hand the detector loses mid-move and finds again within `maxGapMs` (under a new id) is the
 * same hand. `score` is how straight a swipe was, or for a wave how wide its swings were (1 at
 * twice `waveAmplitude` or more). Complete ends moves in progress; errors pass on as they are.
 * - **Custom motions** (`custom`, e.g. a `GestureRegistry`, read at every frame): gestures taught
 *   from recordings, found in each hand's landmarks by dynamic time warping (docs/motion.md);
 *   reported with their own name and meaning, `score` 1 for a perfect match, 0.5 at the threshold.
 *   A movement a custom motion claims is not also reported as a built-in one: while custom motions
 *   are registered, built-in events wait until the hand settles (they keep their timestamp).
 *
 * @example
 * import { motion } from '@gesture/core';
 * detections$.pipe(motion({ meanings: { wave: 'hi' } }))
 *   .subscribe((e) => console.log(e.gesture, e.meaning, e.timestamp - e.startTime, 'ms'));
 */
export function motion(options: MotionOptions = {}, custom?: CustomMotionSource): OperatorFunction<MotionFrame, MotionEvent> {
  const o = resolveMotionOptions(options);
  return frameStage<MotionFrame, MotionEvent>((next) => {
    const tracks = new Map<number, Track>();
    /** The current frame's time (the stage's clock). */
    let now = 0;
    /** The timestamp of the frame before this one. */
    let previous = -Infinity;
    let size = { width: 1, height: 1 };

    const arbiter = new MotionArbiter<Track>(next);
    const longestCustom = () => Math.max(0, ...(custom?.customMotions() ?? []).map((m) => m.template.duration));
    const emit = (gesture: MotionGestureName, track: Track, startTime: number, score: number) => {
      if (!o.motions.includes(gesture)) return;
      arbiter.builtin(track, { type: 'motion', gesture, meaning: o.meanings[gesture], handId: track.id, handedness: track.handedness, startTime, timestamp: now, score }, longestCustom());
    };

    /** A move from `from` to `to` (the points of the track between them make the path): a swipe, if it is one. */
    const endMove = (track: Track, from: Point, to: Point, turned = false) => {
      const path = track.points.filter((p) => p.t >= from.t && p.t <= to.t);
      const swipe = classifySwipe(path, from, to, track.points[track.points.length - 1]!, size, o);
      if (!swipe || track.waving) return;
      if (turned) track.pending = { ...swipe, turnedAt: to.t };
      else emit(swipe.gesture, track, swipe.startTime, swipe.score);
    };
    const emitCustom = (track: Track, found: CustomMotionMatch | null) => {
      if (found) arbiter.custom(track, { type: 'motion', gesture: found.gesture, meaning: found.meaning, handId: track.id, handedness: track.handedness, startTime: found.startTime, timestamp: now, score: found.score });
    };
    const flushPending = (track: Track) => {
      if (track.pending && !track.waving) emit(track.pending.gesture, track, track.pending.startTime, track.pending.score);
      track.pending = null;
    };

    const follow = (track: Track, point: Point, handWidth: number) => {
      track.points.push(point);
      const keep = point.t - (o.maxSwipeMs + o.settleMs + o.maxGapMs);
      while (track.points.length > 2 && track.points[0]!.t < keep && track.points[0] !== track.rest) track.points.shift();
      // Swipes: a move runs from a rest to the next rest (or a turn back).
      const restRadius = o.restDistance * Math.max(size.width, size.height);
      const recent = track.points.filter((p) => p.t >= point.t - o.settleMs);
      const before = track.points[track.points.length - recent.length - 1];
      const settled = before !== undefined && [before, ...recent].every((p) => distance(p, point) <= restRadius);
      track.resting = settled;
      if (settled) {
        if (track.moving) endMove(track, track.rest, arrival(track, point, restRadius));
        track.rest = point;
        track.moving = false;
      } else if (distance(point, track.rest) > restRadius) {
        track.moving = true;
        const far = farthest(track, track.rest);
        if (distance(point, far) > 2 * restRadius && (point.x - far.x) * (far.x - track.rest.x) + (point.y - far.y) * (far.y - track.rest.y) < 0) {
          endMove(track, track.rest, far, true);
          track.rest = far;
        }
      }
      // Waves: count the turns of swings at least waveAmplitude hand widths wide.
      const swing = o.waveAmplitude * handWidth;
      const dx = point.x - track.extreme.x;
      if (track.direction === 0 || dx * track.direction > 0) {
        if (Math.abs(dx) >= swing || track.direction !== 0) {
          track.direction = Math.sign(dx);
          track.extreme = point;
        }
      } else if (-dx * track.direction >= swing) {
        // Swings of a wave follow each other closely; a turn long after the last one starts anew.
        const last = track.reversals[track.reversals.length - 1];
        if (last !== undefined && track.extreme.t - last > o.waveWindowMs / 2) track.reversals = [];
        track.reversals.push(track.extreme.t);
        // Turning again soon after a swipe that ended by turning: those were a wave's swings.
        if (track.pending && track.extreme.t > track.pending.turnedAt) track.pending = null;
        track.direction = -track.direction;
        track.extreme = point;
      }
      track.reversals = track.reversals.filter((t) => t >= point.t - o.waveWindowMs);
      if (track.waving && track.reversals.length === 0) track.waving = false;
      if (!track.waving && track.reversals.length >= o.waveReversals) {
        const startTime = track.points.find((p) => p.t >= track.reversals[0]! - o.waveWindowMs / 2)?.t ?? track.reversals[0]!;
        emit('wave', track, startTime, Math.min(1, handWidth > 0 ? meanSwing(track, point.t - o.waveWindowMs) / (2 * swing) : 1));
        track.waving = true;
        track.moving = false;
        track.rest = point;
        track.pending = null;
      }
      if (track.pending && point.t - track.pending.turnedAt >= TURN_WAIT_MS) flushPending(track);
    };

    const onFrame = (frame: MotionFrame, t: number) => {
      now = t;
      if (frame.width !== size.width || frame.height !== size.height) {
        tracks.clear();
        size = { width: frame.width, height: frame.height };
      }
      const seen = new Set<Track>();
      for (const hand of frame.hands) {
        const centre = palmCentre(hand);
        const point: Point = { t: now, x: centre.x, y: centre.y, box: hand.box };
        let track = tracks.get(hand.id);
        if (!track) {
          // A hand found again after a short loss (fast moves blur) continues its track.
          const lost = [...tracks.values()].filter((t) => !seen.has(t) && !frame.hands.some((h) => h.id === t.id) && now - t.lastSeen <= o.maxGapMs);
          track = lost.sort((a, b) => distance(a.points[a.points.length - 1]!, point) - distance(b.points[b.points.length - 1]!, point))[0];
          if (track) {
            tracks.delete(track.id);
            // Swings are counted on a hand seen all along (a new id in the very next frame is the
            // tracker finding it again); after a gap the hand found could be another one.
            if (track.lastSeen < previous) Object.assign(track, { extreme: point, direction: 0, reversals: [] });
          }
          track ??= { id: hand.id, handedness: hand.handedness, lastSeen: now, points: [], rest: point, moving: false, resting: false, extreme: point, direction: 0, reversals: [], waving: false, pending: null, custom: new CustomMotionMatcher() };
          track.id = hand.id;
          tracks.set(hand.id, track);
        }
        if (seen.has(track)) continue;
        seen.add(track);
        track.handedness = hand.handedness;
        track.lastSeen = now;
        follow(track, point, hand.box[2]);
        if (custom && hand.landmarks?.length === 21) emitCustom(track, track.custom.push(now, hand.landmarks, custom.customMotions()));
      }
      for (const [id, track] of tracks) {
        if (seen.has(track) || now - track.lastSeen <= o.maxGapMs) continue;
        // Gone for good: a move it was making ends where it was last seen (the built-in first, so
        // that a custom motion found in the same movement drops it).
        flushPending(track);
        if (track.moving) endMove(track, track.rest, track.points[track.points.length - 1]!);
        emitCustom(track, track.custom.flush());
        arbiter.flush(track);
        tracks.delete(id);
      }
      arbiter.tick(now, (track) => !track.resting || track.custom.pending);
      previous = now;
    };

    return {
      frame: onFrame,
      // The frames ended: moves in progress end where their hands were last seen.
      complete: () => {
        for (const track of tracks.values()) {
          flushPending(track);
          if (track.moving) endMove(track, track.rest, track.points[track.points.length - 1]!);
          emitCustom(track, track.custom.flush());
        }
        arbiter.flush();
      },
    };
  });
}

/** The first point of the final rest: where the hand arrived. */
function arrival(track: Track, point: Point, restRadius: number): Point {
  let first = point;
  for (let i = track.points.length - 1; i >= 0 && distance(track.points[i]!, point) <= restRadius; i--) first = track.points[i]!;
  return first;
}

/** The point of the track since `from` farthest from it. */
function farthest(track: Track, from: Point): Point {
  let best = from;
  for (const p of track.points) if (p.t >= from.t && distance(p, from) > distance(best, from)) best = p;
  return best;
}

/** The mean side-to-side swing of the track since `since`, in pixels. */
function meanSwing(track: Track, since: number): number {
  const xs = track.points.filter((p) => p.t >= since).map((p) => p.x);
  return xs.length > 1 ? Math.max(...xs) - Math.min(...xs) : 0;
}

/** Whether the move from `from` to `to` along `path` is a swipe, and which (`last`: the hand as seen now). */
function classifySwipe(path: Point[], from: Point, to: Point, last: Point, size: { width: number; height: number }, o: ResolvedMotionOptions): { gesture: MotionGestureName; startTime: number; score: number } | null {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const horizontal = Math.abs(dx) >= 2 * Math.abs(dy);
  const vertical = Math.abs(dy) >= 2 * Math.abs(dx);
  if (!horizontal && !vertical) return null;
  const along = horizontal ? Math.abs(dx) / size.width : Math.abs(dy) / size.height;
  if (along < o.minSwipeDistance) return null;
  // A hand raised into view from below, or lowered out of it, is not a swipe; nor is one that
  // comes towards the camera or goes back (its size, the square root of its box's area, changes by 40 % or more).
  const atBottom = (p: Point) => p.box[1] + p.box[3] >= size.height * 0.98;
  if (vertical && ((dy < 0 && atBottom(from)) || (dy > 0 && atBottom(to)))) return null;
  // The hand's size where it rested before and where it is now (a hand found again mid-move is often partly seen).
  const grows = Math.sqrt((last.box[2] * last.box[3]) / Math.max(1, from.box[2] * from.box[3]));
  if (grows > 1.4 || grows < 1 / 1.4) return null;
  const restRadius = o.restDistance * Math.max(size.width, size.height);
  const startTime = path.find((p) => distance(p, from) > restRadius)?.t ?? from.t;
  if (to.t - startTime > o.maxSwipeMs) return null;
  let length = 0;
  for (let i = 1; i < path.length; i++) length += distance(path[i]!, path[i - 1]!);
  const straightness = length > 0 ? Math.min(1, Math.hypot(dx, dy) / length) : 1;
  if (straightness < o.minStraightness) return null;
  const gesture: MotionGestureName = horizontal ? (dx < 0 ? 'swipe_left' : 'swipe_right') : dy < 0 ? 'swipe_up' : 'swipe_down';
  return { gesture, startTime, score: straightness };
}
