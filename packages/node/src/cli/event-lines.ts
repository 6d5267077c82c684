import type { GestureEvent } from '@gesture/core';
import { errorInfo } from './output';

/**
 * A GestureEvent as JSON, the way `gesture recognize` prints video events (errors become `{ code, message }`).
 *
 * @example
 * printJsonLine(eventJson(event));
 */
export function eventJson(event: GestureEvent): unknown {
  return event.type === 'error' ? { ...event, error: errorInfo(event.error) } : event;
}

/**
 * One event in words, for the table `gesture recognize` and `gesture replay` print.
 *
 * @example
 * describeEvent({ type: 'presence', state: 'away', timestamp: 0 }); // 'away'
 */
export function describeEvent(event: GestureEvent): string {
  switch (event.type) {
    case 'gesture':
      return `${event.phase} ${event.gesture} (${event.meaning ?? '–'}) hand ${event.handId} ${event.handedness} ${event.score.toFixed(2)}`;
    case 'motion':
      return `${event.gesture} (${event.meaning ?? '–'}) hand ${event.handId} ${event.handedness} ${event.score.toFixed(2)}, ${Math.round(event.timestamp - event.startTime)} ms`;
    case 'presence':
      return event.state;
    case 'warning':
      return `warning ${event.code}: ${event.message}`;
    default:
      return `error ${errorInfo(event.error).message}`;
  }
}

/** Counts of gesture starts, motions and presence states, for a summary line. */
export function countEvent(counts: Record<string, number>, event: GestureEvent): void {
  if ((event.type === 'gesture' && event.phase === 'start') || event.type === 'motion') counts[event.gesture] = (counts[event.gesture] ?? 0) + 1;
  if (event.type === 'presence') counts[event.state] = (counts[event.state] ?? 0) + 1;
}
