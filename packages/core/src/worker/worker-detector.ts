import { Subject, type Observable } from 'rxjs';
import type { BackendInfo } from '../backend/start';
import type { DetectCallOptions, DetectorStats, HandDetector } from '../detect/hand-detector';
import { DisposedError } from '../errors';
import type { GestureWarningEvent } from '../events';
import type { Detection, Frame } from '../types';
import { fromWorkerError } from './errors';
import { toWorkerFrame } from './frames';
import type { FromWorkerMessage, ToWorkerMessage, WorkerInit } from './protocol';

const emptyStats = (): DetectorStats => ({ frames: 0, detectorRuns: 0, landmarkRuns: 0, faceRuns: 0, lastTimings: { detectorMs: 0, landmarksMs: 0, facesMs: 0, totalMs: 0 } });

/** The few `Worker` members used, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: ToWorkerMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorkerMessage>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/**
 * A `HandDetector` whose models run in a Web Worker: `detect()` sends the frame over (as a
 * transferred `ImageBitmap`) and resolves with the worker's `Detection`; `stats` mirror the
 * worker's detector after each frame. `dispose()` terminates the worker.
 */
export class WorkerHandDetector implements HandDetector {
  private stats_: DetectorStats = emptyStats();
  private nextId = 1;
  private disposed = false;
  private readonly pending = new Map<number, { resolve(detection: Detection): void; reject(error: unknown): void }>();
  private readonly warningSubject = new Subject<GestureWarningEvent>();
  /** Warnings the worker's detector raised (`context-lost`). */
  readonly warnings: Observable<GestureWarningEvent> = this.warningSubject.asObservable();
  /** The backend the worker runs on (after a rebuild there, the new one). */
  backend: BackendInfo;

  private constructor(private readonly worker: WorkerLike, backend: BackendInfo) {
    this.backend = backend;
    worker.addEventListener('message', ({ data }) => this.onMessage(data));
    worker.addEventListener('error', (event) => this.failAll(new Error(`The gesture worker failed: ${event.message}`)));
  }

  /**
   * Sends `init` to `worker` and resolves once it has started its backend and loaded the models.
   * Rejects with the worker's error (rebuilt as the same named class), or a plain `Error` when the
   * worker script itself failed (not found, a syntax error): the caller may fall back then.
   */
  static start(worker: WorkerLike, init: WorkerInit): Promise<WorkerHandDetector> {
    return new Promise((resolve, reject) => {
      let settled = false;
      worker.addEventListener('message', ({ data }) => {
        if (settled) return;
        if (data.type === 'ready') (settled = true), resolve(new WorkerHandDetector(worker, data.backend));
        else if (data.type === 'init-failed') (settled = true), reject(fromWorkerError(data.error));
      });
      worker.addEventListener('error', (event) => {
        if (settled) return;
        settled = true;
        reject(new Error(event.message || 'the worker script could not be loaded'));
      });
      worker.postMessage({ type: 'init', init });
    });
  }

  get stats(): Readonly<DetectorStats> {
    return this.stats_;
  }

  async detect(frame: Frame, options: DetectCallOptions = {}): Promise<Detection> {
    if (this.disposed) throw new DisposedError('GestureRecognizer');
    const crossing = await toWorkerFrame(frame);
    if (this.disposed) {
      if ('close' in crossing.frame) crossing.frame.close();
      throw new DisposedError('GestureRecognizer');
    }
    const id = this.nextId++;
    return new Promise<Detection>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'detect', id, frame: crossing.frame, options: { ...options } }, crossing.transfer);
    });
  }

  reset(): void {
    if (!this.disposed) this.worker.postMessage({ type: 'reset' });
  }

  /** Terminates the worker (its models and tensors go with it); calls in flight reject with `DisposedError`. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.worker.postMessage({ type: 'dispose' });
    this.worker.terminate();
    this.failAll(new DisposedError('GestureRecognizer'));
    this.warningSubject.complete();
  }

  private onMessage(message: FromWorkerMessage): void {
    if (message.type === 'warning') {
      this.backend = message.backend;
      this.warningSubject.next(message.warning);
      return;
    }
    if (message.type !== 'detected' && message.type !== 'detect-failed') return;
    const call = this.pending.get(message.id);
    if (!call) return;
    this.pending.delete(message.id);
    if (message.type === 'detected') {
      this.stats_ = message.stats;
      call.resolve(message.detection);
    } else call.reject(fromWorkerError(message.error));
  }

  private failAll(error: unknown): void {
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }
}
