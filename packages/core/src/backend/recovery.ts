import { Subject, type Observable } from 'rxjs';
import type { DetectCallOptions, DetectorStats, HandDetector } from '../detect/hand-detector';
import { DisposedError, errorMessage } from '../errors';
import type { GestureWarningEvent } from '../events';
import type { Detection, Frame } from '../types';
import { resetTfBackend, startTfBackend, type BackendInfo, type ResolvedBackendOptions } from './start';
import { isWebGLContextLost, watchWebGLContext } from './webgl-context';

/** What a recognizer needs to survive a lost WebGL context. */
export interface ContextLossRecovery {
  /** Calls `onLost` once when the running backend's WebGL context is lost; returns the function that stops watching. */
  watch(onLost: () => void): () => void;
  /** Whether the context is lost right now (before the event has fired). */
  isLost(): boolean;
  /** Starts a working backend and loads the models again on it (the old models are already released). */
  rebuild(): Promise<{ backend: BackendInfo; detector: HandDetector }>;
}

/**
 * The real recovery: on a lost WebGL context, drop the WebGL backend, start the first backend
 * that works (`options`' chain) and load the models with `load`.
 */
export function webglContextRecovery(options: ResolvedBackendOptions, load: () => Promise<HandDetector>): ContextLossRecovery {
  return {
    watch: watchWebGLContext,
    isLost: isWebGLContextLost,
    async rebuild() {
      resetTfBackend('webgl');
      const backend = await startTfBackend(options, 'rebuilt after the WebGL context was lost');
      return { backend, detector: await load() };
    },
  };
}

/**
 * The recognizer's detector: a `HandDetector` on models that can be lost with their WebGL context
 * and rebuilt underneath, so everything holding it (the detect stage, registration) keeps working.
 * A call waits for a rebuild under way, and runs once more if the context was lost while it ran.
 * `warnings` says when the models were rebuilt (`context-lost`). `dispose()` lets calls in
 * progress finish, then releases the models; later calls reject with `DisposedError`.
 */
export class RecoveringDetector implements HandDetector {
  private current: HandDetector;
  private backend_: BackendInfo;
  private rebuilding: Promise<void> | null = null;
  private unwatch: () => void = () => {};
  private disposed = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly warningSubject = new Subject<GestureWarningEvent>();
  /** A `context-lost` warning each time the models were rebuilt (or could not be). Completes on `dispose()`. */
  readonly warnings: Observable<GestureWarningEvent> = this.warningSubject.asObservable();

  constructor(
    backend: BackendInfo,
    detector: HandDetector,
    private readonly recovery?: ContextLossRecovery,
  ) {
    this.backend_ = backend;
    this.current = detector;
    this.unwatch = recovery?.watch(() => void this.onContextLost()) ?? (() => {});
  }

  /** The backend the models run on now (after a rebuild, the new one). */
  get backend(): BackendInfo {
    return this.backend_;
  }

  get stats(): Readonly<DetectorStats> {
    return this.current.stats;
  }

  detect(frame: Frame, options?: DetectCallOptions): Promise<Detection> {
    if (this.disposed) return Promise.reject(new DisposedError('GestureRecognizer'));
    const work = this.onLiveModels(() => this.current.detect(frame, options));
    this.inFlight.add(work);
    const done = () => void this.inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  reset(): void {
    this.current.reset();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unwatch();
    this.warningSubject.complete();
    // A rebuild under way disposes its new models itself when it ends.
    if (this.rebuilding) return;
    if (this.inFlight.size === 0) this.current.dispose();
    else void Promise.allSettled([...this.inFlight]).then(() => this.current.dispose());
  }

  /** Runs `work` on live models: waits for a rebuild, and runs it again once if the context was lost while it ran. */
  private async onLiveModels<T>(work: () => Promise<T>): Promise<T> {
    const lost = () => this.rebuilding !== null || (this.recovery?.isLost() ?? false);
    for (let attempt = 0; ; attempt++) {
      if (lost()) await this.onContextLost();
      try {
        const result = await work();
        if (attempt === 0 && lost()) continue;
        return result;
      } catch (error) {
        if (attempt === 0 && lost()) continue;
        throw error;
      }
    }
  }

  /** Rebuilds the models once per loss (noticed by the event or by the context itself, whichever comes first). */
  private onContextLost(): Promise<void> {
    const recovery = this.recovery;
    if (this.rebuilding || this.disposed || !recovery) return this.rebuilding ?? Promise.resolve();
    this.unwatch();
    const lostOn = this.backend_.name;
    this.rebuilding = (async () => {
      let message: string;
      // The old models live in the lost context: release what can be released, then start over.
      try {
        this.current.dispose();
      } catch {
        // their textures went with the context
      }
      try {
        const rebuilt = await recovery.rebuild();
        this.backend_ = rebuilt.backend;
        this.current = rebuilt.detector;
        message = `The WebGL context was lost; the models were rebuilt on '${rebuilt.backend.name}'${rebuilt.backend.name === lostOn ? ' (a new context)' : ''}.`;
        if (this.disposed) this.current.dispose();
        else this.unwatch = recovery.watch(() => void this.onContextLost());
      } catch (cause) {
        message = `The WebGL context was lost and the models could not be rebuilt: ${errorMessage(cause)}`;
      }
      this.rebuilding = null;
      if (!this.disposed) this.warningSubject.next({ type: 'warning', code: 'context-lost', message });
    })();
    return this.rebuilding;
  }
}
