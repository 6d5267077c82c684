/**
 * The browser test page: bundled by `bundlePage()` (helpers/browser.ts) into a temporary folder
 * and driven by the `browser-*.test.ts` files and `npm run bench -- --browser` through
 * `window.gestureTest`. Served with the models at `/models/`, the WASM binaries at `/wasm/`
 * (the SDK's browser default) and the fixture photos at `/fixtures/`.
 */
import * as tf from '@tensorflow/tfjs-core';
// Registered up front so setFlags() can set their flags before a recognizer starts (importing a
// backend registers it; startTfBackend() still picks which one runs).
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgl';
import type { BackendInfo } from '../../backend/start';
import type { GestureEvent } from '../../events';
import { createGestureRecognizer, fromFrames, GestureObserver, type GestureRecognizer, type GestureSnapshot, type RecognizerOptions } from '../../index';
import { timeColdAndTracked } from '../helpers/time-frames';

/** One hand as the tests compare it. */
export interface PageHand {
  gesture: string;
  score: number;
  landmarks: [number, number, number][];
}

/** One photo's result. */
export interface PagePhoto {
  url: string;
  width: number;
  height: number;
  hands: PageHand[];
}

async function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return image;
}

/** The canvas TF.js's WebGL backend draws on, for forcing a context loss. */
function webglContext(): WebGL2RenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
}

const trim = (hands: { gesture: string; score: number; landmarks: [number, number, number][] }[]): PageHand[] =>
  hands.map((h) => ({ gesture: h.gesture, score: h.score, landmarks: h.landmarks.map((p) => [p[0], p[1], p[2]] as [number, number, number]) }));

let current: GestureRecognizer | null = null;

const api = {
  tf,
  /** Settings the page runs under. */
  environment() {
    return {
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
      hardwareConcurrency: navigator.hardwareConcurrency,
      userAgent: navigator.userAgent,
    };
  },
  /** Sets TF.js flags (e.g. `SOFTWARE_WEBGL_ENABLED`) before a recognizer starts. */
  setFlags(flags: Record<string, boolean | number>) {
    for (const [name, value] of Object.entries(flags)) tf.env().set(name, value);
  },
  /** Creates the page's recognizer (replacing one made before); returns its backend, or the error. */
  async create(options: RecognizerOptions): Promise<{ backend: BackendInfo } | { error: { name: string; code?: string; message: string; details?: unknown } }> {
    current?.dispose();
    current = null;
    try {
      current = await createGestureRecognizer(options);
      return { backend: current.backend };
    } catch (error) {
      const e = error as Error & { code?: string; details?: unknown };
      return { error: { name: e.name, code: e.code, message: e.message, details: e.details } };
    }
  },
  backend(): BackendInfo | null {
    return current?.backend ?? null;
  },
  /** `recognize()` on each photo (decoded by the browser: `<img>` → `tf.browser.fromPixels`). */
  async recognize(urls: string[]): Promise<PagePhoto[]> {
    if (!current) throw new Error('call create() first');
    const photos: PagePhoto[] = [];
    for (const url of urls) {
      const image = await loadImage(url);
      const result = await current.recognize(image);
      photos.push({ url, width: image.naturalWidth, height: image.naturalHeight, hands: trim(result.hands) });
    }
    return photos;
  },
  /**
   * Times `recognize()` (image mode) and tracked video-mode `detect()` on each photo: `warmup`
   * untimed calls, then `frames` timed ones each. Returns every sample in ms.
   */
  async time(urls: string[], frames: number, warmup: number): Promise<{ cold: number[]; tracked: number[] }> {
    if (!current) throw new Error('call create() first');
    const images = [];
    for (const url of urls) images.push(await loadImage(url));
    return timeColdAndTracked(current, images, frames, warmup);
  },
  /**
   * Runs a `GestureObserver` (so `events()` underneath) on the page's recognizer over each photo
   * held for `framesEach` frames (30 fps timestamps, pulled one at a time), and forces a WebGL
   * context loss (`WEBGL_lose_context`) before frame `loseAt`. Returns every event the observer
   * saw (its snapshots' `lastEvent`), its statuses, the backend before and after, and a
   * `recognize()` made afterwards.
   */
  async loseContextWhileObserving(urls: string[], framesEach: number, loseAt: number) {
    if (!current) throw new Error('call create() first');
    const recognizer = current;
    const images = await Promise.all(urls.map(loadImage));
    const before = recognizer.backend;
    let lost = false;
    let n = 0;
    async function* frames() {
      for (const image of images) {
        for (let k = 0; k < framesEach; k++, n++) {
          if (n === loseAt) {
            const ext = webglContext()?.getExtension('WEBGL_lose_context');
            if (!ext) throw new Error('WEBGL_lose_context is not available');
            ext.loseContext();
            lost = true;
          }
          yield { frame: image, timestamp: n * 33 };
        }
      }
    }
    const source = fromFrames(frames());
    const observer = new GestureObserver({ recognizer, source, minHoldMs: 100, releaseMs: 60 });
    const snapshots: GestureSnapshot[] = [];
    const done = new Promise<void>((resolve) => {
      const unsubscribe = observer.subscribe((snapshot) => {
        snapshots.push(snapshot);
        if (n >= images.length * framesEach && snapshot.status !== 'loading') setTimeout(resolve, 200);
      });
      void unsubscribe;
    });
    await Promise.race([done, new Promise((r) => setTimeout(r, 120_000))]);
    const seen: GestureEvent[] = [];
    for (const s of snapshots) if (s.lastEvent && s.lastEvent !== seen[seen.length - 1]) seen.push(s.lastEvent);
    const observerBackend = observer.getSnapshot().backend;
    observer.destroy();
    const check = await recognizer.recognize(images[0]!);
    return {
      lost,
      before,
      after: recognizer.backend,
      observerBackend,
      events: seen.map((e) => (e.type === 'error' ? { type: 'error', code: e.error.code, message: e.error.message } : e)),
      statuses: [...new Set(snapshots.map((s) => s.status))],
      recognizeAfter: trim(check.hands),
    };
  },
  /** `events()` over each photo as one frame (pulled one at a time); returns every event. */
  async events(urls: string[]): Promise<GestureEvent[]> {
    if (!current) throw new Error('call create() first');
    const recognizer = current;
    const images = await Promise.all(urls.map(loadImage));
    const events: GestureEvent[] = [];
    await new Promise<void>((resolve, reject) =>
      recognizer.events(fromFrames(images, { fps: 30 })).subscribe({ next: (e) => events.push(e), error: reject, complete: resolve }),
    );
    return events;
  },
  dispose() {
    current?.dispose();
    current = null;
  },
};

declare global {
  interface Window {
    gestureTest: typeof api;
    gestureReady: boolean;
  }
}

window.gestureTest = api;
window.gestureReady = true;
