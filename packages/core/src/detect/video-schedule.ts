import type { Box } from '../types';
import { iou } from './roi';

// When the expensive models run on video frames: by the frames' own timestamps, never the clock.

/** Frames this much early still count as on time (30 fps timestamps are not exact multiples of 1000/fps). */
const SLACK_MS = 1;

/** The last timestamps at which the palm and face detectors ran on one video stream. */
export interface DetectorClock {
  palmAt: number;
  /** The last frame that had a hand. */
  handAt: number;
  faceAt: number;
  /** The previous frame's timestamp (a later frame with an earlier one is a new stream). */
  frameAt: number;
}

export const freshClock = (): DetectorClock => ({ palmAt: -Infinity, handAt: -Infinity, faceAt: -Infinity, frameAt: -Infinity });

/**
 * Whether a model that last ran at `lastAt` may run again at `timestamp`, at most `perSecond`
 * times per second. A frame without a timestamp, or one earlier than the last run (a new stream),
 * always may.
 *
 * @example
 * isDue(0, 150, 5);  // false: 5 per second means every 200 ms
 * isDue(0, 200, 5);  // true
 */
export function isDue(lastAt: number, timestamp: number | undefined, perSecond: number): boolean {
  if (timestamp === undefined || !Number.isFinite(timestamp) || !(timestamp >= lastAt)) return true;
  return timestamp - lastAt >= 1000 / perSecond - SLACK_MS;
}

/**
 * For this long after the last frame with a hand, the palm detector still runs on every frame: a
 * hand just lowered is often raised again for the next gesture, and its start should not wait.
 */
export const RECENT_HAND_MS = 500;

/** Whether the palm detector runs on a frame where no hand is tracked. */
export function isPalmDue(clock: DetectorClock, timestamp: number | undefined, perSecond: number): boolean {
  if (timestamp !== undefined && timestamp >= clock.handAt && timestamp - clock.handAt < RECENT_HAND_MS) return true;
  return isDue(clock.palmAt, timestamp, perSecond);
}

/** Restarts `clock` when `timestamp` goes back in time (frames from a new stream on the same tracker). */
export function tick(clock: DetectorClock, timestamp: number | undefined): void {
  if (timestamp !== undefined && timestamp < clock.frameAt) Object.assign(clock, freshClock());
  if (timestamp !== undefined) clock.frameAt = timestamp;
}

/** A palm candidate the landmark model rejected: where, when, and how clearly. */
export interface RejectedPalm {
  box: Box;
  at: number;
  presence: number;
  /** The 16×16 grey thumbnail of `box` when it was clearly rejected (`stillFalsePalmMs` > 0): remembered that long, see {@link forgetOld}. */
  thumb?: Float32Array;
}

/** How long a clearly rejected candidate (a neck, a shirt, a back) is remembered. */
export const REJECTED_MEMORY_MS = 1000;
/** Presence below which a rejection is clear: a blurred real hand scores higher and is checked again. */
const CLEAR_REJECTION = 0.2;

/** Whether the landmark model's `presence` clearly says "no hand" (a blurred hand scores higher). */
export const isClearRejection = (presence: number): boolean => presence < CLEAR_REJECTION;
/** How closely a candidate must match a remembered one to be taken for the same thing. */
const SAME_PLACE_IOU = 0.7;

/**
 * Whether a candidate at `box` is one the landmark model clearly rejected less than
 * `REJECTED_MEMORY_MS` ago at the same place: a static false positive, not worth another pass.
 */
export function isKnownFalse(rejected: readonly RejectedPalm[], box: Box, timestamp: number | undefined): boolean {
  if (timestamp === undefined) return false;
  return rejected.some((r) => isClearRejection(r.presence) && timestamp - r.at >= 0 && timestamp - r.at < REJECTED_MEMORY_MS && iou(r.box, box) >= SAME_PLACE_IOU);
}

/** `rejected` without the entries older than `REJECTED_MEMORY_MS` (those with a thumbnail: older than `stillMs`, if longer). */
export function forgetOld(rejected: readonly RejectedPalm[], timestamp: number | undefined, stillMs = 0): RejectedPalm[] {
  return timestamp === undefined ? [] : rejected.filter((r) => timestamp - r.at >= 0 && timestamp - r.at < (r.thumb ? Math.max(stillMs, REJECTED_MEMORY_MS) : REJECTED_MEMORY_MS));
}

/** The clearly rejected candidate with a thumbnail at the place of `box` (IoU ≥ 0.7), if any: the caller compares its pixels now. */
export const rejectedHere = (rejected: readonly RejectedPalm[], box: Box): RejectedPalm | undefined => rejected.find((r) => r.thumb && iou(r.box, box) >= SAME_PLACE_IOU);
