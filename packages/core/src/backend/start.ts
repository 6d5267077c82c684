import * as tf from '@tensorflow/tfjs-core';
import { BackendError, describeValue, errorMessage, InvalidOptionsError } from '../errors';
import type { GestureWarningEvent } from '../events';
import { isNode, startWasm, type WasmVariant } from './wasm';
import { bool, isResolved, markResolved, requireObject, stripUndefined } from '../option-checks';
import { measureFastest, type BackendProbe } from './measure';
import { withTimeLimit } from './time-limit';

/** A TensorFlow.js backend the recognizer can run on; `auto` picks the fastest that works. */
export type BackendName = 'auto' | 'webgl' | 'wasm' | 'cpu';

/** One backend start that was tried, in order. */
export interface BackendAttempt {
  name: Exclude<BackendName, 'auto'>;
  /** For `wasm`: which binary, `'simd+threads'`, `'simd'` or `'plain'`. */
  variant?: WasmVariant;
  ok: boolean;
  /** For `auto` in a browser: the measured time of one landmark-model call on it, in ms. */
  ms?: number;
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
   * Which backend to run on. In a browser, `'auto'` starts each fast candidate that works (WebGL2
   * on a GPU, WASM-SIMD with threads when the page is `crossOriginIsolated`, WASM-SIMD), times one
   * landmark-model call on each and keeps the fastest; software-rendered WebGL is not measured
   * (WASM is faster on the CPU). The choice is cached in `localStorage` per device and library
   * version (`clearBackendChoice()` forgets it). In Node, and when nothing fast starts, it walks
   * the chain WASM-SIMD, plain WASM, CPU. An explicit backend that fails falls back down the same
   * chain (a `backend-fallback` warning event says so). Defaults to `'auto'`.
   */
  backend?: BackendName;
  /**
   * Time limit, in ms, for starting one backend and for timing one on `auto`: a backend that
   * hangs (a WASM worker that never starts) counts as failed and the next one is tried.
   * Defaults to `20000`.
   */
  backendTimeoutMs?: number;
  /** Whether `auto` caches its measured choice in `localStorage`. Defaults to `true`. */
  cacheBackendChoice?: boolean;
  /**
   * Folder (URL in the browser, path in Node) holding `tfjs-backend-wasm.wasm`,
   * `tfjs-backend-wasm-simd.wasm` and `tfjs-backend-wasm-threaded-simd.wasm` from
   * `@tensorflow/tfjs-backend-wasm/dist/`. In Node the installed package's own files are used
   * without it. Defaults to `undefined`: in Node the package's files; in the browser
   * `DEFAULT_BROWSER_WASM_PATH` (`/wasm/` on the page's origin), which is where the
   * `gestureAssets()` Vite plugin from `@gesture/core/vite` serves them (docs/backends.md).
   */
  wasmPath?: string;
}

/** {@link BackendOptions} with `backend` filled in and every field validated. */
export type ResolvedBackendOptions = Readonly<Required<Pick<BackendOptions, 'backend' | 'backendTimeoutMs' | 'cacheBackendChoice'>> & Pick<BackendOptions, 'wasmPath'>>;

/** Default of `backendTimeoutMs`. */
export const DEFAULT_BACKEND_TIMEOUT_MS = 20_000;

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
  const { backend = 'auto', wasmPath, backendTimeoutMs = DEFAULT_BACKEND_TIMEOUT_MS, cacheBackendChoice = true } = stripUndefined({
    backend: options.backend,
    wasmPath: options.wasmPath,
    backendTimeoutMs: options.backendTimeoutMs,
    cacheBackendChoice: options.cacheBackendChoice,
  });
  if (!BACKEND_NAMES.includes(backend)) {
    throw new InvalidOptionsError(`Option backend must be 'auto' | 'webgl' | 'wasm' | 'cpu', got ${describeValue(backend)}.`, { option: 'backend', expected: "'auto' | 'webgl' | 'wasm' | 'cpu'", received: describeValue(backend) });
  }
  if (wasmPath !== undefined && typeof wasmPath !== 'string') {
    throw new InvalidOptionsError('Option wasmPath must be a string.', { option: 'wasmPath', expected: 'string', received: typeof wasmPath });
  }
  if (typeof backendTimeoutMs !== 'number' || !(backendTimeoutMs > 0)) {
    throw new InvalidOptionsError(`Option backendTimeoutMs must be a number > 0, got ${describeValue(backendTimeoutMs)}.`, { option: 'backendTimeoutMs', expected: 'a number > 0', received: describeValue(backendTimeoutMs) });
  }
  if (!bool(cacheBackendChoice)) {
    throw new InvalidOptionsError(`Option cacheBackendChoice must be a boolean, got ${describeValue(cacheBackendChoice)}.`, { option: 'cacheBackendChoice', expected: 'a boolean', received: describeValue(cacheBackendChoice) });
  }
  const common = { backend, backendTimeoutMs, cacheBackendChoice };
  return markResolved('backend', wasmPath === undefined ? common : { ...common, wasmPath });
}

