/**
 * Backend selection in real Chromium (Debian `chromium` through playwright-core): WebGL2 through
 * SwiftShader, no WebGL, a cross-origin-isolated page (WASM threads), a bad `wasmPath`, and a
 * WebGL context lost mid-stream. One bundle of `browser/page.ts` (in os.tmpdir()) serves every
 * test; each test gets its own browser. Recognition is checked against Node's WASM result on the
 * same photos.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendInfo } from '../backend/start';
import { createGestureRecognizer } from '../recognizer';
import type { PagePhoto } from './browser/page';
import { bundlePage, hasChromium, launchChromium, serveStatic, type ChromiumSession, type PageBundle, type StaticServer } from './helpers/browser';
import { decodeFixture, FIXTURES_DIR } from './helpers/fixtures';

const here = dirname(fileURLToPath(import.meta.url));
const MODELS_DIR = resolve(here, '../../models');
const WASM_DIR = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist';

/** Two webcam frames (800×600) and two close-ups (100×100), four gestures. */
const PHOTOS = ['palm/sld__5_IMG_4039.jpg', 'fist/subhih__15_pic00002.jpg', 'peace/sld__2_IMG_4438.jpg', 'one/subhih__1528664299.56_pic00084.jpg'];
const photoUrl = (photo: string) => `/fixtures/${photo}`;

/** The SDK's browser default (`/wasm/`) is where the binaries are served: no wasmPath needed. */
const routes = () => ({ '/': bundle.dir, '/models/': MODELS_DIR, '/wasm/': WASM_DIR, '/fixtures/': FIXTURES_DIR });

let bundle: PageBundle;
/** Node's WASM result on PHOTOS, the reference. */
let nodeResults: { width: number; height: number; hands: { gesture: string; landmarks: number[][] }[] }[];

async function openPage(session: ChromiumSession, server: StaticServer): Promise<Page> {
  const page = await session.open(`${server.url}/index.html`);
  await page.waitForFunction(() => window.gestureReady === true, undefined, { timeout: 30_000 });
  return page;
}

async function withPage<T>(launch: { webgl: boolean; crossOriginIsolated?: boolean }, run: (page: Page, server: StaticServer) => Promise<T>): Promise<T> {
  const server = await serveStatic({ routes: routes(), crossOriginIsolated: launch.crossOriginIsolated ?? false });
  const session = await launchChromium({ webgl: launch.webgl });
  try {
    return await run(await openPage(session, server), server);
  } finally {
    await session.close();
    await server.close();
  }
}

/** Same gestures as Node; every landmark within 2% of the image size of Node's WASM result. */
function expectSameAsNode(photos: PagePhoto[]): void {
  expect(photos).toHaveLength(nodeResults.length);
  photos.forEach((photo, i) => {
    const node = nodeResults[i]!;
    expect([photo.width, photo.height], PHOTOS[i]).toEqual([node.width, node.height]);
    expect(photo.hands.map((h) => h.gesture), PHOTOS[i]).toEqual(node.hands.map((h) => h.gesture));
    const size = Math.max(photo.width, photo.height);
    photo.hands.forEach((hand, h) => {
      const worst = Math.max(...hand.landmarks.map((p, k) => Math.hypot(p[0] - node.hands[h]!.landmarks[k]![0]!, p[1] - node.hands[h]!.landmarks[k]![1]!)));
      expect(worst / size, `${PHOTOS[i]}: largest landmark distance from Node's`).toBeLessThan(0.02);
    });
  });
}

