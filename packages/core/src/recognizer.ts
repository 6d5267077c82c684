import { connect, defer, filter, from, isObservable, map, merge, Observable, observable as observableKey, of, Subject, takeUntil, type InteropObservable } from 'rxjs';
import { describeFailure, isWebGLContextLost, resetTfBackend, startTfBackend, watchWebGLContext, type BackendInfo } from './backend';
import { GestureRegistry } from './classify/registry';
import type { Recognition } from './classify/types';
import { createHandDetector } from './detect/create-hand-detector';
import type { DetectCallOptions, HandDetector } from './detect/hand-detector';
import { DisposedError, errorMessage, GestureError } from './errors';
import type { GestureErrorEvent, GestureEvent, GestureWarningEvent } from './events';
import { resolveEventOptions, resolveOptions, type EventOptions, type RecognizerOptions, type ResolvedRecognizerOptions } from './options';
import { isFrameSource, pullEach, type FrameSource } from './sources/frame-source';
import { fromFrames } from './sources/from-frames';
import { debounce } from './stages/debounce';
import { presence } from './stages/presence';
import type { Frame, TimedFrame } from './types';

/** What one call of `recognize()` returns: every hand with its gesture, the faces, and whether anyone is present. */
export type RecognizeResult = Recognition;

/** A loaded recognizer: models on a started backend. Create it with `createGestureRecognizer()`. */
export interface GestureRecognizer {
  /**
   * The backend in use and why it was chosen. After a WebGL context loss it describes the
   * backend the models were rebuilt on (a `context-lost` warning event says when).
   */
  readonly backend: BackendInfo;
  /** The options in force, defaults filled in. */
  readonly options: Readonly<ResolvedRecognizerOptions>;
  /** The detect stage's detector (counters in `detector.stats`). */
  readonly detector: HandDetector;
  /**
   * Every gesture the recognizer knows, built-in and custom: `recognize()` and `events()`
   * classify with it, so a gesture registered here counts at once.
   *
   * @example
   * const report = await recognizer.gestures.register('rock', [frame1, frame2, frame3], { meaning: 'party' });
   * const pack = recognizer.gestures.export();
   */
  readonly gestures: GestureRegistry;
  /**
   * Recognises one standalone image: every hand with its 21 landmarks and its gesture, the
   * faces, and whether anyone is present. Throws `InvalidFrameError` for a bad frame (nothing leaks).
   */
  recognize(frame: Frame): Promise<RecognizeResult>;
  /**
   * Gesture and presence events from a stream of frames: detect → classify → debounce and
   * presence. A `fromFrames()` source (or a plain iterable / async iterable of timed frames) is
   * pulled: every frame is processed. A `fromVideoElement()` source, or any Observable, drops the
   * frames that arrive while a frame is being processed (never queued). A frame that fails
   * becomes an `error` event and the stream goes on.
   * When the frames complete (or the recognizer is disposed), held gestures end and the stream
   * completes. Each subscription is its own run, starting with the detector's tracking reset;
   * run one at a time per recognizer, since hand tracking lives in the detector. `options`
   * override the recognizer's debounce and presence options.
   *
   * @example
   * recognizer.events(fromVideoElement(video)).subscribe((e) => {
   *   if (e.type === 'gesture') console.log(e.phase, e.gesture, e.meaning);
   * });
   */
  events(frames: FrameInput, options?: EventOptions): Observable<GestureEvent>;
  /** Releases every model and tensor and completes running `events()` streams. Any later call throws `DisposedError`. */
  dispose(): void;
}

/** What `events()` reads frames from: a `FrameSource`, any Observable of timed frames, or an (async) iterable of them. */
export type FrameInput = FrameSource | Observable<TimedFrame> | InteropObservable<TimedFrame> | Iterable<TimedFrame> | AsyncIterable<TimedFrame>;

/** The parts a recognizer is built from. `createGestureRecognizer()` loads the real ones; tests may pass fakes. */
export interface RecognizerParts {
  backend: BackendInfo;
  options: ResolvedRecognizerOptions;
  detector: HandDetector;
  /** Classifies the hands of each detection. */
  registry: GestureRegistry;
  /** How to notice a lost WebGL context and rebuild the models. Defaults to none (fakes in tests). */
  recovery?: ContextLossRecovery;
}

/** What the recognizer needs to survive a lost WebGL context. */
export interface ContextLossRecovery {
  /** Calls `onLost` once when the running backend's WebGL context is lost; returns the function that stops watching. */
  watch(onLost: () => void): () => void;
  /** Whether the context is lost right now (before the event has fired). */
  isLost(): boolean;
  /** Drops the old models and backend, starts a working backend and loads the models again on it. */
  rebuild(): Promise<BackendInfo>;
}

