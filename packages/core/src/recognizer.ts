import { catchError, concat, defer, EMPTY, from, isObservable, merge, Observable, observable as observableKey, of, pipe, Subject, takeUntil, throwError, type InteropObservable } from 'rxjs';
import { RecoveringDetector, webglContextRecovery, type ContextLossRecovery } from './backend/recovery';
import { landmarkProbe } from './backend/probe';
import { fallbackWarning, startTfBackend, type BackendInfo } from './backend/start';
import { GestureRegistry } from './classify/registry';
import type { Recognition } from './classify/types';
import type { GestureRecorder } from './recording/recorder';
import { loadHandDetector } from './detect/create-hand-detector';
import type { HandDetector } from './detect/hand-detector';
import { DisposedError, errorMessage, GestureError, InvalidOptionsError } from './errors';
import { resolveEventOptions, type EventOptions } from './event-options';
import type { GestureEvent, GestureWarningEvent } from './events';
import { resolveMotionOptions, type MotionOptions } from './motion-options';
import { markResolved } from './option-checks';
import { resolveOptions, type RecognizerOptions, type ResolvedRecognizerOptions } from './options';
import { isFrameSource, type FrameSource } from './sources/frame-source';
import { fromFrames } from './sources/from-frames';
import { classify } from './stages/classify';
import { detect } from './stages/detect';
import { pace } from './stages/pace';
import { record } from './stages/record';
import { toEvents } from './stages/to-events';
import type { Frame, TimedFrame } from './types';
import { startWorkerDetector, workerFallbackWarning, workerUnavailable } from './worker/start';
import { WorkerHandDetector } from './worker/worker-detector';

/** What one call of `recognize()` returns: every hand with its gesture, the faces, and whether anyone is present. */
export type RecognizeResult = Recognition;

