import type { MotionEvent } from '../events';

/** Shortest wait of a built-in motion event while custom motions are registered. */
const MIN_HOLD_MS = 200;

/**
 * Decides between built-in and custom motions for one run of the motion stage: a movement that a
 * custom motion claims is reported as that custom motion only. While custom motions are
 * registered, a built-in motion event (wave, a swipe) waits until its hand has settled and no
 * custom candidate is pending (at least 200 ms, at most twice the longest custom motion plus
 * 0.5 s); a custom motion whose movement overlaps it in time, on the same hand, drops it. The held
 * event keeps its own `timestamp`. Without custom motions, events pass at once.
 *
 * @example
 * const arbiter = new MotionArbiter(next);
 * arbiter.builtin(track, waveEvent, 1200); // held
 * arbiter.custom(track, circleEvent);      // emitted; the overlapping wave is dropped
 */
export class MotionArbiter<Track> {
  private pending: { track: Track; event: MotionEvent; maxHold: number }[] = [];

  constructor(private readonly next: (event: MotionEvent) => void) {}

  /** A built-in motion event; `longestCustomMs` is 0 when no custom motion is registered (it passes at once). */
  builtin(track: Track, event: MotionEvent, longestCustomMs: number): void {
    if (longestCustomMs <= 0) this.next(event);
    else this.pending.push({ track, event, maxHold: 2 * longestCustomMs + 500 });
  }

  /** A custom motion event: emitted, and the held built-in events of its movement dropped. */
  custom(track: Track, event: MotionEvent): void {
    this.pending = this.pending.filter((p) => !(p.track === track && p.event.startTime <= event.timestamp && event.startTime <= p.event.timestamp));
    this.next(event);
  }

  /** At each frame: releases the held events whose hand is no longer `busy` (moving, or a custom candidate pending). */
  tick(now: number, busy: (track: Track) => boolean): void {
    this.release((p) => now - p.event.timestamp >= p.maxHold || (now - p.event.timestamp >= MIN_HOLD_MS && !busy(p.track)));
  }

  /** The frames ended, or a hand is gone: its held events (all with no `track`) are released. */
  flush(track?: Track): void {
    this.release((p) => track === undefined || p.track === track);
  }

  private release(ready: (p: { track: Track; event: MotionEvent; maxHold: number }) => boolean): void {
    const out = this.pending.filter(ready);
    if (out.length === 0) return;
    this.pending = this.pending.filter((p) => !out.includes(p));
    for (const p of out) this.next(p.event);
  }
}
