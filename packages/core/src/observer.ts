import { isObservable, observable as observableKey, Subject, type Observable, type Observer, type Subscribable, type Subscription } from 'rxjs';
import type { BackendInfo } from './backend/start';
import type { RegisterOptions, RegistrationReport, RegistrationSample } from './classify/registry';
import { DisposedError, GestureError, toError } from './errors';
import type { GestureEvent, GesturePhaseEvent } from './events';
import { EVENT_OPTION_KEYS, type EventOptions } from './event-options';
import type { RecognizerOptions } from './options';
import { createGestureRecognizer, type GestureRecognizer } from './recognizer';
import { isFrameSource, type FrameSource } from './sources/frame-source';
import { fromVideoElement, type VideoFrameProvider } from './sources/from-video-element';
import type { TimedFrame } from './types';

/** Where the observer is: `idle` (no subscriber yet), `loading` models, `ready`, or `error` (see `error`). */
export type GestureStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Whether someone is in view: `unknown` until the first settled state, then `present` or `away`. */
export type PresenceState = 'unknown' | 'present' | 'away';

/** A gesture being held right now (started, not yet ended): its `start` event's fields, and since when. */
export interface HeldGesture extends Pick<GesturePhaseEvent, 'id' | 'gesture' | 'meaning' | 'handId' | 'handedness' | 'score'> {
  /** Timestamp (ms) of its `start` event. */
  since: number;
}

/**
 * Everything an app shows, as one immutable object. A new object is made only when something in
 * it changes, so it can be compared by identity (`useSyncExternalStore`, `shallowRef`).
 */
export interface GestureSnapshot {
  readonly status: GestureStatus;
  /** The most recently started gesture still held (on any hand), or `null`. */
  readonly gesture: string | null;
  /** Its meaning, or `null`. */
  readonly meaning: string | null;
  /** Every gesture held right now, one per hand at most, oldest first. */
  readonly hands: readonly HeldGesture[];
  readonly presence: PresenceState;
  /** The last event of any type (gesture, presence, warning, per-frame error), or `null`. */
  readonly lastEvent: GestureEvent | null;
  /** The backend in use once loaded, or `null`. */
  readonly backend: BackendInfo | null;
  /** Why `status` is `error` (models failed to load, the frame source failed), else `null`. Per-frame errors are `lastEvent`s. */
  readonly error: Error | null;
}

/** A frame source the observer accepts: a `<video>` element (wrapped in `fromVideoElement()`), a `FrameSource`, or any Observable of timed frames. */
export type GestureObserverSource = FrameSource | HTMLVideoElement | VideoFrameProvider | Observable<TimedFrame>;

/** Options of a `GestureObserver`: the recognizer's options plus where frames come from. */
export interface GestureObserverOptions extends RecognizerOptions {
  /** Frames to recognise. Without one, the observer loads the models and waits. Defaults to `null`. */
  source?: GestureObserverSource | null;
  /**
   * A recognizer to use instead of creating one (it is shared: `destroy()` leaves it alone, and
   * the other recognizer options are ignored). Defaults to `undefined` (the observer creates one
   * from its options and disposes it on `destroy()`).
   */
  recognizer?: GestureRecognizer | Promise<GestureRecognizer>;
  /** Process frames while subscribed. `false` pauses without unloading the models. Defaults to `true`. */
  enabled?: boolean;
  /**
   * Open the camera into the `source` `<video>` element (`getUserMedia({ video: camera })`) once
   * there is a subscriber, and stop its tracks when the observer releases (`releaseAfterMs`,
   * `destroy()`, `camera: false`). Only tracks the observer opened are ever stopped; a video whose
   * `srcObject` the app set itself is left alone. `true` or video `MediaTrackConstraints`.
   * Defaults to `false` (the app feeds the video element itself).
   */
  camera?: boolean | MediaTrackConstraints;
  /**
   * Once the last subscriber leaves, wait this long (ms) for a new one, then release the models
   * (of a recognizer the observer created) and a camera it opened; a later subscriber loads them
   * again. Framework adapters pass `0`: a remount in the same task (React StrictMode) keeps
   * everything, an unmount frees it. Defaults to `undefined` (kept until `destroy()`).
   */
  releaseAfterMs?: number;
}

