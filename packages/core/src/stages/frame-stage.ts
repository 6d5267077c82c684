import { Observable, type OperatorFunction } from 'rxjs';

/** What a stage that keeps state from frame to frame does with each frame, and when the frames end. */
export interface FrameStageState<T> {
  /** One frame, at `now`: its timestamp, never earlier than the frame before. */
  frame(value: T, now: number): void;
  /** The frames completed, the last at `now`: emit what is still open (held gestures, moves). */
  complete?(now: number): void;
}

/**
 * The shape of the time-based stages (`debounce()`, `presence()`, `motion()`): each subscription
 * gets fresh state from `start`, fed every frame with a clock read from the frames' timestamps
 * only — never earlier than the frame before; a missing or non-finite timestamp counts as no time
 * passing (0 before any). Complete lets the state close what is open, then completes; an error is
 * passed on as it is; the state goes with the subscription.
 *
 * @example
 * const count = () => frameStage<{ timestamp: number }, number>((emit) => {
 *   let n = 0;
 *   return { frame: () => void n++, complete: () => emit(n) };
 * });
 */
export function frameStage<T extends { timestamp: number }, R>(start: (emit: (value: R) => void) => FrameStageState<T>): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((subscriber) => {
      const state = start((value) => subscriber.next(value));
      let now = -Infinity;
      return source.subscribe({
        next: (value) => {
          const timestamp = value?.timestamp;
          if (Number.isFinite(timestamp) && timestamp > now) now = timestamp;
          if (now === -Infinity) now = 0;
          state.frame(value, now);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          state.complete?.(now === -Infinity ? 0 : now);
          subscriber.complete();
        },
      });
    });
}
