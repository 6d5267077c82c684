/**
 * Worker mode on a cross-origin-isolated page (COOP: same-origin, COEP: require-corp), in real
 * Chromium: the worker inherits the isolation, so `auto` starts threaded WASM-SIMD inside it
 * (docs/worker.md). WebGL is off, so `auto` goes to WASM. The page and its bundle are
 * browser-worker.test.ts's. Needs `npm run build` first.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundlePage, hasChromium, launchChromium, serveStatic } from './helpers/browser';

const here = dirname(fileURLToPath(import.meta.url));
const CORE = resolve(here, '../..');
const WASM_DIR = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist';

describe.skipIf(!hasChromium())('worker mode on a cross-origin-isolated page', () => {
  it('runs threaded WASM-SIMD inside the worker', async () => {
    const { build } = await import('esbuild');
    const bundle = await bundlePage({ entry: new URL('./browser/worker-page.ts', import.meta.url) });
    await build({ entryPoints: [join(CORE, 'dist/worker.js')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', outfile: join(bundle.dir, 'worker.js'), logLevel: 'error' });
    const server = await serveStatic({ routes: { '/': bundle.dir, '/models/': join(CORE, 'models'), '/wasm/': WASM_DIR }, crossOriginIsolated: true });
    const chromium = await launchChromium({ webgl: false });
    try {
      const page = await chromium.open(`${server.url}/index.html`);
      await page.waitForFunction(() => (window as unknown as { workerTestReady?: boolean }).workerTestReady === true, undefined, { timeout: 30_000 });
      const backend = await page.evaluate(() => (window as unknown as { workerTest: { backendOf(worker: boolean): Promise<unknown> } }).workerTest.backendOf(true));
      console.log(`cross-origin-isolated page, worker mode: ${JSON.stringify(backend)}`);
      expect(backend).toMatchObject({ name: 'wasm', simd: true, isolated: true, reason: expect.stringMatching(/in a Web Worker$/) });
      expect((backend as { threads: number }).threads).toBeGreaterThan(1);
    } finally {
      await chromium.close();
      await server.close();
      await bundle.remove();
    }
  }, 60_000);
});
