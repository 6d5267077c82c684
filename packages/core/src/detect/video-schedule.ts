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
export const RECENT_HAND_MS = 1000;

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
