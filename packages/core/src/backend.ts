import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from './errors';

/** A TensorFlow.js backend the recognizer can run on; `auto` picks the fastest that works. */
export type BackendName = 'auto' | 'webgl' | 'wasm' | 'cpu';

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
  tried: { name: Exclude<BackendName, 'auto'>; ok: boolean; error?: string }[];
}

/** Options of backend selection. */
export interface BackendOptions {
  /** Which backend to run on; an explicit one that fails falls back down the chain. Defaults to `'auto'`. */
  backend?: BackendName;
  /**
   * Folder or URL holding the `tfjs-backend-wasm*.wasm` files. In Node they are found in the
   * installed package without this. Defaults to `undefined` (the package's own files).
   */
  wasmPath?: string;
}

const isNode = (): boolean => typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';

async function startWasm(wasmPath: string | undefined): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (wasmPath) wasm.setWasmPaths(wasmPath.endsWith('/') || wasmPath.endsWith('.wasm') ? wasmPath : `${wasmPath}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error(`the WASM binary could not be started${wasmPath ? ` from ${wasmPath}` : ''}`);
}

async function startBackend(name: Exclude<BackendName, 'auto'>, options: BackendOptions): Promise<void> {
  if (name === 'wasm') return startWasm(options.wasmPath);
  if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
    if (!(await tf.setBackend('webgl'))) throw new Error('WebGL2 is not available');
    // A tiny op proves the context really runs.
    tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
    return;
  }
  await import('@tensorflow/tfjs-backend-cpu');
  if (!(await tf.setBackend('cpu'))) throw new Error('the CPU backend could not be started');
}

const CHAIN: Exclude<BackendName, 'auto'>[] = ['webgl', 'wasm', 'cpu'];

/**
 * Starts a TF.js backend. `auto` tries WebGL (browser only), then WASM, then CPU; an explicit
 * backend that fails falls back down the same chain. Throws `BackendError` if none starts.
 */
export async function startTfBackend(options: BackendOptions = {}): Promise<BackendInfo> {
  const requested = options.backend ?? 'auto';
  let chain = requested === 'auto' ? CHAIN : CHAIN.slice(CHAIN.indexOf(requested));
  if (isNode()) chain = chain.filter((name) => name !== 'webgl');
  const tried: BackendInfo['tried'] = [];
  for (const name of chain) {
    try {
      await startBackend(name, options);
      tried.push({ name, ok: true });
      const simd = name === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : false;
      const threads = name === 'wasm' && (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) ? Math.max(1, (globalThis.navigator?.hardwareConcurrency ?? 1)) : 1;
      const why = requested === name ? `requested '${name}'` : requested === 'auto' ? `'auto' picked the first backend that started (${isNode() ? 'Node: wasm, then cpu' : 'webgl, wasm, cpu'})` : `'${requested}' failed, fell back to '${name}'`;
      return { name, simd, threads: name === 'wasm' ? threads : 1, reason: why, tried };
    } catch (error) {
      tried.push({ name, ok: false, error: (error as Error)?.message ?? String(error) });
    }
  }
  throw new BackendError(`No TensorFlow.js backend could be started (tried ${tried.map((t) => `${t.name}: ${t.error}`).join('; ')}).`, {
    backend: requested,
    tried: tried.map((t) => t.name),
    ...(options.wasmPath ? { path: options.wasmPath } : {}),
  });
}
