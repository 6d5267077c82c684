import { startTfBackend, type BackendInfo } from './backend';
import { createHandDetector } from './detect/create-hand-detector';
import type { HandDetector } from './detect/hand-detector';
import { DisposedError } from './errors';
import { resolveOptions, type RecognizerOptions, type ResolvedRecognizerOptions } from './options';
import type { Detection, Frame } from './types';

/** What one call of `recognize()` returns. */
export type RecognizeResult = Detection;

/** A loaded recognizer: models on a started backend. Create it with `createGestureRecognizer()`. */
export interface GestureRecognizer {
  /** The backend in use and why it was chosen. */
  readonly backend: BackendInfo;
  /** The options in force, defaults filled in. */
  readonly options: Readonly<ResolvedRecognizerOptions>;
  /** The detect stage's detector (counters in `detector.stats`). */
  readonly detector: HandDetector;
  /**
   * Recognises one standalone image: every hand with its 21 landmarks, the faces, and whether
   * anyone is present. Throws `InvalidFrameError` for a bad frame (nothing leaks).
   */
  recognize(frame: Frame): Promise<RecognizeResult>;
  /** Releases every model and tensor. Any later call throws `DisposedError`. */
  dispose(): void;
}

/**
 * Starts a TF.js backend, loads the shipped models and returns a recognizer.
 *
 * @example
 * import { createGestureRecognizer } from '@gesture/core';
 * const recognizer = await createGestureRecognizer({ backend: 'wasm', maxHands: 2 });
 * const { hands } = await recognizer.recognize({ data: rgba, width: 640, height: 480 });
 * recognizer.dispose();
 */
export async function createGestureRecognizer(options: RecognizerOptions = {}): Promise<GestureRecognizer> {
  const resolved = resolveOptions(options);
  const backend = await startTfBackend(resolved);
  const detector = await createHandDetector(resolved);
  let disposed = false;
  const alive = () => {
    if (disposed) throw new DisposedError('GestureRecognizer');
  };
  return {
    backend,
    options: resolved,
    get detector() {
      alive();
      return detector;
    },
    async recognize(frame) {
      alive();
      return detector.detect(frame, { mode: 'image' });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      detector.dispose();
    },
  };
}
