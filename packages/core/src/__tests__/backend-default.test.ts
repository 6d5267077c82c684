import { describe, expect, it } from 'vitest';
import { startTfBackend } from '../backend/start';

// Its own file (own process): TF.js has one backend per process.
describe('backend selection in Node, defaults', () => {
  it("'auto' is WASM with SIMD, found in the installed package without configuration, 1 thread", async () => {
    const info = await startTfBackend({});
    expect(info).toMatchObject({ name: 'wasm', simd: true, threads: 1 });
    expect(info.tried).toEqual([{ name: 'wasm', variant: 'simd', ok: true }]);
    expect(info.reason).toMatch(/'auto' picked/);
  });

  it("an explicit 'webgl' falls back to WASM-SIMD and says WebGL exists only in a browser", async () => {
    const info = await startTfBackend({ backend: 'webgl' });
    expect(info).toMatchObject({ name: 'wasm', simd: true });
    expect(info.tried[0]).toMatchObject({ name: 'webgl', ok: false, error: 'WebGL exists only in a browser' });
    expect(info.reason).toMatch(/'webgl' failed, fell back to 'wasm'/);
  });

});
