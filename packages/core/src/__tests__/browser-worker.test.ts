/**
 * Worker mode (`createGestureRecognizer({ worker: true })`) in real Chromium, as an app gets it:
 * the page bundles the built browser entry of @gesture/core, and `dist/worker.js` is bundled
 * beside it as `worker.js` (what Vite or webpack do with `new Worker(new URL('./worker.js',
 * import.meta.url))`). A fake camera plays the overlay clip. Checks: the same events as the
 * main-thread mode on the same grabbed camera frames; no main-thread long task (> 50 ms) while
 * the worker recognises the live camera; register → export → import through the worker as on the
 * main thread; dispose() terminates the worker. Needs `npm run build` first.
 */
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker as PageWorker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePage, hasChromium, launchChromium, serveStatic, type ChromiumSession, type PageBundle, type StaticServer } from './helpers/browser';
import { buildCameraClip, OVERLAY_SEGMENTS } from './helpers/example-app';
import { FIXTURES_DIR, fixtureFiles } from './helpers/fixtures';

const here = dirname(fileURLToPath(import.meta.url));
const CORE = resolve(here, '../..');
const WASM_DIR = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist';
/** Three photos of a `three` hand to teach, and a fourth to recognise. */
const THREE = fixtureFiles('three').slice(0, 4).map((file) => `/fixtures/three/${basename(file)}`);

/** How long the worker mode watches the live camera for long tasks: `$GESTURE_WORKER_LIVE_MS` (the 20 s: `GESTURE_WORKER_LIVE_MS=20000`), else 8 s. */
const LIVE_MS = Number(process.env.GESTURE_WORKER_LIVE_MS ?? 8000);

/** `window.workerTest` of browser/worker-page.ts, as page.evaluate() sees it. */
type Api = { workerTest: Record<string, (...args: unknown[]) => Promise<unknown>> };

describe.skipIf(!hasChromium())('worker mode in Chromium', () => {
  let bundle: PageBundle;
  let server: StaticServer;
  let chromium: ChromiumSession;
  let clip: Awaited<ReturnType<typeof buildCameraClip>>;
  const workers: PageWorker[] = [];
  let page: Awaited<ReturnType<ChromiumSession['open']>>;

  beforeAll(async () => {
    const { build } = await import('esbuild');
    bundle = await bundlePage({ entry: new URL('./browser/worker-page.ts', import.meta.url) });
    await build({ entryPoints: [join(CORE, 'dist/worker.js')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', outfile: join(bundle.dir, 'worker.js'), logLevel: 'error' });
    clip = await buildCameraClip(OVERLAY_SEGMENTS);
    server = await serveStatic({ routes: { '/': bundle.dir, '/models/': join(CORE, 'models'), '/wasm/': WASM_DIR, '/fixtures/': FIXTURES_DIR } });
    chromium = await launchChromium({ fakeCamera: { file: clip.file } });
    page = await chromium.context.newPage();
    page.on('worker', (worker) => workers.push(worker));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => (window as unknown as { workerTestReady?: boolean }).workerTestReady === true, undefined, { timeout: 30_000 });
    const reasons = await page.evaluate(() => (window as unknown as Api).workerTest.load!());
    expect((reasons as { worker: string }).worker).toMatch(/in a Web Worker$/);
    expect(workers).toHaveLength(1);
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await bundle?.remove();
    await clip?.remove();
  });

  it('gives the same events as the main thread on the same camera frames', async () => {
    await page.evaluate(() => (window as unknown as Api).workerTest.grab!(60, 200));
    const onMain = (await page.evaluate(() => (window as unknown as Api).workerTest.recordedEvents!(false))) as string[];
    const inWorker = (await page.evaluate(() => (window as unknown as Api).workerTest.recordedEvents!(true))) as string[];
    expect(onMain.some((line) => line.includes('"type":"gesture"'))).toBe(true);
    expect(inWorker).toEqual(onMain);
    await page.evaluate(() => (window as unknown as Api).workerTest.release!());
  }, 90_000);

  it('leaves no long task (> 50 ms) on the main thread while the worker recognises the live camera', async () => {
    const live = (await page.evaluate((ms) => (window as unknown as Api).workerTest.live!(true, ms), LIVE_MS)) as { longTasks: [number, number][]; frames: number; events: string[] };
    const onMain = (await page.evaluate(() => (window as unknown as Api).workerTest.live!(false, 3000))) as { longTasks: [number, number][]; frames: number };
    console.log(`live camera: worker mode ${live.frames} frames in ${LIVE_MS / 1000} s, long tasks ${JSON.stringify(live.longTasks)}; main-thread mode ${onMain.frames} frames in 3 s, ${onMain.longTasks.length} long tasks`);
    expect(live.frames).toBeGreaterThan(10);
    expect(live.longTasks).toEqual([]);
    expect(onMain.longTasks.length).toBeGreaterThan(0);
  }, 60_000 + LIVE_MS);

  it('registers, exports and imports through the worker as on the main thread', async () => {
    const inWorker = await page.evaluate((urls) => (window as unknown as Api).workerTest.registry!(true, urls), THREE);
    const onMain = await page.evaluate((urls) => (window as unknown as Api).workerTest.registry!(false, urls), THREE);
    expect(inWorker).toMatchObject({ exported: expect.arrayContaining(['rock-test']), imported: ['rock-test'] });
    expect((inWorker as { accepted: number }).accepted).toBeGreaterThan(0);
    expect(inWorker).toEqual(onMain);
  }, 60_000);

  it('dispose() terminates the worker', async () => {
    const first = workers[0]!;
    const closed = new Promise<void>((resolve) => first.once('close', () => resolve()));
    await page.evaluate(() => (window as unknown as Api).workerTest.dispose!());
    await closed;
  }, 20_000);
});