/** Called whenever the snapshot changes. */
export type GestureListener = (snapshot: GestureSnapshot) => void;

const OWN_KEYS: readonly string[] = ['source', 'recognizer', 'enabled', 'camera', 'releaseAfterMs', ...EVENT_OPTION_KEYS];

/**
 * Whether two option values are the same for `setOptions()`: plain data (arrays, plain objects,
 * `URL`s) compares by content, so an equal literal written inline on every render is not a change;
 * everything else (functions, elements, streams, recognizers) by identity.
 */
function sameOption(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof URL && b instanceof URL) return a.href === b.href;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameOption(v, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameOption(a[k], b[k]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const IDLE: GestureSnapshot = Object.freeze({
  status: 'idle',
  gesture: null,
  meaning: null,
  hands: Object.freeze([]) as readonly HeldGesture[],
  presence: 'unknown',
  lastEvent: null,
  backend: null,
  error: null,
});

function isVideoLike(value: unknown): value is VideoFrameProvider {
  return typeof value === 'object' && value !== null && 'readyState' in value && 'currentTime' in value;
}

/**
 * The one stateful object behind every adapter: it loads a recognizer, runs `events()` on a
 * source, and folds the events into a snapshot. Work starts with the first subscriber and stops
 * with the last (the models stay loaded until `destroy()`, so a remount, e.g. React StrictMode's,
 * costs nothing). Interoperates with RxJS: `from(observer)` emits the current snapshot, then
 * every change.
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
  private snapshot: GestureSnapshot = IDLE;
  private readonly listeners = new Set<GestureListener>();
  private recognizer_: GestureRecognizer | null = null;
  private loading: Promise<void> | null = null;
  private ownsRecognizer = false;
  private run: Subscription | null = null;
  private currentSource: FrameSource | Observable<TimedFrame> | null = null;
  private destroyed = false;
  /** Bumped whenever the recognizer changes, so a load that finishes late is ignored. */
  private generation = 0;
  private releaseTimer: ReturnType<typeof setTimeout> | null = null;
  /** The camera stream the observer opened (`camera` option), and the element it plays in. */
  private camera: { stream: MediaStream | null; video: HTMLVideoElement | null; key: string } | null = null;
  /** Why the camera could not be opened; kept as the snapshot's error until the camera changes. */
  private cameraError: Error | null = null;
  private readonly eventSubject = new Subject<GestureEvent>();
  /**
   * Every event as it happens (gesture, presence, warning, per-frame error), for apps that need
   * more than the latest state. Hot: only events after subscribing. Completes on `destroy()`.
   */
  readonly events: Observable<GestureEvent> = this.eventSubject.asObservable();

  constructor(options: GestureObserverOptions = {}) {
    this.options = { ...options };
    this.subscribe = this.subscribe.bind(this);
    this.getSnapshot = this.getSnapshot.bind(this);
    this.getServerSnapshot = this.getServerSnapshot.bind(this);
    this.register = this.register.bind(this);
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
        this.closeCamera();
      }, releaseAfterMs);
    };
  }

  /** The loaded recognizer (e.g. for `recognizer.gestures.export()` or `detector.stats`), or `null` before it is ready. */
  get recognizer(): GestureRecognizer | null {
    return this.recognizer_;
  }

  /**
   * Learns a custom gesture from sample frames with the loaded recognizer
   * (`recognizer.gestures.register()`); it counts at once in the running events. Throws a
   * `GestureError` with code `not-ready` before the models are loaded.
   *
   * @example
   * const report = await observer.register('three', [canvas1, canvas2, canvas3], { meaning: 'three' });
   * if (report.confusable) console.warn(`looks like ${report.nearest?.gesture}`);
   */
  register(name: string, samples: readonly RegistrationSample[], options?: RegisterOptions): Promise<RegistrationReport> {
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
    return IDLE;
  }

  /** The source frames are read from (e.g. to watch `dropped$`), or `null` when there is none. */
  get source(): FrameSource | Observable<TimedFrame> | null {
    return this.currentSource;
  }

  /**
   * Merges partial options into the current ones. Only what changed is redone: a new source or
   * new debounce/presence options restart processing; other recognizer options reload the models
   * (of a recognizer the observer created). Passing equal values does nothing: plain data (arrays,
   * plain objects, `URL`s) compares by content, so an inline `{ width: 640 }` or `new URL(…)`
   * re-created on every render is not a change; functions and instances compare by identity.
   */
  setOptions(options: Partial<GestureObserverOptions>): void {
    this.alive();
    const changed = Object.keys(options).filter((key) => !sameOption((options as Record<string, unknown>)[key], (this.options as Record<string, unknown>)[key]));
    if (changed.length === 0) return;
    this.options = { ...this.options, ...options };
    if (changed.includes('camera') || changed.includes('source')) this.syncCamera();
    const reload = changed.includes('recognizer') || (this.ownsRecognizer && changed.some((key) => !OWN_KEYS.includes(key)));
    if (reload) {
      this.stop();
      this.releaseRecognizer();
      if (this.listeners.size > 0) this.start();
    } else if (changed.some((key) => key === 'source' || key === 'enabled' || EVENT_OPTION_KEYS.includes(key as keyof EventOptions))) {
      this.stop();
      if (this.listeners.size > 0) this.start();
    }
  }

  /** Stops processing, disposes a recognizer the observer created, and drops every listener. Later calls (except `getSnapshot`) throw `DisposedError`. */
  destroy(): void {
    if (this.destroyed) return;
    if (this.releaseTimer !== null) clearTimeout(this.releaseTimer);
    this.stop();
    this.releaseRecognizer();
    this.closeCamera();
    this.listeners.clear();
    this.eventSubject.complete();
    this.destroyed = true;
  }

  /** RxJS interop (`Symbol.observable`): emits the current snapshot, then each change. */
  private interop(): Subscribable<GestureSnapshot> & { [key: string | symbol]: unknown } {
    const interop: Subscribable<GestureSnapshot> & { [key: string | symbol]: unknown } = {
      subscribe: (observer: Partial<Observer<GestureSnapshot>>) => {
        const next = (snapshot: GestureSnapshot) => observer.next?.(snapshot);
        next(this.snapshot);
        return { unsubscribe: this.subscribe(next) };
      },
    };
    interop[observableKey] = () => interop;
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
    const { source: _source, recognizer: _recognizer, enabled: _enabled, camera: _camera, releaseAfterMs: _releaseAfterMs, ...recognizerOptions } = this.options;
    const load = given ?? createGestureRecognizer(recognizerOptions);
    this.loading = Promise.resolve(load).then(
      (recognizer) => {
        if (generation !== this.generation || this.destroyed) {
          if (given === undefined) recognizer.dispose();
          return;
        }
        this.loading = null;
        this.recognizer_ = recognizer;
        this.set({ status: this.cameraError ? 'error' : 'ready', backend: recognizer.backend });
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
    this.set(this.cameraError ? { status: 'error', error: this.cameraError } : { status: 'ready', error: null });
    if (!source || !enabled) return;
    this.currentSource = isFrameSource(source) || isObservable(source) ? source : isVideoLike(source) ? fromVideoElement(source) : null;
    if (!this.currentSource) return;
    try {
      // events() picks the debounce/presence options out of these and fills in the rest.
      this.run = this.recognizer_.events(this.currentSource, this.options).subscribe({
        next: (event) => this.apply(event),
        error: (error: unknown) => {
          this.run = null;
          this.set({ status: 'error', error: toError(error), hands: IDLE.hands, gesture: null, meaning: null });
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
    this.set({ hands: IDLE.hands, gesture: null, meaning: null, presence: 'unknown' });
  }

  private releaseRecognizer(): void {
    this.generation += 1;
    if (this.ownsRecognizer) this.recognizer_?.dispose();
    this.recognizer_ = null;
    this.loading = null;
    this.currentSource = null;
    this.set({ status: 'idle', backend: null, error: null });
  }

  /**
   * Opens the camera into the source video when `camera` is set and someone is subscribed, moves
   * it when the video element changes, and closes it when `camera` is turned off.
   */
  private syncCamera(): void {
    const { camera = false, source } = this.options;
    const video = camera !== false && isVideoElement(source) ? source : null;
    const key = JSON.stringify(camera);
    if (this.camera && (!video || this.camera.key !== key)) this.closeCamera();
    if (!video) return void (this.cameraError = null);
    if (this.camera) {
      // Same stream, new element: move it, leaving the old element empty.
      if (this.camera.video !== video && this.camera.stream) {
        if (this.camera.video?.srcObject === this.camera.stream) this.camera.video.srcObject = null;
        play(video, this.camera.stream);
      }
      this.camera.video = video;
      return;
    }
    if (this.listeners.size === 0) return;
    const opened = { stream: null as MediaStream | null, video: video as HTMLVideoElement | null, key };
    this.camera = opened;
    const generation = this.generation;
    globalThis.navigator.mediaDevices.getUserMedia({ video: camera, audio: false }).then(
      (stream) => {
        if (this.camera !== opened) return stream.getTracks().forEach((track) => track.stop());
        opened.stream = stream;
        if (opened.video) play(opened.video, stream);
      },
      (cause: unknown) => {
        if (this.camera !== opened || generation !== this.generation) return;
        this.camera = null;
        const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
        this.cameraError = new GestureError('camera-failed', `The camera could not be opened (${message}).`, { constraints: key }, { cause });
        this.set({ status: 'error', error: this.cameraError });
      },
    );
  }

  /** Stops the tracks of a camera the observer opened (never one the app attached itself). */
  private closeCamera(): void {
    this.cameraError = null;
    const opened = this.camera;
    this.camera = null;
    if (!opened?.stream) return;
    opened.stream.getTracks().forEach((track) => track.stop());
    if (opened.video?.srcObject === opened.stream) opened.video.srcObject = null;
  }

  private apply(event: GestureEvent): void {
    this.eventSubject.next(event);
    if (event.type === 'gesture') {
      const hands = event.phase === 'start' ? [...this.snapshot.hands.filter((h) => h.handId !== event.handId), held(event)] : this.snapshot.hands.filter((h) => h.id !== event.id);
      const latest = hands[hands.length - 1];
      this.set({ hands, gesture: latest?.gesture ?? null, meaning: latest?.meaning ?? null, lastEvent: event });
    } else if (event.type === 'presence') {
      this.set({ presence: event.state === 'back' ? 'present' : 'away', lastEvent: event });
    } else if (event.type === 'warning' && event.code === 'context-lost' && this.recognizer) {
      // The models were rebuilt on another backend (or a new WebGL context).
      this.set({ lastEvent: event, backend: this.recognizer.backend });
    } else {
      this.set({ lastEvent: event });
    }
  }

  /** Replaces the snapshot only when a field really changes, then tells every listener. */
  private set(patch: Partial<GestureSnapshot>): void {
    const current = this.snapshot as unknown as Record<string, unknown>;
    const differs = Object.entries(patch).some(([key, value]) => current[key] !== value);
    if (!differs) return;
    this.snapshot = Object.freeze({ ...this.snapshot, ...patch });
    for (const listener of [...this.listeners]) listener(this.snapshot);
  }
}

function isVideoElement(value: unknown): value is HTMLVideoElement {
  return isVideoLike(value) && 'srcObject' in value && typeof (value as HTMLVideoElement).play === 'function';
}

function play(video: HTMLVideoElement, stream: MediaStream): void {
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  // Autoplay refusals surface as a video that shows nothing; frames simply do not arrive.
  try {
    void Promise.resolve(video.play()).catch(() => {});
  } catch {
    // as above
  }
}

function held(event: GesturePhaseEvent): HeldGesture {
  return { id: event.id, gesture: event.gesture, meaning: event.meaning, handId: event.handId, handedness: event.handedness, score: event.score, since: event.timestamp };
}

/** `from(observer)` and any library that reads `Symbol.observable` see a stream of snapshots. */
export interface GestureObserver {
  [Symbol.observable](): Subscribable<GestureSnapshot>;
}

// `Symbol.observable` is not defined everywhere (RxJS then uses '@@observable'): set both.
for (const key of new Set<string | symbol>(['@@observable', observableKey, ...((Symbol as { observable?: symbol }).observable ? [(Symbol as { observable?: symbol }).observable!] : [])])) {
  Object.defineProperty(GestureObserver.prototype, key, {
    configurable: true,
    value(this: GestureObserver) {
      return (this as unknown as { interop(): unknown }).interop();
    },
  });
}
