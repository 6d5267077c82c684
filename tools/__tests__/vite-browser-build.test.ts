import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, createLogger } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures';

/**
 * A fresh browser app, built with Vite the way docs/quick-start.md says (the `gestureAssets()`
 * plugin, `chunkSizeWarningLimit` for TF.js), must build without a single warning: in particular
 * no `new URL("../models/", import.meta.url) doesn't exist at build time` from Node-only code, which
 * the `browser` export condition (`dist/index.browser.js`) keeps out of web bundles.
 */
const CACHE = join(REPO_ROOT, 'node_modules/.cache');
mkdirSync(CACHE, { recursive: true });
// Inside the repository, so `@gesture/core` and the TF.js peers resolve from its node_modules.
const APP = mkdtempSync(join(CACHE, 'gesture-vite-app-'));
afterAll(() => rmSync(APP, { recursive: true, force: true }));

const MAIN = `import { createGestureRecognizer, fromVideoElement } from '@gesture/core';

const video = document.querySelector('video');
const recognizer = await createGestureRecognizer({ modelBaseUrl: '/models/', wasmPath: '/wasm/' });
recognizer.events(fromVideoElement(video)).subscribe((event) => console.log(event));
`;

describe('a Vite browser build of @gesture/core', () => {
  it('has no warnings, no Node-only code, and copies the models and WASM files', async () => {
    writeFileSync(join(APP, 'index.html'), '<!doctype html><video></video><script type="module" src="/main.js"></script>\n');
    writeFileSync(join(APP, 'main.js'), MAIN);
    const warnings: string[] = [];
    const logger = createLogger('warn', { allowClearScreen: false });
    logger.warn = (message) => void warnings.push(message);
    logger.warnOnce = (message) => void warnings.push(message);
    const { gestureAssets } = await import('@gesture/core/vite');
    const result = await build({
      root: APP,
      configFile: false,
      logLevel: 'warn',
      customLogger: logger,
      plugins: [gestureAssets()],
      build: { outDir: join(APP, 'dist'), target: 'es2022', chunkSizeWarningLimit: 2000, rollupOptions: { onwarn: (warning) => void warnings.push(String(warning.message)) } },
    });
    // Rolldown's [PLUGIN_TIMINGS] notice says how long plugins took (vite:worker-import-meta-url
    // bundles dist/worker.js, TF.js included, inside its transform): a timing, not a problem of the build.
    expect(warnings.filter((w) => !w.includes('[PLUGIN_TIMINGS]'))).toEqual([]);
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
    const js = outputs.filter((o) => o.type === 'chunk').map((o) => (o as { code: string }).code).join('\n');
    expect(js).not.toMatch(/node:fs|process\.cwd|\.\.\/models\//);
    expect(outputs.map((o) => o.fileName)).toEqual(expect.arrayContaining(['models/handdetect.json', 'wasm/tfjs-backend-wasm-simd.wasm']));
    // The worker of `worker: true` is bundled without configuration (fetched only if used).
    expect(outputs.map((o) => o.fileName)).toEqual(expect.arrayContaining([expect.stringMatching(/^assets\/worker-[\w-]+\.js$/)]));
  });
});
