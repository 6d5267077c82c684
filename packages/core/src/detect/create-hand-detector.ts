import type { GraphModel } from '@tensorflow/tfjs-converter';
import { InvalidOptionsError } from '../errors';
import { loadModel, type ModelOptions } from '../model-loader';
import type { HandDetector } from './hand-detector';
import { resolveHandDetectorOptions, type HandDetectorOptions, type ResolvedHandDetectorOptions } from './options';
import { TfjsHandDetector } from './tfjs-hand-detector';

/** Options of `createHandDetector()`. */
export interface CreateHandDetectorOptions extends HandDetectorOptions, ModelOptions {
  /** Which implementation runs the models. Only `'tfjs'` exists today. Defaults to `'tfjs'`. */
  runtime?: 'tfjs';
}

/**
 * Loads the shipped models and returns a `HandDetector`. A TF.js backend must already be set
 * (`createGestureRecognizer()` does that for you). Throws `InvalidOptionsError` for a bad option
 * and `ModelLoadError` for a missing or corrupt model file.
 *
 * @example
 * const detector = await createHandDetector({ maxHands: 1 });
 * const { hands } = await detector.detect(frame);
 */
export async function createHandDetector(options: CreateHandDetectorOptions = {}): Promise<HandDetector> {
  const { runtime = 'tfjs', modelBaseUrl, modelHandlers, ...detector } = options ?? {};
  if (runtime !== 'tfjs') throw new InvalidOptionsError(`Unknown hand-detector runtime '${String(runtime)}'.`, { option: 'runtime', expected: "'tfjs'", received: String(runtime) });
  return loadHandDetector(resolveHandDetectorOptions(detector), { modelBaseUrl, modelHandlers });
}

/**
 * Loads the models and builds the detector from options `resolveOptions()` already checked (what
 * the recognizer calls; nothing is validated again). Nothing half-loaded stays in memory when a
 * model fails.
 */
export async function loadHandDetector(options: ResolvedHandDetectorOptions, models: ModelOptions): Promise<HandDetector> {
  // The still-hand, still-scene and still-false-palm checks live in a chunk of their own, fetched only when on.
  const still = options.stillHandMs > 0 || options.stillSceneMs > 0 || options.stillFalsePalmMs > 0 ? import('./still') : undefined;
  const loaded = await Promise.allSettled([loadModel('handDetector', models), loadModel('handLandmarks', models), loadModel('faceDetector', models)]);
  const failed = loaded.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    for (const r of loaded) if (r.status === 'fulfilled') r.value.dispose();
    throw failed.reason;
  }
  const [handDetector, handLandmarks, faceDetector] = loaded.map((r) => (r as PromiseFulfilledResult<GraphModel>).value) as [GraphModel, GraphModel, GraphModel];
  return new TfjsHandDetector({ handDetector, handLandmarks, faceDetector }, options, await still);
}
