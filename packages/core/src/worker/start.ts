import { defer, of, type Observable } from 'rxjs';
import type { GestureWarningEvent } from '../events';
import { defaultModelBaseUrl } from '../model-loader';
import type { ResolvedRecognizerOptions } from '../options';
import type { WorkerInit } from './protocol';
import { WorkerHandDetector, type WorkerLike } from './worker-detector';

/**
 * Why worker mode cannot run here (`null` when it can): no `Worker`, no `OffscreenCanvas` (TF.js
 * reads pixels and runs WebGL on one inside a worker), no `createImageBitmap()`, or models given
 * as `modelHandlers` (functions cannot cross to a worker).
 */
export function workerUnavailable(options: ResolvedRecognizerOptions): string | null {
  if (typeof Worker === 'undefined') return 'Web Workers are not available here';
  if (typeof OffscreenCanvas === 'undefined') return 'OffscreenCanvas is not available here';
  if (typeof createImageBitmap !== 'function') return 'createImageBitmap() is not available here';
  if (options.models.modelHandlers && Object.keys(options.models.modelHandlers).length > 0) return 'modelHandlers (IOHandlers) cannot be sent to a worker; serve the models and use modelBaseUrl';
  return null;
}

/**
 * The module Web Worker, written so that bundlers (Vite, webpack 5, Next.js, Parcel, esbuild
 * with a plugin) see `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })`
 * in `dist/` and bundle `dist/worker.js` with it.
 */
function spawnWorker(): WorkerLike {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'gesture' }) as unknown as WorkerLike;
}

/** What the worker needs of the options, with every URL made absolute against the page (a worker would resolve a relative one against its own script). */
function workerInit(options: ResolvedRecognizerOptions): WorkerInit {
  const page = typeof document !== 'undefined' ? document.baseURI : typeof location !== 'undefined' ? location.href : undefined;
  const absolute = (url: string | URL) => new URL(String(url), page).href;
  const { wasmPath, ...backend } = options.backend;
  return {
    backend: { ...backend, ...(wasmPath === undefined ? {} : { wasmPath: absolute(wasmPath) }) },
    detector: { ...options.detector },
    models: { modelBaseUrl: absolute(options.models.modelBaseUrl ?? defaultModelBaseUrl()) },
  };
}

/**
 * Starts the worker and its models. Resolves with the detector that talks to it, or with `null`
 * and the reason when the worker script could not run (the caller falls back to the main
 * thread). A model or backend that fails in the worker rejects, as it would on the main thread.
 */
export async function startWorkerDetector(options: ResolvedRecognizerOptions, spawn: () => WorkerLike = spawnWorker): Promise<WorkerHandDetector | { failed: string }> {
  let worker: WorkerLike;
  try {
    worker = spawn();
  } catch (error) {
    return { failed: `the worker could not be created (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    return await WorkerHandDetector.start(worker, workerInit(options));
  } catch (error) {
    worker.terminate();
    if (error instanceof Error && !('code' in error)) return { failed: `the worker failed to start (${error.message})` };
    throw error;
  }
}

/** The `worker-unavailable` warning each `events()` run starts with, after a fallback to the main thread. */
export function workerFallbackWarning(reason: string): Observable<GestureWarningEvent> {
  const warning: GestureWarningEvent = { type: 'warning', code: 'worker-unavailable', message: `worker: true was asked for, but ${reason}: the models run on the main thread.` };
  return defer(() => of(warning));
}
