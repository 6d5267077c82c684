import type { OperatorFunction } from 'rxjs';
import type { PresenceEvent } from '../events';
import { resolveEventOptions, type PresenceOptions } from '../event-options';
import { frameStage } from './frame-stage';

/** What `presence()` needs of one frame: the detect and classify stages' results have it. */
export interface PresenceFrame {
  /** True when a face or a hand is in view. */
  present: boolean;
  /** Capture time in ms; the only clock `presence()` reads. */
  timestamp: number;
}

/**
 * Turns per-frame "is anyone here" into `away`/`back` events. `away` once neither a face nor a
 * hand has been seen for `awayAfterMs` without a break; `back` once someone has been seen for
 * `backAfterMs` without a break. It starts in an unknown state and reports the first settled
 * state (`back` or `away`), then only changes. One blank or dropped frame never fires `away`
 * (`awayAfterMs` is more than 0, and a frame that sees someone restarts the count).
 *
 * Time is read from each frame's `timestamp` only; a timestamp earlier than the one before
 * counts as no time passing. Complete and error are passed on as they are.
 *
 * @example
 * import { presence } from '@gesture/core';
 * detections$.pipe(presence({ awayAfterMs: 5000 }))
 *   .subscribe((e) => (cover.hidden = e.state === 'back'));
 */
export function presence(options: PresenceOptions = {}): OperatorFunction<PresenceFrame, PresenceEvent> {
  const { awayAfterMs, backAfterMs } = resolveEventOptions(options);
  return frameStage<PresenceFrame, PresenceEvent>((emit) => {
    let state: 'unknown' | 'away' | 'back' = 'unknown';
    /** Start of the current unbroken run of frames that all see someone (or all see nobody). */
    let runSince = 0;
    let runPresent: boolean | null = null;
    return {
      frame: (frame, now) => {
        const present = Boolean(frame.present);
        if (present !== runPresent) {
          runPresent = present;
          runSince = now;
        }
        const elapsed = now - runSince;
        const next = present ? (elapsed >= backAfterMs ? 'back' : null) : elapsed >= awayAfterMs ? 'away' : null;
        if (next && next !== state) {
          state = next;
          emit({ type: 'presence', state: next, timestamp: now });
        }
      },
    };
  });
}
