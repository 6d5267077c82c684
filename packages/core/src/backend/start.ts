import * as tf from '@tensorflow/tfjs-core';
import { BackendError, errorMessage, InvalidOptionsError } from '../errors';
import type { GestureWarningEvent } from '../events';
import { isResolved, markResolved, requireObject, stripUndefined } from '../option-checks';

/** A TensorFlow.js backend the recognizer can run on; `auto` picks the fastest that works. */
export type BackendName = 'auto' | 'webgl' | 'wasm' | 'cpu';

/** One backend start that was tried, in order. */
export interface BackendAttempt {
  name: Exclude<BackendName, 'auto'>;
  /** For `wasm`: which binary, `'simd+threads'`, `'simd'` or `'plain'`. */
  variant?: 'simd+threads' | 'simd' | 'plain';
  ok: boolean;
  /** Why it failed (for a WASM binary: the URL or path it was loaded from). */
  error?: string;
}

/** What the recognizer runs on and why (`recognizer.backend`). */
export interface BackendInfo {
  name: Exclude<BackendName, 'auto'>;
  /** WASM SIMD in use. */
  simd: boolean;
  /** WASM threads in use (1 when single-threaded or not WASM). */
  threads: number;
  /** Why this backend was chosen, in words. */
  reason: string;
  /** Each backend tried, in order, with the error if it failed. */
  tried: BackendAttempt[];
}

/** Options of backend selection. */
export interface BackendOptions {
  /**
   * Which backend to run on. `'auto'` tries WebGL2 (browser), WASM with SIMD (and threads when
   * the page is `crossOriginIsolated`), plain WASM, then CPU, and keeps the first that runs a
   * tiny op. An explicit backend that fails falls back down the same chain (a `backend-fallback`
   * warning event says so). Defaults to `'auto'`.
   */
  backend?: BackendName;
  /**
   * Folder (URL in the browser, path in Node) holding `tfjs-backend-wasm.wasm`,
   * `tfjs-backend-wasm-simd.wasm` and `tfjs-backend-wasm-threaded-simd.wasm` from
   * `@tensorflow/tfjs-backend-wasm/dist/`. In Node the installed package's own files are used
   * without it. Defaults to `undefined`: in Node the package's files; in the browser
   * {@link DEFAULT_BROWSER_WASM_PATH} (`/wasm/` on the page's origin), which is where the
   * `gestureAssets()` Vite plugin from `@gesture/core/vite` serves them (docs/backends.md).
   */
  wasmPath?: string;
}

/** {@link BackendOptions} with `backend` filled in and every field validated. */
export type ResolvedBackendOptions = Readonly<Required<Pick<BackendOptions, 'backend'>> & Pick<BackendOptions, 'wasmPath'>>;

const BACKEND_NAMES: readonly BackendName[] = ['auto', 'webgl', 'wasm', 'cpu'];

/**
 * Fills in and validates the backend options (other fields are ignored). Throws
 * `InvalidOptionsError` naming the bad option.
 *
 * @example
 * resolveBackendOptions({}).backend; // 'auto'
 */
export function resolveBackendOptions(options: BackendOptions = {}): ResolvedBackendOptions {
  if (isResolved('backend', options)) return options as ResolvedBackendOptions;
  requireObject(options);
  const { backend = 'auto', wasmPath } = stripUndefined({ backend: options.backend, wasmPath: options.wasmPath });
  if (!BACKEND_NAMES.includes(backend)) {
    throw new InvalidOptionsError(`Option backend must be 'auto' | 'webgl' | 'wasm' | 'cpu', got ${JSON.stringify(backend)}.`, { option: 'backend', expected: "'auto' | 'webgl' | 'wasm' | 'cpu'", received: JSON.stringify(backend) ?? String(backend) });
  }
  if (wasmPath !== undefined && typeof wasmPath !== 'string') {
    throw new InvalidOptionsError('Option wasmPath must be a string.', { option: 'wasmPath', expected: 'string', received: typeof wasmPath });
  }
  return markResolved('backend', wasmPath === undefined ? { backend } : { backend, wasmPath });
}

/**
 * Where the browser fetches the `.wasm` files when `wasmPath` is not given: `/wasm/` on the page's
 * origin, where the `gestureAssets()` Vite plugin (`@gesture/core/vite`) serves them in dev and
 * copies them in a build. An app under a sub-path passes `wasmPath: import.meta.env.BASE_URL + 'wasm/'`.
 */
