import * as tf from '@tensorflow/tfjs-core';
import { loadModel, type ModelOptions } from '../model-loader';
import type { BackendProbe } from './measure';

/** Warm-up calls before timing (the first calls compile shaders or allocate). */
const WARMUP_CALLS = 2;
/** Timed calls; the median is the backend's time. */
const TIMED_CALLS = 3;

/**
 * A probe for `auto`: loads the hand-landmark model on the running backend, runs it on a blank
 * 224×224 crop `WARMUP_CALLS` times, then returns the median of `TIMED_CALLS` timed calls (each
 * one includes reading the outputs back, as the pipeline does). Everything it loads is released.
 *
 * @example
 * const info = await startTfBackend({ backend: 'auto' }, undefined, landmarkProbe({}));
 */
export function landmarkProbe(models: ModelOptions): BackendProbe {
  return async () => {
    const model = await loadModel('handLandmarks', models);
    const input = tf.zeros([1, 224, 224, 3]);
    try {
      const call = async () => {
        const outputs = model.execute(input, ['Identity', 'Identity_1', 'Identity_2']) as tf.Tensor[];
        try {
          await Promise.all(outputs.map((t) => t.data()));
        } finally {
          tf.dispose(outputs);
        }
      };
      for (let i = 0; i < WARMUP_CALLS; i++) await call();
      const times: number[] = [];
      for (let i = 0; i < TIMED_CALLS; i++) {
        const started = performance.now();
        await call();
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    } finally {
      input.dispose();
      model.dispose();
    }
  };
}
