import type { GraphModel } from '@tensorflow/tfjs-converter';
import { InvalidOptionsError } from '../errors';
import { loadModel, type ModelOptions } from '../model-loader';
import { resolveOptions } from '../options';
import type { HandDetector, HandDetectorOptions } from './hand-detector';
import { TfjsHandDetector } from './tfjs-hand-detector';

/** Options of `createHandDetector()`. */
export interface CreateHandDetectorOptions extends HandDetectorOptions, ModelOptions {
  /** Which implementation runs the models. Only `'tfjs'` exists today. Defaults to `'tfjs'`. */
  runtime?: 'tfjs';
}

/**
 * Loads the shipped models and returns a `HandDetector`. A TF.js backend must already be set
 * (`createGestureRecognizer()` does that for you). Throws `ModelLoadError` for a missing or
 * corrupt model file.
 *
 * @example
 * const detector = await createHandDetector({ maxHands: 1 });
 * const { hands } = await detector.detect(frame);
 */
export async function createHandDetector(options: CreateHandDetectorOptions = {}): Promise<HandDetector> {
  const { runtime = 'tfjs', ...rest } = options;
  if (runtime !== 'tfjs') throw new InvalidOptionsError(`Unknown hand-detector runtime '${String(runtime)}'.`, { option: 'runtime', expected: "'tfjs'", received: String(runtime) });
  const resolved = resolveOptions(rest);
  const loaded = await Promise.allSettled([loadModel('handDetector', rest), loadModel('handLandmarks', rest), loadModel('faceDetector', rest)]);
  const failed = loaded.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    // Nothing half-loaded stays in memory.
    for (const r of loaded) if (r.status === 'fulfilled') r.value.dispose();
    throw failed.reason;
  }
  const [handDetector, handLandmarks, faceDetector] = loaded.map((r) => (r as PromiseFulfilledResult<GraphModel>).value) as [GraphModel, GraphModel, GraphModel];
  return new TfjsHandDetector({ handDetector, handLandmarks, faceDetector }, resolved);
}
