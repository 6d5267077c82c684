/**
 * The page of worker-mode.test.ts: the built `@gesture/core` (its browser entry, as an app gets
 * it) with a fake camera in a `<video>`; `dist/worker.js` is bundled beside it as `worker.js`.
 * Driven through `window.workerTest`.
 */
import '@tensorflow/tfjs-backend-wasm';
import { createGestureRecognizer, fromFrames, fromVideoElement, type GestureEvent, type GestureRecognizer } from '@gesture/core';

/** Long tasks (> 50 ms) on this page's main thread: `[ms after the run started, duration]`. */
const longTasks: [number, number][] = [];
let runStarted = 0;
let watching = false;

const video = document.createElement('video');
video.muted = true;
video.playsInline = true;
document.body.append(video);

async function openCamera(): Promise<void> {
  if (video.srcObject) return;
  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240 } });
  await video.play();
  while (video.readyState < 2) await new Promise((r) => setTimeout(r, 20));
}

const recognizers: Record<string, GestureRecognizer> = {};
const load = async (worker: boolean) => (recognizers[String(worker)] ??= await createGestureRecognizer({ backend: 'wasm', worker, modelBaseUrl: '/models/' }));

const eventLine = (e: GestureEvent) => JSON.stringify(e.type === 'error' ? { type: 'error', message: e.error.message } : e);

const api = {
  /** Loads a recognizer of each mode; returns their backends. */
  async load(): Promise<Record<string, string>> {
    await openCamera();
    const main = await load(false);
    const worker = await load(true);
    return { main: main.backend.reason, worker: worker.backend.reason };
  },
  /** Loads one mode only; returns its backend and whether the page is cross-origin isolated. */
  async backendOf(worker: boolean): Promise<{ name: string; simd: boolean; threads: number; reason: string; isolated: boolean }> {
    const { name, simd, threads, reason } = (await load(worker)).backend;
    return { name, simd, threads, reason, isolated: crossOriginIsolated };
  },
  /** Grabs `count` frames of the fake camera, `everyMs` apart, as ImageBitmaps with the camera's time. */
  async grab(count: number, everyMs: number): Promise<number> {
    const frames: { frame: ImageBitmap; timestamp: number }[] = [];
    for (let i = 0; i < count; i++) {
      frames.push({ frame: await createImageBitmap(video), timestamp: Math.round(video.currentTime * 1000) });
      await new Promise((r) => setTimeout(r, everyMs));
    }
    (window as unknown as { grabbed: typeof frames }).grabbed = frames;
    return frames.length;
  },
  /** The events of the grabbed frames (a recorded source: every frame processed), as JSON lines. */
  async recordedEvents(worker: boolean): Promise<string[]> {
    const recognizer = await load(worker);
    const frames = (window as unknown as { grabbed: { frame: ImageBitmap; timestamp: number }[] }).grabbed;
    const lines: string[] = [];
    await new Promise<void>((resolve, reject) => recognizer.events(fromFrames(frames)).subscribe({ next: (e) => lines.push(eventLine(e)), complete: resolve, error: reject }));
    return lines;
  },
  /** Runs the live camera for `ms` in one mode, counting the main thread's long tasks meanwhile. */
  async live(worker: boolean, ms: number): Promise<{ events: string[]; longTasks: [number, number][]; frames: number; dropped: number }> {
    const recognizer = await load(worker);
    const source = fromVideoElement(video);
    const events: string[] = [];
    const before = recognizer.detector.stats.frames;
    // Measure from a quiet start: what earlier steps left (a collection, a last frame) is not this run's.
    await new Promise((r) => setTimeout(r, 500));
    longTasks.length = 0;
    runStarted = performance.now();
    if (!watching) {
      new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e): [number, number] => [Math.round(e.startTime - runStarted), Math.round(e.duration)]))).observe({ type: 'longtask' });
      watching = true;
    }
    const run = recognizer.events(source).subscribe((e) => events.push(eventLine(e)));
    await new Promise((r) => setTimeout(r, ms));
    run.unsubscribe();
    return { events, longTasks: [...longTasks], frames: recognizer.detector.stats.frames - before, dropped: source.dropped };
  },
  /** register → export → import into a fresh recognizer of the same mode → recognize a sample. */
  async registry(worker: boolean, samples: string[]): Promise<{ accepted: number; rejected: number; nearest: string | null; exported: string[]; imported: string[]; recognized: string[] }> {
    const images = await Promise.all(samples.map(async (url) => { const image = new Image(); image.src = url; await image.decode(); return image; }));
    const recognizer = await load(worker);
    const report = await recognizer.gestures.register('rock-test', images.slice(0, -1), { meaning: 'party', replace: true });
    const pack = JSON.parse(JSON.stringify(recognizer.gestures.export())) as { gestures: { name: string }[] };
    const fresh = await createGestureRecognizer({ backend: 'wasm', worker, modelBaseUrl: '/models/' });
    const imported = await fresh.gestures.import(pack);
    const result = await fresh.recognize(images.at(-1)!);
    fresh.dispose();
    return { accepted: report.accepted, rejected: report.rejected.length, nearest: report.nearest?.gesture ?? null, exported: pack.gestures.map((g) => g.name), imported, recognized: result.hands.map((h) => h.gesture) };
  },
  /** Closes the grabbed frames (so their collection does not land in a later measurement). */
  release(): void {
    for (const { frame } of (window as unknown as { grabbed?: { frame: ImageBitmap }[] }).grabbed ?? []) frame.close();
    delete (window as unknown as { grabbed?: unknown }).grabbed;
  },
  /** Disposes the worker-mode recognizer. */
  dispose(): void {
    recognizers.true?.dispose();
    delete recognizers.true;
  },
};

(window as unknown as { workerTest: typeof api }).workerTest = api;
(window as unknown as { workerTestReady: boolean }).workerTestReady = true;