/** A loaded recognizer: models on a started backend. Create it with `createGestureRecognizer()`. */
export interface GestureRecognizer {
  /**
   * The backend in use and why it was chosen. After a WebGL context loss it describes the
   * backend the models were rebuilt on (a `context-lost` warning event says when).
   */
  readonly backend: BackendInfo;
  /** The options in force, defaults filled in, one section per part of the pipeline. */
  readonly options: ResolvedRecognizerOptions;
  /**
   * The detect stage's detector (counters in `detector.stats`). It survives a lost WebGL context:
   * pass it to `detect()` to build the pipeline by hand.
   */
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
   * Gesture, motion and presence events from a stream of frames: `pace()` → `detect()` →
   * `classify()` → `debounce()`, `presence()` and `motion()` (docs/pipeline.md shows the composition). A `fromFrames()`
   * source (or a plain iterable / async iterable of timed frames) is pulled: every frame is
   * processed. A `fromVideoElement()` source, or any Observable, drops the frames that arrive
   * while a frame is being processed (never queued). A frame that fails becomes an `error` event
   * and the stream goes on.
   * When the frames complete (or the recognizer is disposed), held gestures end and the stream
   * completes. When the source fails, held gestures end and then the stream errors with a
   * `GestureError` (code `source-failed`, the source's error as `cause`). Frames that are not
   * an object or iterable throw `InvalidOptionsError`. Each subscription is its own run, starting with the detector's tracking reset;
   * run one at a time per recognizer, since hand tracking lives in the detector. `options`
   * override the recognizer's debounce, presence and motion options (and motion meanings);
   * `options.recorder` taps the detections into a recording (`record()` between detect and classify).
   *
   * @example
   * recognizer.events(fromVideoElement(video)).subscribe((e) => {
   *   if (e.type === 'gesture') console.log(e.phase, e.gesture, e.meaning);
   * });
   */
  events(frames: FrameInput, options?: RecognizerEventOptions): Observable<GestureEvent>;
  /** Releases every model and tensor and completes running `events()` streams. Any later call throws `DisposedError`. */
  dispose(): void;
}

/** Options of `events()`: debounce and presence options, and a recorder to tap the detections into. */
export interface RecognizerEventOptions extends EventOptions, MotionOptions {
  /** Records what `detect()` produces (`createRecorder()`); replay it with `fromRecording()`. Defaults to none. */
  recorder?: GestureRecorder | null;
}

/** What `events()` reads frames from: a `FrameSource`, any Observable of timed frames, or an (async) iterable of them. */
export type FrameInput = FrameSource | Observable<TimedFrame> | InteropObservable<TimedFrame> | Iterable<TimedFrame> | AsyncIterable<TimedFrame>;

/** The parts a recognizer is built from. `createGestureRecognizer()` loads the real ones; tests may pass fakes. */
export interface RecognizerParts {
  backend: BackendInfo;
  options: ResolvedRecognizerOptions;
  detector: HandDetector;
  /** Classifies the hands of each detection. Defaults to a `GestureRegistry` with `options.classifier` that registers samples with `detector`. */
  registry?: GestureRegistry;
  /** How to notice a lost WebGL context and rebuild the models. Defaults to none (fakes in tests). */
  recovery?: ContextLossRecovery;
  /** More warnings, merged into each `events()` run while it runs (worker mode's). Defaults to none. */
  warnings?: Observable<GestureWarningEvent>;
}

/**
 * Starts a TF.js backend, loads the shipped models and returns a recognizer. Options are
 * validated once, here (`InvalidOptionsError`); a model that cannot load throws `ModelLoadError`.
 * With `worker: true` the backend and the models run in a module Web Worker (docs/worker.md), and
 * `backend.reason` ends with "in a Web Worker".
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
  if (resolved.worker) {
    const started = workerUnavailable(resolved) ?? (await startWorkerDetector(resolved));
    if (started instanceof WorkerHandDetector) return assembleRecognizer({ backend: { ...started.backend, reason: `${started.backend.reason}; in a Web Worker` }, options: resolved, detector: started, warnings: started.warnings });
    const warnings = workerFallbackWarning(typeof started === 'string' ? started : started.failed);
    return assembleRecognizer({ ...(await loadOnMainThread(resolved)), warnings });
  }
  return assembleRecognizer(await loadOnMainThread(resolved));
}

/** The backend started and the models loaded on this thread, with context-loss recovery. */
async function loadOnMainThread(resolved: ResolvedRecognizerOptions): Promise<RecognizerParts> {
  const backend = await startTfBackend(resolved.backend, undefined, landmarkProbe(resolved.models));
  const load = () => loadHandDetector(resolved.detector, resolved.models);
  const detector = await load();
  return { backend, options: resolved, detector, recovery: webglContextRecovery(resolved.backend, load) };
}

/**
 * Builds a recognizer from loaded parts. Not exported from the package: `createGestureRecognizer()`
 * is the public way in; tests use this to run the event logic on a fake detector.
 */
export function assembleRecognizer(parts: RecognizerParts): GestureRecognizer {
  const { options } = parts;
  const detector = new RecoveringDetector(parts.backend, parts.detector, parts.recovery);
  // The registry's options were resolved with the rest; only its detect function is added here.
  const registry = parts.registry ?? new GestureRegistry(markResolved('registry', { ...options.classifier, detect: (frame: Frame) => detector.detect(frame, { mode: 'image', mirroredReading: true }) }));
  let disposed = false;
  const disposing = new Subject<void>();
  const alive = () => {
    if (disposed) throw new DisposedError('GestureRecognizer');
  };

  return {
    get backend() {
      return detector.backend;
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
      return registry.classify(await detector.detect(frame, { mode: 'image' }));
    },
    events(frames, eventOptions = {}) {
      alive();
      const events = resolveEventOptions(eventOptions, options.events);
      const motions = resolveMotionOptions(eventOptions, options.motion);
      const source = toFrameSource(frames);
      const { recorder } = eventOptions;
      const stages = recorder ? pipe(detect(detector), record(recorder, options.detector), classify(registry)) : pipe(detect(detector), classify(registry));
      return defer(() => {
        alive();
        // Each run starts cold: hands tracked in an earlier run say nothing about this one.
        detector.reset();
        const fallback = fallbackWarning(detector.backend, options.backend.backend);
        let failed: GestureError | null = null;
        const run = source.pipe(
          pace(stages),
          // A failing source ends the run: held gestures get their end first, then the error.
          catchError((cause: unknown) => {
            failed = sourceFailed(cause);
            return EMPTY;
          }),
        );
        return concat(
          merge(fallback ? of(fallback) : of(), whileRunning(run, parts.warnings ? merge(parts.warnings, detector.warnings) : detector.warnings).pipe(takeUntil(disposing), toEvents(events, motions, registry))),
          defer(() => (failed ? throwError(() => failed) : EMPTY)),
        );
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      disposing.next();
      disposing.complete();
      // A frame still being processed keeps the models until it is done; then everything goes.
      detector.dispose();
    },
  };
}

/** `run`'s values, and `side`'s while `run` runs: it completes (or fails) when `run` does. */
function whileRunning<T, S>(run: Observable<T>, side: Observable<S>): Observable<T | S> {
  return new Observable<T | S>((subscriber) => {
    const fromSide = side.subscribe((value) => subscriber.next(value));
    const fromRun = run.subscribe(subscriber);
    return () => {
      fromSide.unsubscribe();
      fromRun.unsubscribe();
    };
  });
}

/** A source's own error as a `GestureError` (code `source-failed`, the original as `cause`); named errors pass through. */
function sourceFailed(cause: unknown): GestureError {
  if (cause instanceof GestureError) return cause;
  return new GestureError('source-failed', `The frame source failed: ${errorMessage(cause)}`, { message: errorMessage(cause) }, { cause });
}

/** Frames as a source `pace()` understands: a `FrameSource` or Observable as it is, an iterable wrapped in `fromFrames()`. */
function toFrameSource(frames: FrameInput): Observable<TimedFrame> {
  if (typeof frames !== 'object' || frames === null) {
    throw new InvalidOptionsError(`events() needs frames: a FrameSource, an Observable or an (async) iterable of timed frames, received ${frames === null ? 'null' : typeof frames}.`, {
      option: 'frames',
      expected: 'a FrameSource, an Observable, or an (async) iterable of timed frames',
      received: frames === null ? 'null' : typeof frames,
    });
  }
  if (isFrameSource(frames) || isObservable(frames)) return frames;
  if (typeof (frames as unknown as Record<string | symbol, unknown> | null)?.[observableKey] === 'function') return from(frames as InteropObservable<TimedFrame>);
  return fromFrames(frames as Iterable<TimedFrame> | AsyncIterable<TimedFrame>);
}