export const DEFAULT_BROWSER_WASM_PATH = '/wasm/';

type Backend = Exclude<BackendName, 'auto'>;
type WasmVariant = NonNullable<BackendAttempt['variant']>;
interface Candidate {
  name: Backend;
  variant?: WasmVariant;
}

const WASM_FILES: Record<WasmVariant, string> = {
  'simd+threads': 'tfjs-backend-wasm-threaded-simd.wasm',
  simd: 'tfjs-backend-wasm-simd.wasm',
  plain: 'tfjs-backend-wasm.wasm',
};
/** TF.js's own priorities, used when a backend is registered again after a reset. */
const PRIORITY: Record<Backend, number> = { webgl: 2, wasm: 2, cpu: 1 };

const isNode = (): boolean => typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';

/** What the WASM runtime really supports, read once before any flag is overridden. */
let wasmSupport: Promise<{ simd: boolean; threads: boolean }> | undefined;
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

/** Starts the WASM backend on one binary; returns the number of threads it runs. */
async function startWasm(variant: WasmVariant, wasmPath: string | undefined): Promise<number> {
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
  try {
    started = await tf.setBackend('wasm');
  } catch (error) {
    throw new Error(`${await diagnoseWasm(prefix, WASM_FILES[variant])}: ${errorMessage(error)}`);
  } finally {
    restore();
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

/** Why WebGL2 cannot be used, when TF.js finds no WebGL2 context. */
function whyNoWebGL2(version: number): string {
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = canvas.getContext('webgl2', { failIfMajorPerformanceCaveat: false }) as WebGL2RenderingContext | null;
    if (gl) {
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      return "WebGL2 is software-rendered here (a 'major performance caveat' context, slower than WASM), so TF.js refuses it; tf.env().set('SOFTWARE_WEBGL_ENABLED', true) allows it";
    }
  } catch {
    // fall through
  }
  return version === 1 ? 'only WebGL 1 is available, WebGL2 is needed' : 'WebGL2 is not available';
}

async function startWebGL(): Promise<void> {
  if (isNode()) throw new Error('WebGL exists only in a browser');
  await import('@tensorflow/tfjs-backend-webgl');
  const version = tf.env().getNumber('WEBGL_VERSION');
  if (version < 2) throw new Error(whyNoWebGL2(version));
  if (!(await tf.setBackend('webgl'))) throw new Error('the WebGL2 backend did not start');
}

/** Starts one candidate and proves it runs; returns its thread count. */
async function startBackend(candidate: Candidate, options: BackendOptions): Promise<number> {
  let threads = 1;
  if (candidate.name === 'wasm') threads = await startWasm(candidate.variant ?? 'simd', options.wasmPath);
  else if (candidate.name === 'webgl') await startWebGL();
  else {
    await import('@tensorflow/tfjs-backend-cpu');
    if (!(await tf.setBackend('cpu'))) throw new Error('the CPU backend did not start');
  }
  // A tiny op proves the backend really runs (a WebGL context can exist and still fail here).
  const two = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync()[0]);
  if (two !== 2) throw new Error(`a test op gave ${two}, not 2`);
  return threads;
}

/**
 * Drops a backend's instance (and whatever it holds) but keeps it registered, so it can be
 * started again from scratch: after a failed probe, or after its WebGL context was lost.
 */
export function resetTfBackend(name: Backend): void {
  const factory = tf.findBackendFactory(name);
  if (!factory) return;
  try {
    tf.removeBackend(name);
  } catch {
    // A lost context can fail while being disposed; it is being dropped anyway.
  }
  tf.registerBackend(name, factory, PRIORITY[name]);
}

async function candidates(requested: BackendName): Promise<{ chain: Candidate[]; skipped: BackendAttempt[] }> {
  const node = isNode();
  const skipped: BackendAttempt[] = [];
  if (requested === 'cpu') return { chain: [{ name: 'cpu' }], skipped };
  wasmSupport ??= import('@tensorflow/tfjs-backend-wasm').then(async () => ({
    simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
    threads: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
  }));
  const support = await wasmSupport.catch(() => ({ simd: false, threads: false }));
  const chain: Candidate[] = [];
  if (requested === 'webgl' && node) skipped.push({ name: 'webgl', ok: false, error: 'WebGL exists only in a browser' });
  if ((requested === 'auto' || requested === 'webgl') && !node) chain.push({ name: 'webgl' });
  const isolated = !node && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  if (support.simd && support.threads && isolated) chain.push({ name: 'wasm', variant: 'simd+threads' });
  if (support.simd) chain.push({ name: 'wasm', variant: 'simd' });
  chain.push({ name: 'wasm', variant: 'plain' }, { name: 'cpu' });
  return { chain, skipped };
}

