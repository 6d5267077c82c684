import { resolveBackendOptions, type BackendOptions, type ResolvedBackendOptions } from './backend/start';
import { CLASSIFIER_OPTION_KEYS, resolveGestureRegistryOptions, type ClassifierOptions, type ResolvedGestureRegistryOptions } from './classify/options';
import { resolveHandDetectorOptions, type HandDetectorOptions, type ResolvedHandDetectorOptions } from './detect/options';
import { resolveEventOptions, type EventOptions, type ResolvedEventOptions } from './event-options';
import { resolveModelOptions, type ModelOptions } from './model-loader';
import { resolveMotionOptions, type MotionOptions, type ResolvedMotionOptions } from './motion-options';
import { bool, markResolved, pick, requireObject, validate } from './option-checks';

export { CLASSIFIER_OPTION_KEYS, type ClassifierOptions } from './classify/options';

/** Where the models run in a browser. */
export interface WorkerModeOptions {
  /**
   * Run the TF.js backend, the models and the hand detector in a module Web Worker, so model calls
   * never block the page: frames cross as transferred `ImageBitmap`s, detections come back, and
   * the light stages (classify, debounce, presence, motion) and the gesture registry stay on the
   * main thread, so events, `register()`, `export()` and `import()` behave as without it. Where
   * workers, `OffscreenCanvas` or `createImageBitmap()` are missing (Node, old browsers), or
   * models come as `modelHandlers`, it runs on the main thread and each `events()` run starts with
   * a `worker-unavailable` warning event. Defaults to `false`.
   */
  worker?: boolean;
}

/**
 * Everything `createGestureRecognizer()` accepts: backend, models, hand detector, classifier
 * (built-ins, meanings, scores), events (debounce, presence) and motion (swipes, waves). Each option's own doc says its default.
 *
 * @example
 * await createGestureRecognizer({ backend: 'wasm', maxHands: 1, meanings: { palm: 'hello' }, minHoldMs: 400 });
 */
export interface RecognizerOptions extends WorkerModeOptions, BackendOptions, ModelOptions, HandDetectorOptions, ClassifierOptions, EventOptions, Omit<MotionOptions, 'meanings'> {}

/**
 * The recognizer's options, filled in and validated once by `resolveOptions()`, in one section per
 * part of the pipeline. Each section goes to its part as it is; nothing downstream validates again.
 */
export interface ResolvedRecognizerOptions {
  /** Which TF.js backend to start (`startTfBackend()`). */
  readonly backend: ResolvedBackendOptions;
  /** Where the models are loaded from. */
  readonly models: Readonly<ModelOptions>;
  /** The hand detector's options (the detect stage). */
  readonly detector: ResolvedHandDetectorOptions;
  /** The registry's options (the classify stage). */
  readonly classifier: Readonly<Omit<ResolvedGestureRegistryOptions, 'detect'>>;
  /** The debounce and presence stages' options (what `events()` uses unless given others). */
  readonly events: ResolvedEventOptions;
  /** The motion stage's options (swipes and waves; their meanings come from `meanings`). */
  readonly motion: ResolvedMotionOptions;
  /** Run the models in a Web Worker (`WorkerModeOptions.worker`). */
  readonly worker: boolean;
}

/**
 * Copies `options`, fills in every default and validates each field, once, into one section per
 * part of the pipeline. Throws `InvalidOptionsError` naming the first bad option. Fields it does not
 * know are ignored.
 *
 * @example
 * const { detector, events } = resolveOptions({ maxHands: 1, minHoldMs: 400 });
 * detector.minPresence; // 0.7
 * events.releaseMs;     // 200
 */
export function resolveOptions(options: RecognizerOptions = {}): ResolvedRecognizerOptions {
  requireObject(options);
  const worker = { worker: options.worker ?? false };
  validate(worker, { worker: [bool, 'a boolean'] });
  const { detect: _detect, ...classifier } = resolveGestureRegistryOptions(pick(options, CLASSIFIER_OPTION_KEYS) as ClassifierOptions);
  return Object.freeze({
    backend: resolveBackendOptions(options),
    models: resolveModelOptions(options),
    detector: resolveHandDetectorOptions(options),
    classifier: markResolved('classifier', classifier),
    events: resolveEventOptions(options),
    motion: resolveMotionOptions(options),
    worker: worker.worker,
  });
}