/** A `HandDetector` whose models can be replaced underneath, so everything holding it keeps working. */
class RebuildableDetector implements HandDetector {
  constructor(public current: HandDetector) {}
  detect(frame: Frame, options?: DetectCallOptions) {
    return this.current.detect(frame, options);
  }
  reset() {
    this.current.reset();
  }
  dispose() {
    this.current.dispose();
  }
  get stats() {
    return this.current.stats;
  }
}

/**
 * Starts a TF.js backend, loads the shipped models and returns a recognizer.
 *
 * @example
 * import { createGestureRecognizer, fromVideoElement } from '@gesture/core';
 * const recognizer = await createGestureRecognizer({ backend: 'wasm', maxHands: 2 });
 * const { hands } = await recognizer.recognize({ data: rgba, width: 640, height: 480 });
 * recognizer.events(fromVideoElement(video)).subscribe(console.log);
 * recognizer.dispose();
 */
export async function createGestureRecognizer(options: RecognizerOptions = {}): Promise<GestureRecognizer> {
  const resolved = resolveOptions(options);
  const backend = await startTfBackend(resolved);
  const detector = new RebuildableDetector(await createHandDetector(resolved));
  const registry = new GestureRegistry({ detect: (frame) => detector.detect(frame, { mode: 'image' }) });
  const recovery: ContextLossRecovery = {
    watch: watchWebGLContext,
    isLost: isWebGLContextLost,
    async rebuild() {
      // The old models live in the lost context: release what can be released, then start over.
      try {
        detector.current.dispose();
      } catch {
        // their textures went with the context
      }
      resetTfBackend('webgl');
      const next = await startTfBackend(resolved, 'rebuilt after the WebGL context was lost');
      detector.current = await createHandDetector(resolved);
      return next;
    },
  };
  return assembleRecognizer({ backend, options: resolved, detector, registry, recovery });
}

/** What processing one frame gave: a result for debounce and presence, or an event to pass on. */
type Outcome = { result: Recognition } | { event: GestureEvent };

/**
 * Builds a recognizer from loaded parts. Not exported from the package: `createGestureRecognizer()`
 * is the public way in; tests use this to run the event logic on a fake detector.
 */
