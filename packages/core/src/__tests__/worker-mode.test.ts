import { firstValueFrom, toArray } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { DisposedError, InvalidFrameError, InvalidOptionsError } from '../errors';
import { resolveOptions } from '../options';
import { GestureObserver } from '../observer/observer';
import { createGestureRecognizer } from '../recognizer';
import { fromFrames } from '../sources/from-frames';
import { toWorkerError } from '../worker/errors';
import { toWorkerFrame } from '../worker/frames';
import type { FromWorkerMessage, ToWorkerMessage } from '../worker/protocol';
import { startWorkerDetector } from '../worker/start';
import { WorkerHandDetector, type WorkerLike } from '../worker/worker-detector';
import type { Detection } from '../types';

/** A Worker double: records what is posted; `reply()` answers as the worker would. */
function fakeWorker() {
  const listeners: Record<string, ((event: never) => void)[]> = { message: [], error: [] };
  const posted: ToWorkerMessage[] = [];
  const worker: WorkerLike & { posted: ToWorkerMessage[]; terminated: boolean; reply(message: FromWorkerMessage): void; crash(message: string): void } = {
    posted,
    terminated: false,
    postMessage: (message: ToWorkerMessage) => void posted.push(message),
    addEventListener: (type: string, listener: (event: never) => void) => void listeners[type]!.push(listener),
    terminate: () => void (worker.terminated = true),
    reply: (message: FromWorkerMessage) => listeners.message!.forEach((l) => l({ data: message } as never)),
    crash: (message: string) => listeners.error!.forEach((l) => l({ message } as never)),
  } as never;
  return worker;
}

const BACKEND = { name: 'wasm' as const, simd: true, threads: 1, reason: 'asked for', tried: [] };
const STATS = { frames: 1, detectorRuns: 1, landmarkRuns: 1, faceRuns: 1, lastTimings: { detectorMs: 1, landmarksMs: 1, facesMs: 1, totalMs: 3 } };
const DETECTION: Detection = { hands: [], faces: [], present: false, width: 2, height: 1, timestamp: 5 };

describe('worker mode', () => {
  it('validates the worker option once, with the rest', () => {
    expect(resolveOptions({}).worker).toBe(false);
    expect(resolveOptions({ worker: true }).worker).toBe(true);
    expect(() => resolveOptions({ worker: 'yes' as never })).toThrow(InvalidOptionsError);
  });

  it('copies raw pixels (ImageData-like objects with getters too) into a buffer it transfers', async () => {
    class PixelsWithGetters {
      readonly data = new Uint8ClampedArray(8).fill(7);
      get width() { return 2; }
      get height() { return 1; }
    }
    const source = new PixelsWithGetters();
    const { frame, transfer } = await toWorkerFrame(source as never);
    expect(frame).toMatchObject({ width: 2, height: 1 });
    expect((frame as { data: Uint8ClampedArray }).data).not.toBe(source.data);
    expect(transfer).toEqual([(frame as { data: Uint8ClampedArray }).data.buffer]);
  });

  it('talks to the worker: init, detect (result and stats), a named error back, reset, dispose terminates', async () => {
    const worker = fakeWorker();
    const starting = startWorkerDetector(resolveOptions({ worker: true, backend: 'wasm', modelBaseUrl: 'https://example.test/models/' }), () => worker);
    expect(worker.posted[0]).toMatchObject({ type: 'init', init: { backend: { backend: 'wasm' }, models: { modelBaseUrl: 'https://example.test/models/' } } });
    worker.reply({ type: 'ready', backend: BACKEND });
    const detector = (await starting) as WorkerHandDetector;
    expect(detector).toBeInstanceOf(WorkerHandDetector);

    const detecting = detector.detect({ data: new Uint8Array(8), width: 2, height: 1 }, { mode: 'video', timestamp: 5 });
    await vi.waitFor(() => expect(worker.posted).toHaveLength(2));
    expect(worker.posted[1]).toMatchObject({ type: 'detect', id: 1, options: { mode: 'video', timestamp: 5 } });
    worker.reply({ type: 'detected', id: 1, detection: DETECTION, stats: STATS });
    expect(await detecting).toEqual(DETECTION);
    expect(detector.stats).toEqual(STATS);

    const failing = detector.detect({ data: new Uint8Array(8), width: 2, height: 1 });
    await vi.waitFor(() => expect(worker.posted).toHaveLength(3));
    worker.reply({ type: 'detect-failed', id: 2, error: toWorkerError(new InvalidFrameError('bad frame', { expected: 'x', received: 'y' })) });
    const error = await failing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFrameError);
    expect(error).toMatchObject({ code: 'invalid-frame', message: 'bad frame', details: { expected: 'x', received: 'y' } });

    detector.reset();
    expect(worker.posted.at(-1)).toEqual({ type: 'reset' });
    const pending = detector.detect({ data: new Uint8Array(8), width: 2, height: 1 });
    await vi.waitFor(() => expect(worker.posted.at(-1)).toMatchObject({ type: 'detect' }));
    detector.dispose();
    expect(worker.terminated).toBe(true);
    await expect(pending).rejects.toBeInstanceOf(DisposedError);
    await expect(detector.detect({ data: new Uint8Array(8), width: 2, height: 1 })).rejects.toBeInstanceOf(DisposedError);
  });

  it('a worker script that fails to load is reported for a fallback; a model error in the worker is thrown', async () => {
    const broken = fakeWorker();
    const starting = startWorkerDetector(resolveOptions({ worker: true }), () => broken);
    broken.crash('404 worker.js');
    expect(await starting).toEqual({ failed: expect.stringContaining('404 worker.js') });
    expect(broken.terminated).toBe(true);

    const failing = fakeWorker();
    const loading = startWorkerDetector(resolveOptions({ worker: true }), () => failing);
    failing.reply({ type: 'init-failed', error: { name: 'ModelLoadError', code: 'model-load', message: 'no model', details: { file: 'x', model: 'y' } } });
    await expect(loading).rejects.toMatchObject({ name: 'ModelLoadError', code: 'model-load' });
  });

  it('without Web Workers (Node) runs on this thread, and every events() run starts with a worker-unavailable warning', async () => {
    const recognizer = await createGestureRecognizer({ worker: true, backend: 'wasm' });
    try {
      expect(recognizer.backend.reason).not.toMatch(/Web Worker/);
      const events = await firstValueFrom(recognizer.events(fromFrames([])).pipe(toArray()));
      expect(events).toEqual([{ type: 'warning', code: 'worker-unavailable', message: expect.stringContaining('Web Workers are not available') }]);
    } finally {
      recognizer.dispose();
    }
  });

  it('GestureObserver passes worker through to the recognizer it creates', async () => {
    const observer = new GestureObserver({ worker: true, backend: 'wasm', source: fromFrames([]) });
    const warnings: string[] = [];
    observer.events.subscribe((e) => e.type === 'warning' && warnings.push(e.code));
    const unsubscribe = observer.subscribe(() => {});
    try {
      await vi.waitFor(() => expect(warnings).toContain('worker-unavailable'), { timeout: 30_000 });
      expect(observer.recognizer?.options.worker).toBe(true);
    } finally {
      unsubscribe();
      observer.destroy();
    }
  });
});
