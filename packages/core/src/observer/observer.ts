import { observable as rxjsObservableKey, Subject, type Observable, type Observer, type Subscribable, type Subscription } from 'rxjs';
import type { RegisterOptions, RegistrationReport, RegistrationSample } from '../classify/registry';
import type { MotionSample } from '../motion/track';
import { DisposedError, GestureError, InvalidOptionsError, toError } from '../errors';
import type { GestureEvent } from '../events';
import type { GestureRecognizer } from '../recognizer';
import { CameraLease } from './camera';
import type { GestureObserverOptions } from './observer-options';
import { loadRecognizer, observeEvents, type ObservedRecognizer } from './load';
import { planOptionChange, setRegistryOptions } from './option-equality';
import { IDLE_SNAPSHOT, patchSnapshot, reduceSnapshot, UNWATCHED, type GestureSnapshot } from './snapshot';
import { toFrames, type ObservedFrames } from './source';

/** Called whenever the snapshot changes. */
export type GestureListener = (snapshot: GestureSnapshot) => void;

/** `Symbol.observable` where the runtime (or a polyfill loaded first) defines it, else `'@@observable'`. */
const symbolObservable: string | symbol = /* @__PURE__ */ (() => (Symbol as { observable?: symbol }).observable ?? '@@observable')();

/**
 * The one stateful object behind every adapter: it loads a recognizer, runs `events()` on a
 * source, and folds the events into a snapshot (`reduceSnapshot`). Work starts with the first
 * subscriber and stops with the last (the models stay loaded until `destroy()`, so a remount,
 * e.g. React StrictMode's, costs nothing). Interoperates with RxJS: `from(observer)` emits the
 * current snapshot, then every change.
 *
 * @example
 * import { GestureObserver } from '@gesture/core';
 * const observer = new GestureObserver({ source: video, minHoldMs: 300 });
 * const unsubscribe = observer.subscribe((s) => (icon.textContent = s.meaning ?? ''));
 * // React: useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getServerSnapshot)
 * unsubscribe();
 * observer.destroy();
 */
export class GestureObserver {
  private options: GestureObserverOptions;
  private snapshot: GestureSnapshot = IDLE_SNAPSHOT;
  private readonly listeners = new Set<GestureListener>();
  private recognizer_: ObservedRecognizer | null = null;
  private loading: Promise<void> | null = null;
  private ownsRecognizer = false;
  private run: Subscription | null = null;
  private currentSource: ObservedFrames | null = null;
  private destroyed = false;
  /** Bumped whenever the recognizer changes, so a load (or a camera failure) that finishes late is ignored. */
  private generation = 0;
  private releaseTimer: ReturnType<typeof setTimeout> | null = null;
  /** The camera the observer opened (`camera` option); its `error` stays the snapshot's error until the camera changes. */
  private readonly camera = new CameraLease({
    failed: (error) => this.set({ status: 'error', error }),
    epoch: () => this.generation,
  });
  private readonly eventSubject = new Subject<GestureEvent>();
  /** Every event as it happens (gesture, presence, warning, frame error): hot, completes on `destroy()`. */
  readonly events: Observable<GestureEvent> = this.eventSubject.asObservable();

  constructor(options: GestureObserverOptions = {}) {
    this.options = { ...options };
    this.subscribe = this.subscribe.bind(this);
    this.getSnapshot = this.getSnapshot.bind(this);
    this.getServerSnapshot = this.getServerSnapshot.bind(this);
    this.register = this.register.bind(this);
    // RxJS interop: `from(observer)` (via RxJS's `observable` key, or `Symbol.observable` where the
    // runtime defines it) emits the current snapshot, then each change. Own properties, not class
    // members with computed keys: bundlers cannot prove an imported key's conversion free of side
    // effects, so such a member keeps the whole class (and the core) in every bundle.
    for (const key of [rxjsObservableKey, symbolObservable]) Object.defineProperty(this, key, { value: () => this.interop(), configurable: true, writable: true });
  }

