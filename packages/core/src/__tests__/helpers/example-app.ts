/**
 * End-to-end helpers for the example apps (`examples/*`): build one with Vite into a temporary
 * folder, build the fake-camera clips from the fixture photos, and run the overlay scenario
 * (icon per gesture, Away cover) that every example must pass in real Chromium.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { hasChromium, launchChromium, serveStatic, type StaticServer } from './browser';
import { buildClip, type ClipSegment, type ClipSize } from './clip';
import { FIXTURES_DIR } from './fixtures';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../..');

/** Where screenshots go: `test-artifacts/` at the repository root (gitignored). */
export const ARTIFACTS_DIR = process.env.GESTURE_ARTIFACTS ?? join(REPO, 'test-artifacts');

/** Small camera frames keep WASM inference quick. */
export const CAMERA: ClipSize = { width: 320, height: 240, fps: 15 };

const photo = (cls: string, file: string) => join(FIXTURES_DIR, cls, file);

/** none → fist → palm → nobody → peace, with photos the shipped models read clearly (docs/events.md). The fake camera loops it. */
export const OVERLAY_SEGMENTS: ClipSegment[] = [
  { image: photo('none', 'webmorphr__lisa_lisa1.jpg'), seconds: 2 },
  { image: photo('fist', 'subhih__1528664299.56_pic00112.jpg'), seconds: 2.5 },
  { image: photo('palm', 'subhih__pic00067.jpg'), seconds: 2.5 },
  { color: '0x6b7d8c', seconds: 4 },
  { image: photo('peace', 'subhih__3_pic00031.jpg'), seconds: 2.5 },
];

/** A `three` hand (middle, ring, pinky up) that the built-in rules read as `none`: only a taught gesture recognises it. */
export const THREE_SEGMENTS: ClipSegment[] = [{ image: photo('three', 'subhih__35_pic00006.jpg'), seconds: 2 }];

/** A temporary folder with the clip as `clip.y4m` (uncompressed: what Chromium's fake camera plays). */
export async function buildCameraClip(segments: ClipSegment[], size: ClipSize = CAMERA): Promise<{ file: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'gesture-camera-'));
  const file = join(dir, 'clip.y4m');
  await buildClip(file, segments, size);
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Builds `examples/<name>` with its own Vite config into a temporary folder (models and WASM included). */
export async function buildExample(name: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const { build } = await import('vite');
  const root = join(REPO, 'examples', name);
  const dir = await mkdtemp(join(tmpdir(), `gesture-example-${name}-`));
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir: dir, emptyOutDir: true } });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Saves a full-page screenshot as `test-artifacts/<example>/<step>.png`. */
export async function screenshot(page: Page, example: string, step: string): Promise<string> {
  const dir = join(ARTIFACTS_DIR, example);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${step}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const icon = (meaning: string) => `[data-testid="gesture-icon"][data-meaning="${meaning}"]`;
const AWAY = '[data-testid="away-cover"]';

/**
 * The overlay loop on the OVERLAY_SEGMENTS camera: waits for the models, then, in clip order,
 * `no` during the fist, `question` during the palm, the Away cover during the empty view (no
 * icon under it) and `goodbye` during the peace with the cover gone. Returns what it saw, with
 * the time (ms since ready) of each step.
 */
export async function runOverlayScenario(page: Page, example: string, stepTimeoutMs = 30_000): Promise<{ backend: string; steps: Record<string, number> }> {
  await page.waitForSelector('[data-testid="status"][data-status="ready"]', { timeout: 90_000 });
  const backend = (await page.textContent('[data-testid="backend"]')) ?? '';
  const started = Date.now();
  const steps: Record<string, number> = {};
  const step = async (name: string, check: () => Promise<void>) => {
    await check();
    steps[name] = Date.now() - started;
    await screenshot(page, example, name);
  };
  await step('fist-no', async () => {
    await page.waitForSelector(icon('no'), { timeout: stepTimeoutMs });
    if ((await page.$(AWAY)) !== null) throw new Error('Away cover shown during the fist');
  });
  await step('palm-question', () => page.waitForSelector(icon('question'), { timeout: stepTimeoutMs }).then(() => {}));
  await step('empty-away', async () => {
    await page.waitForSelector(AWAY, { timeout: stepTimeoutMs });
    if ((await page.$('[data-testid="gesture-icon"]')) !== null) throw new Error('A gesture icon is shown while nobody is in view');
  });
  // `goodbye` may start (250 ms hold) just before `back` (500 ms) lifts the cover: wait for both.
  await step('peace-goodbye', async () => {
    await page.waitForSelector(AWAY, { state: 'detached', timeout: stepTimeoutMs });
    await page.waitForSelector(icon('goodbye'), { timeout: stepTimeoutMs });
    if ((await page.$(AWAY)) !== null) throw new Error('Away cover shown again during the peace segment');
  });
  return { backend, steps };
}

/**
 * For one test file: builds the example once and serves it on 127.0.0.1 (vitest `beforeAll` /
 * `afterAll`), when Chromium is there to use it. Read `served.server` inside the tests.
 */
export function serveExampleForTests(name: string): { readonly server: StaticServer } {
  let app: Awaited<ReturnType<typeof buildExample>> | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    if (!hasChromium()) return;
    app = await buildExample(name);
    server = await serveStatic({ routes: { '/': app.dir } });
  });
  afterAll(async () => {
    await server?.close();
    await app?.remove();
  });
  return {
    get server() {
      if (!server) throw new Error(`examples/${name} is not being served (no Chromium, or beforeAll failed)`);
      return server;
    },
  };
}

/**
 * The overlay scenario end to end: a fake camera playing `OVERLAY_SEGMENTS`, the served example
 * on the WASM backend, the scenario's checks, then `extra(page)`. Asserts the page asked nothing of
 * any other origin and every request to the app succeeded (models and WASM served locally).
 */
export async function runOverlayInChromium(server: StaticServer, example: string, extra: (page: Page) => Promise<void> = async () => {}): Promise<{ backend: string; steps: Record<string, number> }> {
  const clip = await buildCameraClip(OVERLAY_SEGMENTS);
  const chromium = await launchChromium({ fakeCamera: { file: clip.file } });
  const requested: string[] = [];
  chromium.context.on('request', (request) => requested.push(request.url()));
  try {
    const page = await chromium.open(`${server.url}/?backend=wasm`);
    const result = await runOverlayScenario(page, example);
    console.log(`${example}: backend ${result.backend}; steps (ms after ready) ${JSON.stringify(result.steps)}`);
    await extra(page);
    expect(requested.filter((url) => !url.startsWith(`${server.url}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(server.requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(server.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/models/handdetect.json', '/models/handlandmark-full.json']));
    return result;
  } finally {
    await chromium.close();
    await clip.remove();
  }
}
