import { defer, isObservable, Observable, Subject, takeUntil } from 'rxjs';
import { CLASSIFIER_OPTION_KEYS, resolveGestureRegistryOptions, type ClassifierOptions } from './classify/options';
import { GestureRegistry } from './classify/registry';
import { DisposedError } from './errors';
import { resolveEventOptions, type EventOptions, type ResolvedEventOptions } from './event-options';
import type { GestureEvent } from './events';
import { resolveMotionOptions, type MotionOptions, type ResolvedMotionOptions } from './motion-options';
import { pick } from './option-checks';
import type { GestureRecording } from './recording/format';
import { fromRecording } from './sources/from-recording';
import { classify } from './stages/classify';
import { toEvents } from './stages/to-events';
import type { Detection } from './types';

/** Options of a replay: the classifier's (built-ins, meanings, scores) and the events' (debounce, presence, motion). */
export interface ReplayOptions extends ClassifierOptions, EventOptions, Omit<MotionOptions, 'meanings'> {
  /** Classify with this registry (e.g. one a gesture pack was imported into) instead of a new one built from the options. Defaults to `undefined`. */
  gestures?: GestureRegistry;
}

/** What a replay reads: a `fromRecording()` source (or any Observable of detections), or a recording (replayed `'fast'`). */
export type ReplayInput = Observable<Detection> | GestureRecording;

/**
 * Events from recorded detections: `classify()` → `debounce()`/`presence()`/`motion()`, the same stages as
 * `recognizer.events()` after detect, with no model, backend or TF.js. The same options give the
 * same events as the live run that was recorded; gestures registered in `options.gestures` (or a
 * pack imported into it) apply, since classification runs on the recorded landmarks.
 *
 * @example
 * import { fromRecording, replayEvents } from '@gesture/core';
 * const events = await firstValueFrom(replayEvents(fromRecording(recording, { speed: 'fast' }), { minHoldMs: 300 }).pipe(toArray()));
 */
export function replayEvents(input: ReplayInput, options: ReplayOptions = {}): Observable<GestureEvent> {
  return createReplayRecognizer(options).events(input);
}

/**
 * A recognizer without models: the registry and the event options of a replay, resolved once.
 * `GestureObserver` (and so `useGesture()`) uses one when its `source` is a `fromRecording()`.
 */
export interface ReplayRecognizer {
  /** Always `null`: a replay starts no backend. */
  readonly backend: null;
  /** The options in force, defaults filled in. */
  readonly options: { readonly classifier: Readonly<ClassifierOptions>; readonly events: ResolvedEventOptions; readonly motion: ResolvedMotionOptions };
  /** The gestures replayed detections are classified with; register landmark samples or import packs here. */
  readonly gestures: GestureRegistry;
  /** Events from recorded detections; `options` override the debounce, presence and motion options. */
  events(input: ReplayInput, options?: EventOptions & MotionOptions): Observable<GestureEvent>;
  /** Completes running replays. Any later call throws `DisposedError`. */
  dispose(): void;
}

/**
 * Builds a `ReplayRecognizer`: options are validated once, here (`InvalidOptionsError`).
 *
 * @example
 * const replay = createReplayRecognizer({ minHoldMs: 300 });
 * await replay.gestures.import(pack);
 * replay.events(fromRecording(recording)).subscribe(console.log);
 */
export function createReplayRecognizer(options: ReplayOptions = {}): ReplayRecognizer {
  const { detect: _detect, ...classifier } = resolveGestureRegistryOptions(pick(options, CLASSIFIER_OPTION_KEYS) as ClassifierOptions);
  const resolved = { classifier, events: resolveEventOptions(options), motion: resolveMotionOptions(options) };
  const gestures = options.gestures ?? new GestureRegistry(classifier);
  const disposing = new Subject<void>();
  let disposed = false;
  const alive = () => {
    if (disposed) throw new DisposedError('ReplayRecognizer');
  };
  return {
    backend: null,
    options: resolved,
    get gestures() {
      alive();
      return gestures;
    },
    events(input, eventOptions = {}) {
      alive();
      const events = resolveEventOptions(eventOptions, resolved.events);
      const motions = resolveMotionOptions(eventOptions, resolved.motion);
      const detections = isObservable(input) ? input : fromRecording(input, { speed: 'fast' });
      return defer(() => {
        alive();
        return detections.pipe(classify(gestures), toEvents(events, motions, gestures), takeUntil(disposing));
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      disposing.next();
      disposing.complete();
    },
  };
}
