// The overlay rows of `npm run bench -- --browser`: examples/meeting-overlay, built for production
// (Vite, minified), in headless Chromium with a 30 fps fake camera (640×480, the overlay test's
// fist / palm / nobody / peace clip looped), no GPU. Per configuration: what the backend became,
// the frames the pipeline processed per second (the page's own counter, sampled once a second
// after a warm-up), and how many console messages the page printed while running.
import type { Page } from 'playwright-core';
import { launchChromium, serveStatic } from '../../packages/core/src/__tests__/helpers/browser';
import { buildCameraClip, buildExample, OVERLAY_SEGMENTS } from '../../packages/core/src/__tests__/helpers/example-app';

/** One overlay configuration: the backend asked for (`?backend=`), WebGL on or off, COOP/COEP or not. */
export interface OverlayConfig {
  row: string;
  backend: 'auto' | 'wasm' | 'webgl';
  webgl: boolean;
  isolated: boolean;
}

export const OVERLAY_CONFIGS: readonly OverlayConfig[] = [
  { row: 'auto, SwiftShader WebGL present', backend: 'auto', webgl: true, isolated: false },
  { row: 'auto, no WebGL', backend: 'auto', webgl: false, isolated: false },
  { row: 'auto, COOP/COEP (threads possible)', backend: 'auto', webgl: false, isolated: true },
  { row: 'wasm forced', backend: 'wasm', webgl: false, isolated: false },
  { row: 'webgl forced (SwiftShader)', backend: 'webgl', webgl: true, isolated: false },
];

/** What one configuration gave. */
export interface OverlayResult {
  row: string;
  /** The page's backend label once `ready` (e.g. `wasm (SIMD)`), or the error shown. */
  backend: string;
  status: string;
  /** Mean processed frames per second over the sampling window. */
  fps: number;
  /** Each second's reading. */
  samples: number[];
  /** ms from opening the page to `ready`. */
  readyMs: number;
  /** Console messages and page errors while starting (before the sampling window), the first few. */
  startupMessages: string[];
  /** Console messages (and page errors) while running. */
  consoleMessages: number;
  firstMessages: string[];
}

const CAMERA = { width: 640, height: 480, fps: 30 };

async function sampleFps(page: Page, seconds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < seconds; i++) {
    await page.waitForTimeout(1000);
    samples.push(Number((await page.textContent('[data-testid="fps"]')) ?? 'NaN'));
  }
  return samples;
}

/** Runs every configuration on one production build of the overlay. */
export async function benchOverlay(log: (line: string) => void, configs: readonly OverlayConfig[] = OVERLAY_CONFIGS, warmupS = 4, sampleS = 8): Promise<OverlayResult[]> {
  log('overlay: building examples/meeting-overlay (vite build, minified) and a 30 fps camera clip');
  const app = await buildExample('meeting-overlay');
  const clip = await buildCameraClip(OVERLAY_SEGMENTS, CAMERA);
  const results: OverlayResult[] = [];
  try {
    for (const config of configs) {
      log(`overlay: ${config.row}`);
      const server = await serveStatic({ routes: { '/': app.dir }, crossOriginIsolated: config.isolated });
      const messages: string[] = [];
      const chromium = await launchChromium({ webgl: config.webgl, fakeCamera: { file: clip.file }, onLog: (line) => messages.push(line) });
      try {
        const opened = performance.now();
        const page = await chromium.open(`${server.url}/?backend=${config.backend}`);
        await page.waitForSelector('[data-testid="status"][data-status="ready"], [data-testid="status"][data-status="error"]', { timeout: 120_000 });
        const readyMs = performance.now() - opened;
        const status = (await page.getAttribute('[data-testid="status"]', 'data-status')) ?? '?';
        const backend = (await page.textContent('[data-testid="backend"]')) ?? '?';
        await page.waitForTimeout(warmupS * 1000);
        const before = messages.length;
        const samples = status === 'ready' ? await sampleFps(page, sampleS) : [];
        const fps = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : 0;
        results.push({ row: config.row, backend, status, fps, samples, readyMs, startupMessages: messages.slice(0, Math.min(before, 4)), consoleMessages: messages.length - before, firstMessages: messages.slice(before, before + 3) });
      } finally {
        await chromium.close();
        await server.close();
      }
    }
  } finally {
    await clip.remove();
    await app.remove();
  }
  return results;
}
