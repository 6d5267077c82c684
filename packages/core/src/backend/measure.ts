import { errorMessage } from '../errors';
import { isNode } from './wasm';
import { hasWebGL2, softwareWebGL } from './webgl-context';
import { withTimeLimit } from './time-limit';
import type { BackendAttempt, Candidate } from './start';

// `auto` in a browser: start each fast candidate that works (WebGL2, WASM-SIMD with threads,
// WASM-SIMD), time one real model call on each, keep the fastest, and remember the choice per
// device and library version so the next page load starts it directly.

/** Times one real model call on the running backend (after a warm-up); resolves to milliseconds. */
export type BackendProbe = () => Promise<number>;

/** The library version the cached choice belongs to (a new version measures again). */
export const BACKEND_CACHE_VERSION = '0.1.0';
/** The `localStorage` key of the cached `auto` choice. */
export const BACKEND_CACHE_KEY = 'gesture:auto-backend';

interface CachedChoice {
  device: string;
  name: Candidate['name'];
  variant?: Candidate['variant'];
  reason: string;
}

/** What `measureFastest()` needs from start.ts (passed in, so the two files do not import each other at run time). */
export interface MeasureHooks {
  /** Starts one candidate (with its time limit); resolves to its thread count. */
  start(candidate: Candidate): Promise<number>;
  /** Drops a backend so it can be started again from scratch. */
  reset(name: Candidate['name']): void;
  timeLimitMs: number;
  cache: boolean;
  /** What WebGL2 is here: none, software-rendered (why), or on a GPU. Defaults to asking a canvas. */
  inspectWebGL?: () => { available: boolean; software: string | null };
}

const inspectWebGL = () => {
  const available = hasWebGL2();
  return { available, software: available ? softwareWebGL() : null };
};

/** A measured winner: the candidate, its thread count, and why in words. */
export interface MeasuredChoice {
  candidate: Candidate;
  threads: number;
  reason: string;
}

const label = (c: { name: string; variant?: string }) => (c.variant ? `${c.name} (${c.variant})` : c.name);
const attempt = (c: Candidate, rest: Omit<BackendAttempt, 'name' | 'variant'>): BackendAttempt => ({ name: c.name, ...(c.variant ? { variant: c.variant } : {}), ...rest });

