import type { BackendInfo, ResolvedBackendOptions } from '../backend/start';
import type { DetectCallOptions, DetectorStats } from '../detect/hand-detector';
import type { ResolvedHandDetectorOptions } from '../detect/options';
import type { GestureWarningEvent } from '../events';
import type { Detection, FrameData } from '../types';

/**
 * The messages between a worker-mode recognizer (main thread) and its module Web Worker
 * (worker-entry.ts). Plain structured-cloneable data only; frames travel as transferred
 * `ImageBitmap`s (or raw pixels whose buffer is transferred).
 */

/** The options the worker starts its backend and models with (URLs already absolute: a worker resolves relative ones against its own script). */
export interface WorkerInit {
  backend: ResolvedBackendOptions;
  detector: ResolvedHandDetectorOptions;
  models: { modelBaseUrl?: string };
}

/** A frame as it crosses to the worker. */
export type WorkerFrame = ImageBitmap | FrameData;

/** An error as it crosses back: enough to rebuild a `GestureError` with the same class name, code and details. */
export interface WorkerError {
  name: string;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** Main thread → worker. */
export type ToWorkerMessage =
  | { type: 'init'; init: WorkerInit }
  | { type: 'detect'; id: number; frame: WorkerFrame; options: DetectCallOptions }
  | { type: 'reset' }
  | { type: 'dispose' };

/** Worker → main thread. */
export type FromWorkerMessage =
  | { type: 'ready'; backend: BackendInfo }
  | { type: 'init-failed'; error: WorkerError }
  | { type: 'detected'; id: number; detection: Detection; stats: DetectorStats }
  | { type: 'detect-failed'; id: number; error: WorkerError }
  | { type: 'warning'; warning: GestureWarningEvent; backend: BackendInfo }
  | { type: 'disposed' };