export function assembleRecognizer(parts: RecognizerParts): GestureRecognizer {
  const { options, detector, registry, recovery } = parts;
  let backend = parts.backend;
  let disposed = false;
  const disposing = new Subject<void>();
  const inFlight = new Set<Promise<unknown>>();
  const alive = () => {
    if (disposed) throw new DisposedError('GestureRecognizer');
  };
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    const done = () => {
      inFlight.delete(work);
    };
    work.then(done, done);
    return work;
  };

  // WebGL context loss: noticed by its event (or by the context itself, whichever comes first);
  // the models are rebuilt once on a working backend, every running events() stream gets a
  // `context-lost` warning, and frames wait for the rebuild instead of failing.
  const backendWarnings = new Subject<GestureWarningEvent>();
  let rebuilding: Promise<void> | null = null;
  let unwatch = recovery?.watch(() => onContextLost()) ?? (() => {});
  const onContextLost = (): Promise<void> => {
    if (rebuilding || disposed || !recovery) return rebuilding ?? Promise.resolve();
    unwatch();
    const lostOn = backend.name;
    rebuilding = (async () => {
      let message: string;
      try {
        backend = await recovery.rebuild();
        message = `The WebGL context was lost; the models were rebuilt on '${backend.name}'${backend.name === lostOn ? ' (a new context)' : ''}.`;
        if (disposed) detector.dispose();
        else unwatch = recovery.watch(() => void onContextLost());
      } catch (cause) {
        message = `The WebGL context was lost and the models could not be rebuilt: ${errorMessage(cause)}`;
      }
      rebuilding = null;
      if (!disposed) backendWarnings.next({ type: 'warning', code: 'context-lost', message });
    })();
    return rebuilding;
  };
  /** Runs `work` on live models: waits for a rebuild, and runs it again once if the context was lost while it ran. */
  const onLiveModels = async <T>(work: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      if (rebuilding || recovery?.isLost()) await onContextLost();
      try {
        const result = await work();
        if (attempt === 0 && (rebuilding || recovery?.isLost())) continue;
        return result;
      } catch (error) {
        if (attempt === 0 && (rebuilding || recovery?.isLost())) continue;
        throw error;
      }
    }
  };

  const processFrame = async (frame: TimedFrame): Promise<Outcome> => {
    try {
      // The detect and classify stages for one frame, called directly (what `detect()` and `classify()` do per item).
      const result = await track(onLiveModels(async () => registry.classify(await detector.detect(frame.frame, { mode: 'video', timestamp: frame.timestamp }))));
      return { result };
    } catch (cause) {
      const event: GestureErrorEvent = { type: 'error', error: toGestureError(cause, frame.timestamp), timestamp: frame.timestamp };
      return { event };
    }
  };

  const startWarnings = (): GestureWarningEvent[] => {
    const failed = backend.tried.filter((t) => !t.ok);
    if (failed.length === 0 || (options.backend === 'auto' && backend.name !== 'cpu')) return [];
    return [
      {
        type: 'warning',
        code: 'backend-fallback',
        message: `Running on '${backend.name}' after failed attempts: ${failed.map(describeFailure).join('; ')}.`,
      },
    ];
  };

  return {
    get backend() {
      return backend;
    },
    options,
    get detector() {
      alive();
      return detector;
    },
    get gestures() {
      alive();
      return registry;
    },
    async recognize(frame) {
      alive();
      const detection = await track(onLiveModels(() => detector.detect(frame, { mode: 'image' })));
      return registry.classify(detection);
    },
    events(frames, eventOptions = {}) {
      alive();
      const resolvedEvents = resolveEventOptions(eventOptions, options);
      return defer(() => {
        alive();
        // Each run starts cold: hands tracked in an earlier run say nothing about this one.
        detector.reset();
        const outcomes = isFrameSource(frames)
          ? pullEach(frames, processFrame)
          : isPushed(frames)
            ? dropWhileBusy(from(frames), processFrame)
            : pullEach(fromFrames(frames), processFrame);
        return merge(
          of(...startWarnings()),
          withBackendWarnings(outcomes, backendWarnings).pipe(
            takeUntil(disposing),
            connect((shared) =>
              merge(
                shared.pipe(
                  filter((o): o is { event: GestureEvent } => 'event' in o),
                  map((o) => o.event),
                ),
                shared.pipe(
                  filter((o): o is { result: Recognition } => 'result' in o),
                  map((o) => o.result),
                  connect((results) => merge(results.pipe(debounce(resolvedEvents)), results.pipe(presence(resolvedEvents)))),
                ),
              ),
            ),
          ),
        );
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      unwatch();
      disposing.next();
      disposing.complete();
      backendWarnings.complete();
      // A frame still being processed keeps the models until it is done; then everything goes.
      // (A rebuild under way disposes its new models itself when it ends.)
      if (rebuilding) return;
      if (inFlight.size === 0) detector.dispose();
      else void Promise.allSettled([...inFlight]).then(() => detector.dispose());
    },
  };
}

/** The outcomes of one run, with the backend's warnings (e.g. `context-lost`) while it runs. */
function withBackendWarnings(outcomes: Observable<Outcome>, warnings: Observable<GestureWarningEvent>): Observable<Outcome> {
  return new Observable<Outcome>((subscriber) => {
    const fromBackend = warnings.subscribe((event) => subscriber.next({ event }));
    const run = outcomes.subscribe(subscriber);
    return () => {
      fromBackend.unsubscribe();
      run.unsubscribe();
    };
  });
}

/** An Observable (RxJS or any `Symbol.observable` interop) pushes frames at its own pace. */
function isPushed(frames: FrameInput): frames is Observable<TimedFrame> | InteropObservable<TimedFrame> {
  return isObservable(frames) || typeof (frames as unknown as Record<string | symbol, unknown>)[observableKey] === 'function';
}

/** Any failure of one frame as a `GestureError` (named errors pass through unchanged). */
function toGestureError(cause: unknown, timestamp: number): GestureError {
  if (cause instanceof GestureError) return cause;
  const message = errorMessage(cause);
  return new GestureError('frame-failed', `Processing the frame at ${timestamp} ms failed: ${message}`, { timestamp }, { cause });
}

/**
 * Any other stream of frames: a frame that arrives while one is processed is dropped (never
 * queued). The first drop emits a `frames-dropped` warning pointing at `fromFrames()`.
 */
function dropWhileBusy(frames: Observable<TimedFrame>, process: (frame: TimedFrame) => Promise<Outcome>): Observable<Outcome> {
  return new Observable<Outcome>((subscriber) => {
    let busy = false;
    let sourceDone = false;
    let dropped = 0;
    const subscription = frames.subscribe({
      next: (frame) => {
        if (busy) {
          dropped += 1;
          if (dropped === 1) {
            subscriber.next({
              event: {
                type: 'warning',
                code: 'frames-dropped',
                message:
                  'Frames arrive faster than they are processed, so some are dropped. For a recording where every frame counts, wrap the frames in fromFrames(); for a camera, use fromVideoElement() to count the drops.',
              },
            });
          }
          return;
        }
        busy = true;
        void process(frame).then((outcome) => {
          busy = false;
          if (subscriber.closed) return;
          subscriber.next(outcome);
          if (sourceDone) subscriber.complete();
        });
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => {
        sourceDone = true;
        if (!busy) subscriber.complete();
      },
    });
    return () => subscription.unsubscribe();
  });
}
