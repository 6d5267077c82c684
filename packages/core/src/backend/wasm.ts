import * as tf from '@tensorflow/tfjs-core';
import { errorMessage } from '../errors';
import { isNode } from '../runtime-node';

// Starting TF.js's WASM backend on one of its three binaries: where the .wasm files are, why one
// did not start, and the thread count on machines with few cores.

/** Which WASM binary: with SIMD and threads, with SIMD, or plain. */
export type WasmVariant = 'simd+threads' | 'simd' | 'plain';

/**
 * Where the browser fetches the `.wasm` files when `wasmPath` is not given: `/wasm/` on the page's
 * origin, where the `gestureAssets()` Vite plugin (`@gesture/core/vite`) serves them in dev and
 * copies them in a build. An app under a sub-path passes `wasmPath: import.meta.env.BASE_URL + 'wasm/'`.
 */
export const DEFAULT_BROWSER_WASM_PATH = '/wasm/';

export { isNode };

const WASM_FILES: Record<WasmVariant, string> = {
  'simd+threads': 'tfjs-backend-wasm-threaded-simd.wasm',
  simd: 'tfjs-backend-wasm-simd.wasm',
  plain: 'tfjs-backend-wasm.wasm',
};

/** The `setWasmPaths()` prefix in force (TF.js refuses a new one after a failed start). */
let wasmPrefixSet: string | null = null;

function wasmPrefix(wasmPath: string | undefined): string | undefined {
  const path = wasmPath ?? (isNode() ? undefined : DEFAULT_BROWSER_WASM_PATH);
  if (path === undefined) return undefined;
  const folder = path.endsWith('/') ? path : `${path}/`;
  // In the browser, an absolute URL, so errors name exactly what was fetched.
  return !isNode() && typeof location !== 'undefined' ? new URL(folder, location.href).href : folder;
}

/** Why a WASM binary did not start: the URL or path, and what fetching it gives. */
async function diagnoseWasm(prefix: string | undefined, file: string): Promise<string> {
  if (prefix === undefined) return `${file} from @tensorflow/tfjs-backend-wasm's own dist/ folder did not start`;
  const where = `${prefix}${file}`;
  if (isNode()) {
    try {
      const fs = (await import(/* @vite-ignore */ /* webpackIgnore: true */ 'node:fs/promises' as string)) as typeof import('node:fs/promises');
      await fs.access(where.startsWith('file:') ? new URL(where) : where);
      return `${where} exists but did not start`;
    } catch {
      return `cannot read ${where} (no such file)`;
    }
  }
  try {
    const response = await fetch(where, { method: 'HEAD', cache: 'no-store' });
    return response.ok ? `${where} was fetched but did not start` : `cannot load ${where} (HTTP ${response.status})`;
  } catch (error) {
    return `cannot load ${where} (${errorMessage(error)})`;
  }
}

/** Makes `navigator.hardwareConcurrency` read `count` until the returned function is called. */
function shadowHardwareConcurrency(count: number): () => void {
  const nav = globalThis.navigator as Navigator | undefined;
  if (!nav) return () => {};
  try {
    Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => count });
  } catch {
    return () => {};
  }
  return () => {
    delete (nav as unknown as Record<string, unknown>).hardwareConcurrency;
  };
}

/**
 * Watches the Web Workers created until `stop()`: `failed` rejects at the first worker `error`
 * event. TF.js's threaded WASM runs its pthreads in workers built from the module's own source,
 * which a minifier can break ("ReferenceError: e is not defined" in every worker); the start then
 * never resolves. This turns that hang into an immediate failure.
 */
