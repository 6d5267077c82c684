import { BackendError, DisposedError, GestureError, GesturePackError, InvalidFrameError, InvalidOptionsError, ModelLoadError, RecordingError } from '../errors';
import type { WorkerError } from './protocol';

const CLASSES: Record<string, { prototype: GestureError }> = { BackendError, DisposedError, GestureError, GesturePackError, InvalidFrameError, InvalidOptionsError, ModelLoadError, RecordingError };

/** Any thrown value as a `WorkerError`, to post to the main thread. */
export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof GestureError) return { name: error.name, code: error.code, message: error.message, details: { ...error.details } };
  const message = error instanceof Error ? error.message : String(error);
  return { name: 'GestureError', code: 'worker', message, details: {} };
}

/**
 * The error the worker posted, rebuilt on the main thread as the same named class (so
 * `instanceof InvalidFrameError` and `error.code` work as in main-thread mode).
 */
export function fromWorkerError(error: WorkerError): GestureError {
  const rebuilt = new GestureError(error.code, error.message, error.details);
  Object.setPrototypeOf(rebuilt, (CLASSES[error.name] ?? GestureError).prototype);
  rebuilt.name = error.name;
  return rebuilt;
}
