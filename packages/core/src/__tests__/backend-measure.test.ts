import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BACKEND_CACHE_VERSION, measureFastest, type MeasureHooks } from '../backend/measure';
import type { BackendAttempt, Candidate } from '../backend/start';
import { withTimeLimit } from '../backend/time-limit';

// `auto`'s measurement with fake backends: which one wins, what is restarted and released, and
// that a hang or a failure is a lost candidate, never a wait. (In Node there is no localStorage,
// so nothing is cached here; the browser test covers the cache.)
const chain: Candidate[] = [{ name: 'webgl' }, { name: 'wasm', variant: 'simd+threads' }, { name: 'wasm', variant: 'simd' }, { name: 'wasm', variant: 'plain' }, { name: 'cpu' }];
const key = (c: Candidate) => (c.variant ? `${c.name}:${c.variant}` : c.name);

function fakeBackends(ms: Record<string, number | 'fails' | 'hangs'>, timeLimitMs = 200) {
  const log: string[] = [];
  let running = '';
  const hooks: MeasureHooks = {
    start: (c) => {
      log.push(`start ${key(c)}`);
      if (ms[key(c)] === 'fails') return Promise.reject(new Error(`${key(c)} broke`));
      running = key(c);
      const started = Promise.resolve(c.variant === 'simd+threads' ? 2 : 1);
      return withTimeLimit(ms[key(c)] === 'hangs' ? new Promise<number>(() => {}) : started, timeLimitMs, `starting ${key(c)}`);
    },
    reset: (name) => void log.push(`reset ${name}`),
    timeLimitMs,
    cache: false,
    inspectWebGL: () => ({ available: true, software: null }),
  };
  const probe = () => Promise.resolve(ms[running] as number);
  return { hooks, probe, log };
}

describe("'auto' measures the fast candidates and keeps the fastest", () => {
  it('WASM with threads beats WebGL and WASM-SIMD; each time is reported; the loser WebGL is released', async () => {
    const { hooks, probe, log } = fakeBackends({ webgl: 40, 'wasm:simd': 30, 'wasm:simd+threads': 12 });
    const tried: BackendAttempt[] = [];
    const choice = await measureFastest(chain, probe, hooks, tried);
    expect(choice).toMatchObject({ candidate: { name: 'wasm', variant: 'simd+threads' }, threads: 2 });
    expect(choice!.reason).toMatch(/measured.*wasm \(simd\+threads\) 12\.0 ms \(vs webgl 40\.0 ms, wasm \(simd\) 30\.0 ms\)/);
    expect(tried).toEqual([
      { name: 'webgl', ok: true, ms: 40 },
      { name: 'wasm', variant: 'simd', ok: true, ms: 30 },
      { name: 'wasm', variant: 'simd+threads', ok: true, ms: 12 },
    ]);
    // Threads were measured last, so they keep running; WebGL's context is released.
    expect(log).toEqual(['start webgl', 'start wasm:simd', 'reset wasm', 'start wasm:simd+threads', 'reset webgl']);
  });

  it('a winner measured earlier is started again; the other WASM binary is dropped first', async () => {
    const { hooks, probe, log } = fakeBackends({ webgl: 10, 'wasm:simd': 30, 'wasm:simd+threads': 20 });
    const choice = await measureFastest(chain, probe, hooks, []);
    expect(choice!.candidate).toEqual({ name: 'webgl' });
    expect(log.slice(4)).toEqual(['start webgl', 'reset wasm']);
  });

  it('a candidate that hangs or fails loses, with the reason in tried', async () => {
    const { hooks, probe } = fakeBackends({ webgl: 'fails', 'wasm:simd': 30, 'wasm:simd+threads': 'hangs' }, 100);
    const tried: BackendAttempt[] = [];
    const started = Date.now();
    const choice = await measureFastest(chain, probe, hooks, tried);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(choice!.candidate).toEqual({ name: 'wasm', variant: 'simd' });
    expect(tried.find((t) => t.name === 'webgl')).toMatchObject({ ok: false, error: 'webgl broke' });
    expect(tried.find((t) => t.variant === 'simd+threads')).toMatchObject({ ok: false, error: expect.stringMatching(/did not finish within 100 ms/) });
  });

  it('a probe that hangs is a failed candidate too', async () => {
    const { hooks } = fakeBackends({ webgl: 5, 'wasm:simd': 30 }, 100);
    const tried: BackendAttempt[] = [];
    let calls = 0;
    const probe = () => (++calls === 1 ? new Promise<number>(() => {}) : Promise.resolve(30));
    const choice = await measureFastest(chain.filter((c) => c.variant !== 'simd+threads'), probe, hooks, tried);
    expect(choice!.candidate).toEqual({ name: 'wasm', variant: 'simd' });
    expect(tried[0]).toMatchObject({ name: 'webgl', ok: false, error: expect.stringMatching(/timing a model call on webgl did not finish/) });
  });

  it('software WebGL is not measured: WASM starts without a probe; no WebGL at all is left to the chain', async () => {
    const { hooks, probe, log } = fakeBackends({ webgl: 300, 'wasm:simd': 30 });
    const tried: BackendAttempt[] = [];
    const software = await measureFastest(chain.filter((c) => c.variant !== 'simd+threads'), probe, { ...hooks, inspectWebGL: () => ({ available: true, software: "renderer 'SwiftShader'" }) }, tried);
    expect(software!.candidate).toEqual({ name: 'wasm', variant: 'simd' });
    expect(software!.reason).toMatch(/without measuring/);
    expect(tried[0]).toMatchObject({ name: 'webgl', ok: false, error: expect.stringMatching(/not measured.*SwiftShader/) });
    expect(log).toEqual(['start wasm:simd']);
    expect(await measureFastest(chain.filter((c) => c.variant !== 'simd+threads'), probe, { ...hooks, inspectWebGL: () => ({ available: false, software: null }) }, [])).toBeNull();
  });

  it('nothing to compare (Node: WASM-SIMD only) or nothing works: null, the ordinary chain decides', async () => {
    const { hooks, probe } = fakeBackends({ 'wasm:simd': 30 });
    expect(await measureFastest([{ name: 'wasm', variant: 'simd' }, { name: 'wasm', variant: 'plain' }, { name: 'cpu' }], probe, hooks, [])).toBeNull();
    const broken = fakeBackends({ webgl: 'fails', 'wasm:simd': 'fails', 'wasm:simd+threads': 'fails' });
    expect(await measureFastest(chain, broken.probe, broken.hooks, [])).toBeNull();
  });
});

it("the cached choice is keyed by this package's version (a new version measures again)", () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(BACKEND_CACHE_VERSION).toBe(version);
});
