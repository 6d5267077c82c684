import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../core/src/__tests__/helpers/browser';
import { buildCameraClip, runOverlayInChromium, serveExampleForTests, screenshot, THREE_SEGMENTS } from '../../../core/src/__tests__/helpers/example-app';

// examples/meeting-overlay in real Chromium, the camera faked with a clip of fixture photos, the
// real models on WASM. Screenshots land in test-artifacts/meeting-overlay/.

const EXAMPLE = 'meeting-overlay';
const served = serveExampleForTests(EXAMPLE);

describe.skipIf(!hasChromium())('examples/meeting-overlay (Chromium, fake camera, real models)', () => {
  it('shows no / question / Away / goodbye in clip order (models in a Web Worker, switchable), on the canvas that is also a MediaStream', async () => {
    const { backend } = await runOverlayInChromium(served.server, EXAMPLE, async (page) => {
      expect(Number(await page.textContent('[data-testid="fps"]'))).toBeGreaterThan(0);
      // The overlaid canvas is exposed as a live MediaStream (shown in the "Outgoing stream" video).
      const tracks = await page.evaluate(() => {
        const stream = (document.querySelector('[data-testid="outgoing"]') as HTMLVideoElement).srcObject as MediaStream | null;
        return stream?.getVideoTracks().map((t) => t.readyState) ?? [];
      });
      expect(tracks).toEqual(['live']);
      // The models ran in a Web Worker (the default); the switch reloads them on the main thread.
      expect(await page.getAttribute('[data-testid="worker-mode"]', 'data-worker')).toBe('true');
      await page.click('[data-testid="worker-switch"]');
      await page.waitForSelector('[data-testid="worker-mode"][data-worker="false"]', { timeout: 90_000 });
      await page.waitForSelector('[data-testid="status"][data-status="ready"]', { timeout: 90_000 });
    });
    expect(backend).toMatch(/^wasm/);
  });

  it('teaches "three" through the panel: 5 samples, a report, recognised at once; the pack exports and imports', async () => {
    const clip = await buildCameraClip(THREE_SEGMENTS);
    const chromium = await launchChromium({ fakeCamera: { file: clip.file } });
    try {
      const page = await chromium.open(`${served.server.url}/?backend=wasm`);
      await page.waitForSelector('[data-testid="status"][data-status="ready"]', { timeout: 90_000 });
      await page.waitForTimeout(1500); // frames flowing: the built-in rules see no gesture in this hand
      expect(await page.$('[data-testid="gesture-icon"]')).toBeNull();
      await page.fill('[data-testid="teach-name"]', 'three');
      await page.click('[data-testid="teach-capture"]');
      const report = await page.waitForSelector('[data-testid="teach-report"]', { timeout: 60_000 });
      expect(await report.getAttribute('data-registered')).toBe('true');
      expect(await report.textContent()).toContain('from 5/5 samples');
      await page.waitForSelector('[data-testid="gesture-icon"][data-gesture="three"]', { timeout: 30_000 });
      await screenshot(page, EXAMPLE, 'teach-three');

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="teach-export"]')]);
      const pack = JSON.parse(await readFile((await download.path())!, 'utf8')) as { format: string; gestures: { name: string; samples: unknown[] }[] };
      expect(pack.format).toBe('gesture-pack');
      expect(pack.gestures.map((g) => [g.name, g.samples.length])).toEqual([['three', 5]]);
      await page.setInputFiles('[data-testid="teach-import"]', { name: 'pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...pack, gestures: [{ ...pack.gestures[0]!, name: 'three-again' }] })) });
      await page.waitForSelector('[data-testid="teach-message"]:has-text("Imported: three-again")', { timeout: 10_000 });
    } finally {
      await chromium.close();
      await clip.remove();
    }
  });
});