function storage(): Storage | null {
  try {
    return isNode() ? null : (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null; // a sandboxed page can throw on access
  }
}

/** The device the measurement holds for: browser, cores, isolation and library version. */
function deviceKey(): string {
  const nav = globalThis.navigator as Navigator | undefined;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  return `${BACKEND_CACHE_VERSION}|${nav?.userAgent ?? '?'}|${nav?.hardwareConcurrency ?? '?'}|${isolated ? 'isolated' : 'not-isolated'}`;
}

function readCache(): CachedChoice | null {
  try {
    const raw = storage()?.getItem(BACKEND_CACHE_KEY);
    const cached = raw ? (JSON.parse(raw) as CachedChoice) : null;
    return cached && cached.device === deviceKey() ? cached : null;
  } catch {
    return null;
  }
}

/**
 * Forgets the backend `auto` measured on this device, so the next recognizer measures again
 * (for example after a driver update). Does nothing in Node or without `localStorage`.
 *
 * @example
 * clearBackendChoice();
 * const recognizer = await createGestureRecognizer({ backend: 'auto' }); // measures again
 */
export function clearBackendChoice(): void {
  try {
    storage()?.removeItem(BACKEND_CACHE_KEY);
  } catch {
    // nothing cached
  }
}

/** The candidates worth measuring: WebGL2 on a real GPU, threaded WASM-SIMD, WASM-SIMD (plain WASM and CPU stay fallbacks). */
function fastCandidates(chain: readonly Candidate[], tried: BackendAttempt[], inspect: MeasureHooks['inspectWebGL'] = inspectWebGL): Candidate[] {
  const fast: Candidate[] = [];
  for (const c of chain) {
    if (c.name === 'cpu' || c.variant === 'plain') continue;
    if (c.name === 'webgl') {
      // No WebGL2 at all: nothing to measure (the ordinary chain still tries it, and says why it fails).
      const webgl = inspect();
      if (!webgl.available) continue;
      const software = webgl.software;
      // Measuring it would block the page for seconds of shader compilation on the CPU; WASM is
      // faster there. It stays in the fallback chain in case no WASM binary starts.
      if (software) {
        tried.push(attempt(c, { ok: false, error: `not measured: WebGL is software-rendered here (${software}), slower than WASM on the same CPU` }));
        continue;
      }
    }
    fast.push(c);
  }
  // WebGL first (its instance survives a switch), then WASM-SIMD, then threads (the likely winner last, so it is not restarted).
  return fast.sort((a, b) => rank(a) - rank(b));
}
const rank = (c: Candidate) => (c.name === 'webgl' ? 0 : c.variant === 'simd' ? 1 : 2);

/**
 * Starts and times each fast candidate, then leaves the fastest running. Resolves to `null` when
 * there is nothing to compare (fewer than two fast candidates) or none of them worked: the caller
 * then walks the ordinary chain. Every start and probe has `hooks.timeLimitMs`.
 */
export async function measureFastest(chain: readonly Candidate[], probe: BackendProbe, hooks: MeasureHooks, tried: BackendAttempt[]): Promise<MeasuredChoice | null> {
  const skipped: BackendAttempt[] = [];
  const fast = fastCandidates(chain, skipped, hooks.inspectWebGL);
  if (fast.length === 0 || (fast.length === 1 && skipped.length === 0)) return null;
  tried.push(...skipped);
  if (fast.length === 1) {
    // Only software WebGL beside it: nothing worth measuring.
    const only = fast[0]!;
    try {
      const threads = await hooks.start(only);
      tried.push(attempt(only, { ok: true }));
      return { candidate: only, threads, reason: `'auto' started ${label(only)} without measuring: WebGL is software-rendered here and slower than WASM` };
    } catch (error) {
      tried.push(attempt(only, { ok: false, error: errorMessage(error) }));
      hooks.reset(only.name);
      return null;
    }
  }
  const cached = hooks.cache ? readCache() : null;
  const cachedCandidate = cached && fast.find((c) => c.name === cached.name && c.variant === cached.variant);
  if (cached && cachedCandidate) {
    try {
      const threads = await hooks.start(cachedCandidate);
      tried.push(attempt(cachedCandidate, { ok: true }));
      return { candidate: cachedCandidate, threads, reason: `'auto' used the choice measured earlier on this device (clearBackendChoice() measures again): ${cached.reason}` };
    } catch (error) {
      tried.push(attempt(cachedCandidate, { ok: false, error: `the cached choice failed: ${errorMessage(error)}` }));
      clearBackendChoice();
      hooks.reset(cachedCandidate.name);
    }
  }
  const times: { candidate: Candidate; threads: number; ms: number }[] = [];
  let running: Candidate | null = null;
  for (const candidate of fast) {
    try {
      // One 'wasm' backend at a time: another binary replaces the running one (else TF.js keeps it).
      if (candidate.name === 'wasm' && running?.name === 'wasm') hooks.reset('wasm');
      const threads = await hooks.start(candidate);
      running = candidate;
      const ms = await withTimeLimit(probe(), hooks.timeLimitMs, `timing a model call on ${label(candidate)}`);
      times.push({ candidate, threads, ms });
      tried.push(attempt(candidate, { ok: true, ms }));
    } catch (error) {
      tried.push(attempt(candidate, { ok: false, error: errorMessage(error) }));
      hooks.reset(candidate.name);
      running = null;
    }
  }
  if (times.length === 0) return null;
  const best = times.reduce((a, b) => (b.ms < a.ms ? b : a));
  const others = times.filter((t) => t !== best).map((t) => `${label(t.candidate)} ${t.ms.toFixed(1)} ms`);
  const reason = `'auto' measured one landmark-model call on each backend and kept the fastest: ${label(best.candidate)} ${best.ms.toFixed(1)} ms${others.length ? ` (vs ${others.join(', ')})` : ''}`;
  let threads = best.threads;
  if (running !== best.candidate) {
    // Another WASM binary (or WASM over WebGL) is running now: start the winner again.
    if (best.candidate.name === 'wasm') hooks.reset('wasm');
    threads = await hooks.start(best.candidate);
  }
  // Release what the losers hold (a WebGL context, a WASM heap).
  for (const name of new Set(times.map((t) => t.candidate.name))) if (name !== best.candidate.name) hooks.reset(name);
  if (hooks.cache) {
    try {
      const entry: CachedChoice = { device: deviceKey(), name: best.candidate.name, ...(best.candidate.variant ? { variant: best.candidate.variant } : {}), reason };
      storage()?.setItem(BACKEND_CACHE_KEY, JSON.stringify(entry));
    } catch {
      // storage full or refused: measure again next time
    }
  }
  return { candidate: best.candidate, threads, reason };
}
