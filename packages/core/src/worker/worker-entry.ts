/**
 * The module Web Worker of `createGestureRecognizer({ worker: true })`, built as `dist/worker.js`
 * (the package's browser build). It starts the TF.js backend, loads the models and runs the hand
 * detector here, off the page's main thread; the main thread sends frames (transferred
 * `ImageBitmap`s) and gets `Detection`s back. Messages: protocol.ts.
 */
import { RecoveringDetector, webglContextRecovery } from '../backend/recovery';
import { landmarkProbe } from '../backend/probe';
import { startTfBackend } from '../backend/start';
import { loadHandDetector } from '../detect/create-hand-detector';
import { markResolved } from '../option-checks';
import { toWorkerError } from './errors';
import type { FromWorkerMessage, ToWorkerMessage, WorkerInit } from './protocol';

/** The worker's global scope, typed by what is used of it (the DOM lib has no `WorkerGlobalScope`). */
interface WorkerScope {
  postMessage(message: FromWorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorkerMessage>) => void): void;
  close(): void;
}

const scope = globalThis as unknown as WorkerScope;
let detector: RecoveringDetector | null = null;

async function init(options: WorkerInit): Promise<void> {
  const backendOptions = markResolved('backend', { ...options.backend });
  const detectorOptions = markResolved('detector', { ...options.detector });
  const models = markResolved('models', { ...options.models });
  try {
    // `auto` measures here too, on the worker's own backends (no localStorage in a worker: no cache).
    const backend = await startTfBackend(backendOptions, undefined, landmarkProbe(models));
    const load = () => loadHandDetector(detectorOptions, models);
    detector = new RecoveringDetector(backend, await load(), webglContextRecovery(backendOptions, load));
    const running = detector;
    running.warnings.subscribe((warning) => scope.postMessage({ type: 'warning', warning, backend: running.backend }));
    scope.postMessage({ type: 'ready', backend });
  } catch (error) {
    scope.postMessage({ type: 'init-failed', error: toWorkerError(error) });
  }
}

scope.addEventListener('message', ({ data: message }) => {
  switch (message.type) {
    case 'init':
      void init(message.init);
      return;
    case 'detect': {
      const { id, frame, options } = message;
      if (!detector) return scope.postMessage({ type: 'detect-failed', id, error: toWorkerError(new Error('The worker has no models loaded.')) });
      const running = detector;
      running.detect(frame, options).then(
        (detection) => scope.postMessage({ type: 'detected', id, detection, stats: structuredClone(running.stats) }),
        (error: unknown) => scope.postMessage({ type: 'detect-failed', id, error: toWorkerError(error) }),
      ).finally(() => {
        if ('close' in frame) frame.close();
      });
      return;
    }
    case 'reset':
      detector?.reset();
      return;
    case 'dispose':
      detector?.dispose();
      detector = null;
      scope.postMessage({ type: 'disposed' });
      scope.close();
  }
});