type Backend = Exclude<BackendName, 'auto'>;
/** One backend (and WASM binary) to start. */
export interface Candidate {
  name: Backend;
  variant?: WasmVariant;
}

/** TF.js's own priorities, used when a backend is registered again after a reset. */
const PRIORITY: Record<Backend, number> = { webgl: 2, wasm: 2, cpu: 1 };


/** What the WASM runtime really supports, read once before any flag is overridden. */
let wasmSupport: Promise<{ simd: boolean; threads: boolean }> | undefined;
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

/** Starts one candidate within the time limit and proves it runs; returns its thread count. */
function startBackend(candidate: Candidate, options: ResolvedBackendOptions): Promise<number> {
  const what = `starting ${candidate.variant ? `${candidate.name} (${candidate.variant})` : candidate.name}`;
  return withTimeLimit(startBackendNow(candidate, options), options.backendTimeoutMs, what);
}

async function startBackendNow(candidate: Candidate, options: ResolvedBackendOptions): Promise<number> {
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

function safeReset(name: Backend): void {
  try {
    resetTfBackend(name);
  } catch {
    // nothing registered to reset
  }
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
export async function startTfBackend(options: BackendOptions = {}, why?: string, probe?: BackendProbe): Promise<BackendInfo> {
  // `why` (internal): prefixed to `reason` when the backend is restarted, e.g. after a context loss.
  // `probe` (internal): times a real model call, for `auto` to measure candidates (the recognizer passes one).
  const resolved = resolveBackendOptions(options);
  const requested = resolved.backend;
  const { chain, skipped } = await candidates(requested);
  const tried: BackendAttempt[] = [...skipped];
  if (requested === 'auto' && probe) {
    const hooks = { start: (c: Candidate) => startBackend(c, resolved), reset: safeReset, timeLimitMs: resolved.backendTimeoutMs, cache: resolved.cacheBackendChoice };
    const measured = await measureFastest(chain, probe, hooks, tried);
    if (measured) {
      const { candidate, threads, reason } = measured;
      const simd = candidate.name === 'wasm' && candidate.variant !== 'plain';
      return { name: candidate.name, simd, threads, reason: why ? `${why}; ${reason}` : reason, tried };
    }
  }
  for (const candidate of chain) {
    try {
      const threads = await startBackend(candidate, resolved);
      tried.push({ name: candidate.name, ...(candidate.variant ? { variant: candidate.variant } : {}), ok: true });
      return describeChoice(candidate, threads, requested, tried, why);
    } catch (error) {
      tried.push({ name: candidate.name, ...(candidate.variant ? { variant: candidate.variant } : {}), ok: false, error: errorMessage(error) });
      // Never leave a backend half-started: the next candidate starts from a clean engine.
      safeReset(candidate.name);
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
  // `auto` expects WebGL to be missing or software-rendered on some machines; a WASM binary that
  // fails or hangs, or a cached choice that no longer starts, is worth a warning.
  const unexpected = (t: BackendAttempt) => t.name === 'wasm' || /did not finish within|cached choice/.test(t.error ?? '');
  const failed = backend.tried.filter((t) => !t.ok && !(t.error ?? '').startsWith('not measured'));
  if (failed.length === 0 || (requested === 'auto' && backend.name !== 'cpu' && !failed.some(unexpected))) return null;
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