  /**
   * Calls `listener` after every snapshot change; returns the function that unsubscribes. The
   * first subscriber starts loading and processing; the last one to leave stops processing.
   */
  subscribe(listener: GestureListener): () => void {
    this.alive();
    this.listeners.add(listener);
    if (this.releaseTimer !== null) clearTimeout(this.releaseTimer);
    this.releaseTimer = null;
    if (this.listeners.size === 1) this.start();
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      this.listeners.delete(listener);
      if (this.listeners.size > 0 || this.destroyed) return;
      this.stop();
      const { releaseAfterMs } = this.options;
      if (releaseAfterMs === undefined) return;
      this.releaseTimer = setTimeout(() => {
        this.releaseTimer = null;
        if (this.listeners.size > 0 || this.destroyed) return;
        this.releaseRecognizer();
        this.camera.close();
      }, releaseAfterMs);
    };
  }

  /** The loaded recognizer (e.g. for `recognizer.gestures.export()` or `detector.stats`), or `null` before it is ready and while replaying a recording (no models). */
  get recognizer(): GestureRecognizer | null {
    return this.recognizer_ && 'detector' in this.recognizer_ ? this.recognizer_ : null;
  }

  /**
   * Learns a custom gesture from sample frames, or a motion gesture from recorded movements, with
   * the loaded recognizer (`recognizer.gestures.register()`); it counts at once in the running events. Throws a
   * `GestureError` with code `not-ready` before the models are loaded.
   *
   * @example
   * const report = await observer.register('three', [canvas1, canvas2, canvas3], { meaning: 'three' });
   * if (report.confusable) console.warn(`looks like ${report.nearest?.gesture}`);
   */
  register(name: string, samples: readonly RegistrationSample[] | readonly MotionSample[], options?: RegisterOptions): Promise<RegistrationReport> {
    this.alive();
    if (!this.recognizer_) return Promise.reject(new GestureError('not-ready', `Cannot register "${name}" yet: the models are not loaded (status is '${this.snapshot.status}', expected 'ready').`, { status: this.snapshot.status }));
    return this.recognizer_.gestures.register(name, samples, options);
  }

  /** The current state. The same object until something changes. Safe to call at any time, even after `destroy()`. */
  getSnapshot(): GestureSnapshot {
    return this.snapshot;
  }

  /** The snapshot for server rendering: always the idle one. */
  getServerSnapshot(): GestureSnapshot {
    return IDLE_SNAPSHOT;
  }

  /** The source frames are read from (e.g. to watch `dropped$`), or `null` when there is none. */
  get source(): ObservedFrames | null {
    return this.currentSource;
  }

  /**
   * Merges partial options into the current ones. Only what changed is redone: a new source or
   * new debounce/presence options restart processing; registry options (`meanings`, `minScore`, …)
   * apply to the loaded registry; other recognizer options reload the models (of a recognizer the
   * observer created). Equal values do nothing: plain data (arrays, plain objects, `URL`s) compares
   * by content, so an inline `{ width: 640 }` re-created on every render is not a change.
   */
  setOptions(options: Partial<GestureObserverOptions>): void {
    this.alive();
    const plan = planOptionChange(this.options, options, this.ownsRecognizer);
    if (plan.changed.length === 0) return;
    this.options = { ...this.options, ...options };
    if (plan.camera) this.syncCamera();
    // Registry options apply to a loaded registry as they are; a load under way is redone.
    let { work } = plan;
    if (plan.classifier && this.recognizer_ && !this.applyClassifierOptions(this.recognizer_)) return;
    if (plan.classifier && !this.recognizer_ && this.loading) work = 'reload';
    if (work === 'none') return;
    this.stop();
    if (work === 'reload') this.releaseRecognizer();
    if (this.listeners.size > 0) this.start();
  }

  /** Stops processing, disposes a recognizer the observer created, and drops every listener. Later calls (except `getSnapshot`) throw `DisposedError`. */
  destroy(): void {
    if (this.destroyed) return;
    if (this.releaseTimer !== null) clearTimeout(this.releaseTimer);
    this.stop();
    this.releaseRecognizer();
    this.camera.close();
    this.listeners.clear();
    this.eventSubject.complete();
    this.destroyed = true;
  }

  /** RxJS interop under the string key that libraries fall back to without `Symbol.observable`; the constructor adds RxJS's `observable` key and `Symbol.observable`. */
  '@@observable'(): Subscribable<GestureSnapshot> {
    return this.interop();
  }

  private interop(): Subscribable<GestureSnapshot> {
    const interop: Subscribable<GestureSnapshot> & { [key: string | symbol]: unknown } = {
      subscribe: (observer: Partial<Observer<GestureSnapshot>>) => {
        const next = (snapshot: GestureSnapshot) => observer.next?.(snapshot);
        next(this.snapshot);
        return { unsubscribe: this.subscribe(next) };
      },
    };
    interop[rxjsObservableKey] = () => interop;
    return interop;
  }

  private alive(): void {
    if (this.destroyed) throw new DisposedError('GestureObserver');
  }

  private start(): void {
    this.syncCamera();
    if (this.recognizer_) return this.startEvents();
    if (this.loading) return;
    const generation = this.generation;
    const given = this.options.recognizer;
    this.ownsRecognizer = given === undefined;
    this.set({ status: 'loading', error: null });
    const load = given ?? loadRecognizer(this.options);
    this.loading = Promise.resolve(load).then(
      (recognizer) => {
        if (generation !== this.generation || this.destroyed) {
          if (given === undefined) recognizer.dispose();
          return;
        }
        this.loading = null;
        this.recognizer_ = recognizer;
        this.set({ status: this.camera.error ? 'error' : 'ready', backend: recognizer.backend });
        if (this.listeners.size > 0) this.startEvents();
      },
      (error: unknown) => {
        if (generation !== this.generation || this.destroyed) return;
        this.loading = null;
        this.set({ status: 'error', error: toError(error) });
      },
    );
  }

  private startEvents(): void {
    const { source, enabled = true } = this.options;
    if (!this.recognizer_ || this.run) return;
    // A source that failed before is forgotten once processing restarts.
    const cameraError = this.camera.error;
    this.set(cameraError ? { status: 'error', error: cameraError } : { status: 'ready', error: null });
    if (!source || !enabled) return;
    this.currentSource = toFrames(source);
    if (!this.currentSource) return;
    try {
      // events() picks the debounce/presence options out of these and fills in the rest.
      this.run = observeEvents(this.recognizer_, this.currentSource, this.options).subscribe({
        next: (event) => this.apply(event),
        error: (error: unknown) => {
          this.run = null;
          this.set({ status: 'error', error: toError(error), hands: IDLE_SNAPSHOT.hands, gesture: null, meaning: null });
        },
        complete: () => {
          this.run = null;
        },
      });
    } catch (error) {
      this.set({ status: 'error', error: toError(error) });
    }
  }

  private stop(): void {
    this.run?.unsubscribe();
    this.run = null;
    // Held gestures and presence are unknown once frames stop being watched.
    this.set(UNWATCHED);
  }

  private releaseRecognizer(): void {
    this.generation += 1;
    if (this.ownsRecognizer) this.recognizer_?.dispose();
    this.recognizer_ = null;
    this.loading = null;
    this.currentSource = null;
    this.set({ status: 'idle', backend: null, error: null });
  }

  /** Lets the camera lease follow the `camera` and `source` options (it opens only while someone is subscribed). */
  private syncCamera(): void {
    const { camera = false, source } = this.options;
    this.camera.sync(camera, source, this.listeners.size > 0);
  }

  private apply(event: GestureEvent): void {
    this.eventSubject.next(event);
    this.publish(reduceSnapshot(this.snapshot, event, this.recognizer_?.backend));
  }

  /** Sets the registry options on the loaded registry; false (and status `error`) when they are refused. */
  private applyClassifierOptions(recognizer: ObservedRecognizer): boolean {
    const error = setRegistryOptions(recognizer.gestures, this.options);
    this.set(error ? { status: 'error', error } : this.snapshot.error instanceof InvalidOptionsError ? { status: 'ready', error: null } : {});
    return !error;
  }

  /** Replaces the snapshot only when a field really changes, then tells every listener. */
  private set(patch: Partial<GestureSnapshot>): void {
    this.publish(patchSnapshot(this.snapshot, patch));
  }

  private publish(snapshot: GestureSnapshot): void {
    if (snapshot === this.snapshot) return;
    this.snapshot = snapshot;
    for (const listener of [...this.listeners]) listener(this.snapshot);
  }
}

/** `from(observer)` and any library that reads `Symbol.observable` see a stream of snapshots. */
export interface GestureObserver {
  [Symbol.observable](): Subscribable<GestureSnapshot>;
}