function watchWorkerErrors(): { failed: Promise<never>; stop(): void } {
  const Original = (globalThis as { Worker?: typeof Worker }).Worker;
  let reject: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, r) => (reject = r));
  failed.catch(() => {});
  if (typeof Original !== 'function') return { failed, stop: () => {} };
  const onError = (event: Event) => reject(new Error(`a WASM thread's worker failed: ${(event as ErrorEvent).message || 'error event'}`));
  const Watched = class extends Original {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      this.addEventListener('error', onError);
    }
  };
  (globalThis as { Worker?: typeof Worker }).Worker = Watched;
  return { failed, stop: () => void ((globalThis as { Worker?: typeof Worker }).Worker = Original) };
}

/** The process events whose handlers emscripten's Node build installs (they rethrow, so the process exits with code 7). */
const CRASH_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/**
 * Runs `start` and then removes exactly the `uncaughtException`/`unhandledRejection` listeners it
 * added. TF.js's WASM module (emscripten) installs handlers that rethrow any stray error, which
 * kills the host process even when the app has handlers of its own; the app's handlers, and any
 * Node default, are left as they were.
 */
async function withoutCrashHandlers<T>(start: () => Promise<T>): Promise<T> {
  type Listener = (...args: unknown[]) => void;
  // In a browser `process` is not even declared: look at it only in Node.
  if (!isNode()) return start();
  const host = process as unknown as { listeners?(event: string): Listener[]; removeListener(event: string, listener: Listener): unknown };
  if (typeof host.listeners !== 'function') return start();
  const listeners = (event: string) => host.listeners!(event);
  const before = new Map(CRASH_EVENTS.map((event) => [event, new Set(listeners(event))]));
  try {
    return await start();
  } finally {
    for (const event of CRASH_EVENTS) {
      for (const listener of listeners(event)) {
        if (!before.get(event)!.has(listener)) host.removeListener(event, listener);
      }
    }
  }
}

/** Starts the WASM backend on one binary; returns the number of threads it runs. */
export function startWasm(variant: WasmVariant, wasmPath: string | undefined): Promise<number> {
  return withoutCrashHandlers(() => startWasmBinary(variant, wasmPath));
}

async function startWasmBinary(variant: WasmVariant, wasmPath: string | undefined): Promise<number> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const prefix = wasmPrefix(wasmPath);
  if (prefix !== undefined && prefix !== wasmPrefixSet) {
    try {
      wasm.setWasmPaths(prefix);
      wasmPrefixSet = prefix;
    } catch (error) {
      throw new Error(`cannot use wasmPath ${prefix}: ${errorMessage(error)}`);
    }
  }
  // Which binary TF.js loads follows these two flags.
  tf.env().set('WASM_HAS_SIMD_SUPPORT', variant !== 'plain');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', variant === 'simd+threads');
  let restore = () => {};
  if (variant === 'simd+threads') {
    // One thread per logical core (the threaded binary has 8 workers at most).
    const cores = Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1);
    wasm.setThreadsCount(Math.min(8, cores));
    // TF.js 4.22 caps its pool at hardwareConcurrency / 2 (it assumes two hyper-threads per core),
    // read once while the module starts: on 2–3 logical cores that is 1 thread, and the threaded
    // binary would run single-threaded. Show it the doubled count for that moment only.
    if (cores < 4) restore = shadowHardwareConcurrency(cores * 2);
  }
  let started = false;
  const workers = variant === 'simd+threads' && !isNode() ? watchWorkerErrors() : null;
  try {
    started = await (workers ? Promise.race([tf.setBackend('wasm'), workers.failed]) : tf.setBackend('wasm'));
  } catch (error) {
    throw new Error(`${await diagnoseWasm(prefix, WASM_FILES[variant])}: ${errorMessage(error)}`);
  } finally {
    restore();
    workers?.stop();
  }
  if (!started) throw new Error(await diagnoseWasm(prefix, WASM_FILES[variant]));
  if (variant !== 'simd+threads') return 1;
  // The XNNPACK thread pool's size, once the backend runs.
  try {
    return Math.max(1, wasm.getThreadsCount());
  } catch {
    return Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1);
  }
}