describe.skipIf(!hasChromium())('backends in real Chromium', () => {
  beforeAll(async () => {
    bundle = await bundlePage({ entry: join(here, 'browser', 'page.ts') });
    const recognizer = await createGestureRecognizer({ backend: 'wasm' });
    try {
      nodeResults = [];
      for (const photo of PHOTOS) {
        const frame = await decodeFixture(join(FIXTURES_DIR, photo));
        const { hands } = await recognizer.recognize(frame);
        nodeResults.push({ width: frame.width, height: frame.height, hands: hands.map((h) => ({ gesture: h.gesture, landmarks: h.landmarks })) });
      }
    } finally {
      recognizer.dispose();
    }
    // Every photo has its hand in Node, so the browser comparisons below compare something.
    expect(nodeResults.map((r) => r.hands.length)).toEqual(PHOTOS.map(() => 1));
  });
  afterAll(async () => {
    await bundle?.remove();
  });

  it("SwiftShader WebGL2: 'auto' picks WASM (software WebGL is not measured), the choice is cached; 'webgl' forced still works like Node", async () => {
    await withPage({ webgl: true }, async (page) => {
      const created = await page.evaluate(() => window.gestureTest.create({}));
      expect(created).toHaveProperty('backend');
      const { backend } = created as { backend: BackendInfo };
      expect(backend).toMatchObject({ name: 'wasm', simd: true });
      expect(backend.tried[0]).toMatchObject({ name: 'webgl', ok: false, error: expect.stringMatching(/software-rendered/i) });
      expect(backend.reason).toMatch(/auto/);
      // The next page load on this device reads the choice back instead of measuring again.
      const cached = await page.evaluate(() => localStorage.getItem('gesture:auto-backend'));
      const again = (await page.evaluate(() => window.gestureTest.create({}))) as { backend: BackendInfo };
      console.log(`auto on SwiftShader: ${backend.reason}; cached ${cached}; again: ${again.backend.reason}`);
      const forced = (await page.evaluate(() => window.gestureTest.create({ backend: 'webgl', cacheBackendChoice: false }))) as { backend: BackendInfo };
      expect(forced.backend).toMatchObject({ name: 'webgl', tried: [{ name: 'webgl', ok: true }] });
      expectSameAsNode(await page.evaluate((urls) => window.gestureTest.recognize(urls), PHOTOS.map(photoUrl)));
    });
  });

  it("no WebGL (--disable-gpu): 'auto' picks wasm with SIMD, the binaries found at the default /wasm/", async () => {
    await withPage({ webgl: false }, async (page, server) => {
      const { backend } = (await page.evaluate(() => window.gestureTest.create({}))) as { backend: BackendInfo };
      expect(backend).toMatchObject({ name: 'wasm', simd: true, threads: 1 });
      expect(backend.tried).toMatchObject([
        { name: 'webgl', ok: false, error: 'WebGL2 is not available' },
        { name: 'wasm', variant: 'simd', ok: true },
      ]);
      expect(server.requests.filter((r) => r.path.endsWith('.wasm'))).toEqual([{ path: '/wasm/tfjs-backend-wasm-simd.wasm', status: 200 }]);
      expectSameAsNode(await page.evaluate((urls) => window.gestureTest.recognize(urls), PHOTOS.map(photoUrl)));
    });
  });

  it("a page served with COOP/COEP: 'auto' times WASM-SIMD and WASM-SIMD with threads, keeps the faster, caches the choice", async () => {
    await withPage({ webgl: false, crossOriginIsolated: true }, async (page, server) => {
      const env = await page.evaluate(() => window.gestureTest.environment());
      expect(env.crossOriginIsolated).toBe(true);
      expect(env.hardwareConcurrency).toBeGreaterThanOrEqual(2);
      const { backend } = (await page.evaluate(() => window.gestureTest.create({}))) as { backend: BackendInfo };
      expect(backend).toMatchObject({ name: 'wasm', simd: true });
      // No WebGL2 context at all here: only the two WASM binaries are candidates.
      expect(backend.tried).toMatchObject([
        { name: 'wasm', variant: 'simd', ok: true, ms: expect.any(Number) },
        { name: 'wasm', variant: 'simd+threads', ok: true, ms: expect.any(Number) },
      ]);
      const [simd, threaded] = [backend.tried[0]!.ms!, backend.tried[1]!.ms!];
      console.log(`COOP/COEP auto: ${backend.reason}`);
      expect(backend.threads).toBe(threaded < simd ? Math.min(8, env.hardwareConcurrency) : 1);
      expect(backend.reason).toMatch(/measured/);
      expect([...new Set(server.requests.filter((r) => r.path.endsWith('.wasm')).map((r) => r.path))].sort()).toEqual(['/wasm/tfjs-backend-wasm-simd.wasm', '/wasm/tfjs-backend-wasm-threaded-simd.wasm']);
      // A second recognizer on this page (a later page load) starts the cached choice, unmeasured.
      const again = (await page.evaluate(() => window.gestureTest.create({}))) as { backend: BackendInfo };
      expect(again.backend.reason).toMatch(/measured earlier on this device/);
      expect(again.backend.tried.every((t) => t.ms === undefined)).toBe(true);
      expect(again.backend.threads).toBe(backend.threads);
      // The shadowed navigator.hardwareConcurrency is back to the real value.
      expect((await page.evaluate(() => window.gestureTest.environment())).hardwareConcurrency).toBe(env.hardwareConcurrency);
      const photos = await page.evaluate((urls) => window.gestureTest.recognize(urls), PHOTOS.slice(0, 2).map(photoUrl));
      expect(photos.map((p) => p.hands.map((h) => h.gesture))).toEqual(nodeResults.slice(0, 2).map((r) => r.hands.map((h) => h.gesture)));
    });
  });

  it('an esbuild-minified page with COOP/COEP: auto reaches a WASM backend within seconds; threads run or are recorded as failed', async () => {
    const minified = await bundlePage({ entry: join(here, 'browser', 'page.ts'), minify: true });
    const server = await serveStatic({ routes: { ...routes(), '/': minified.dir }, crossOriginIsolated: true });
    const session = await launchChromium({ webgl: false });
    try {
      const page = await openPage(session, server);
      const started = Date.now();
      const created = (await page.evaluate(() => window.gestureTest.create({ cacheBackendChoice: false }))) as { backend: BackendInfo };
      const tookMs = Date.now() - started;
      console.log(`esbuild minified + COOP/COEP: ${tookMs} ms; ${created.backend.reason}; tried ${JSON.stringify(created.backend.tried)}`);
      expect(created.backend.name).toBe('wasm');
      expect(tookMs).toBeLessThan(15_000);
      const threads = created.backend.tried.find((t) => t.variant === 'simd+threads');
      expect(threads).toBeDefined();
      const photos = await page.evaluate((urls) => window.gestureTest.recognize(urls), PHOTOS.slice(0, 1).map(photoUrl));
      expect(photos[0]!.hands.map((h) => h.gesture)).toEqual(nodeResults[0]!.hands.map((h) => h.gesture));
    } finally {
      await session.close();
      await server.close();
      await minified.remove();
    }
  });

  it("a bad wasmPath: 'wasm' falls back to cpu with a backend-fallback warning naming the URL, and recognition works", async () => {
    await withPage({ webgl: false }, async (page, server) => {
      const { backend } = (await page.evaluate(() => window.gestureTest.create({ backend: 'wasm', wasmPath: '/no-such-folder/' }))) as { backend: BackendInfo };
      const missing = `${server.url}/no-such-folder/tfjs-backend-wasm-simd.wasm`;
      expect(backend.name).toBe('cpu');
      expect(backend.tried).toMatchObject([
        { name: 'wasm', variant: 'simd', ok: false, error: `cannot load ${missing} (HTTP 404)` },
        { name: 'wasm', variant: 'plain', ok: false },
        { name: 'cpu', ok: true },
      ]);
      expect(backend.reason).toContain(missing);
      // One close-up keeps the CPU backend quick.
      const events = await page.evaluate((urls) => window.gestureTest.events(urls), [photoUrl(PHOTOS[0]!)]);
      const warning = events.find((e) => e.type === 'warning');
      expect(warning).toMatchObject({ code: 'backend-fallback' });
      expect((warning as { message: string }).message).toContain(missing);
      const [photo] = await page.evaluate((urls) => window.gestureTest.recognize(urls), [photoUrl(PHOTOS[0]!)]);
      expect(photo!.hands.map((h) => h.gesture)).toEqual(nodeResults[0]!.hands.map((h) => h.gesture));
    });
  });

  it('WebGL context lost mid-stream: models rebuilt, a context-lost warning, the observer keeps going without resubscribing', async () => {
    await withPage({ webgl: true }, async (page) => {
      // SwiftShader is software WebGL, which 'auto' passes over: ask for WebGL explicitly.
      await page.evaluate(() => window.gestureTest.create({ backend: 'webgl' }));
      // palm held for 8 frames, then peace for 8; the context is lost before frame 5.
      const run = await page.evaluate((urls) => window.gestureTest.loseContextWhileObserving(urls, 8, 5), [photoUrl(PHOTOS[0]!), photoUrl(PHOTOS[2]!)]);
      expect(run.lost).toBe(true);
      expect(run.before.name).toBe('webgl');
      expect(run.after.reason).toMatch(/rebuilt after the WebGL context was lost/);
      expect(run.observerBackend).toEqual(run.after);
      expect(run.statuses).not.toContain('error');
      const codes = (run.events as { type: string; code?: string; phase?: string; gesture?: string }[]).map((e) =>
        e.type === 'warning' ? `warning:${e.code}` : e.type === 'gesture' ? `${e.phase}:${e.gesture}` : e.type,
      );
      expect(codes).not.toContain('error');
      const lostAt = codes.indexOf('warning:context-lost');
      expect(lostAt).toBeGreaterThan(-1);
      expect(codes.slice(0, lostAt)).toContain('start:palm');
      // Frames after the loss are recognised on the rebuilt models.
      expect(codes.slice(lostAt)).toContain('start:peace');
      expect(run.recognizeAfter.map((h) => h.gesture)).toEqual(['palm']);
    });
  });
});