/**
 * Starts a TF.js backend. `auto` tries WebGL2 (browser only), WASM with SIMD (with threads when
 * the page is `crossOriginIsolated`), plain WASM, then CPU, and keeps the first that runs a tiny
 * op; an explicit backend that fails falls back down the same chain. Each start that fails is
 * undone, so nothing is left half-initialised. Throws `BackendError` if none starts. TF.js has
 * one backend per page or process: this sets it for everything that uses TF.js there.
 *
 * @example
 * const info = await startTfBackend({ backend: 'auto', wasmPath: '/wasm/' });
 * console.log(info.name, info.simd, info.threads, info.reason);
 */
export async function startTfBackend(options: BackendOptions = {}, why?: string): Promise<BackendInfo> {
  // `why` (internal): prefixed to `reason` when the backend is restarted, e.g. after a context loss.
  const resolved = resolveBackendOptions(options);
  const requested = resolved.backend;
  const { chain, skipped } = await candidates(requested);
  const tried: BackendAttempt[] = [...skipped];
  for (const candidate of chain) {
    try {
      const threads = await startBackend(candidate, resolved);
      tried.push({ name: candidate.name, ...(candidate.variant ? { variant: candidate.variant } : {}), ok: true });
      return describeChoice(candidate, threads, requested, tried, why);
    } catch (error) {
      tried.push({ name: candidate.name, ...(candidate.variant ? { variant: candidate.variant } : {}), ok: false, error: errorMessage(error) });
      // Never leave a backend half-started: the next candidate starts from a clean engine.
      try {
        resetTfBackend(candidate.name);
      } catch {
        // nothing registered to reset
      }
    }
  }
  const wasmError = tried.find((t) => t.name === 'wasm' && !t.ok)?.error;
  const path = wasmError?.match(/(?:load|read) (\S+)/)?.[1];
  throw new BackendError(`No TensorFlow.js backend could be started (tried ${tried.map(describeFailure).join('; ')}).`, {
    backend: requested,
    tried: tried.map((t) => t.name),
    ...(path ? { path } : resolved.wasmPath ? { path: resolved.wasmPath } : {}),
  });
}

/** `wasm (simd): why` — one failed attempt, in words. */
export function describeFailure(t: BackendAttempt): string {
  return `${t.variant ? `${t.name} (${t.variant})` : t.name}: ${t.error}`;
}

/**
 * The `backend-fallback` warning a stream starts with when the backend in use is not the one asked
 * for (an explicit backend that failed, or `auto` that fell all the way to CPU), else `null`.
 */
export function fallbackWarning(backend: BackendInfo, requested: BackendName): GestureWarningEvent | null {
  const failed = backend.tried.filter((t) => !t.ok);
  if (failed.length === 0 || (requested === 'auto' && backend.name !== 'cpu')) return null;
  return { type: 'warning', code: 'backend-fallback', message: `Running on '${backend.name}' after failed attempts: ${failed.map(describeFailure).join('; ')}.` };
}

function describeChoice(candidate: Candidate, threads: number, requested: BackendName, tried: BackendAttempt[], why: string | undefined): BackendInfo {
  const simd = candidate.name === 'wasm' && candidate.variant !== 'plain';
  const failed = tried.filter((t) => !t.ok);
  const chainWords = isNode() ? 'wasm-simd, wasm, cpu' : 'webgl, wasm-simd (threads when cross-origin isolated), wasm, cpu';
  let reason: string;
  if (requested === candidate.name && failed.length === 0) reason = `requested '${requested}'`;
  else if (requested === 'auto') reason = `'auto' picked the first backend that ran a test op (${chainWords})`;
  else reason = `'${requested}' failed, fell back to '${candidate.name}'`;
  if (failed.length > 0) reason += `; ${failed.map(describeFailure).join('; ')}`;
  if (why) reason = `${why}; ${reason}`;
  return { name: candidate.name, simd, threads, reason, tried };
}
