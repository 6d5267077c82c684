import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../core/src/__tests__/helpers/browser';
import { runFfmpeg } from '../../../core/src/__tests__/helpers/clip';
import { serveExampleForTests, screenshot, CAMERA } from '../../../core/src/__tests__/helpers/example-app';
import { FIXTURES_DIR } from '../../../core/src/__tests__/helpers/fixtures';

// The meeting overlay's "Teach a movement" panel in real Chromium, the real models on WASM. The
// fake camera plays a fixture photo of an open palm (fixtures/hands/palm) drawing circles over a
// plain background, built with ffmpeg the way the other motion test clips are (there is no real
// clip of a taught movement): 1.5 s a circle, without a pause, looped by Chromium. The panel's
// three 2 s takes each catch a circle and a bit, starting wherever the loop happens to be.

const EXAMPLE = 'meeting-overlay';
const served = serveExampleForTests(EXAMPLE);
const PERIOD_S = 1.5;

/** A `.y4m` clip (what Chromium's fake camera plays) of the palm going round, 4 circles (loops seamlessly). */
async function buildCircleClip(): Promise<{ file: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'gesture-camera-'));
  const file = join(dir, 'clip.y4m');
  const { width, height, fps } = CAMERA;
  // An 80 px wide palm whose top-left corner goes round a 45 px circle about the frame's centre.
  const r = 45;
  const [cx, cy] = [width / 2 - 40, height / 2 - 53];
  await runFfmpeg(['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', `color=c=0x6b7d8c:s=${width}x${height}:r=${fps}`, '-loop', '1', '-i', join(FIXTURES_DIR, 'palm', 'sld__5_IMG_4039.jpg'),
    '-filter_complex', `[1:v]scale=80:-1,setsar=1[p];[0:v][p]overlay=x='${cx}+${r}*sin(2*PI*t/${PERIOD_S})':y='${cy}-${r}*cos(2*PI*t/${PERIOD_S})':shortest=1,format=yuv420p`,
    '-t', String(4 * PERIOD_S), '-r', String(fps), '-f', 'yuv4mpegpipe', '-pix_fmt', 'yuv420p', file]);
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

describe.skipIf(!hasChromium())('examples/meeting-overlay: teaching a movement (Chromium, fake camera, real models)', () => {
  it('"Record 3 times" records three takes, registers the movement from 3/3 and then shows it when it is done', async () => {
    const clip = await buildCircleClip();
    const chromium = await launchChromium({ fakeCamera: { file: clip.file } });
    try {
      const page = await chromium.open(`${served.server.url}/?backend=wasm`);
      await page.waitForSelector('[data-testid="status"][data-status="ready"]', { timeout: 90_000 });
      await page.fill('[data-testid="motion-name"]', 'circle');
      await page.click('[data-testid="motion-record"]');
      // The panel walks through the takes (2 s each, 1 s rest between them).
      await page.waitForSelector('[data-testid="motion-progress"]:has-text("Take 1/3")', { timeout: 5_000 });
      await page.waitForSelector('[data-testid="motion-progress"]:has-text("Take 3/3")', { timeout: 30_000 });
      const report = await page.waitForSelector('[data-testid="motion-report"]', { timeout: 60_000 });
      const text = (await report.textContent()) ?? '';
      console.log(`motion report: ${text}`);
      expect(await report.getAttribute('data-registered')).toBe('true');
      expect(text).toContain('from 3/3 takes');
      expect(await page.$('[data-testid="motion-message"]')).toBeNull();
      // The hand keeps going round: the taught movement is recognised live, by its name.
      await page.waitForSelector('[data-testid="motion-icon"][data-gesture="circle"]', { timeout: 30_000 });
      await screenshot(page, EXAMPLE, 'teach-motion-circle');
    } finally {
      await chromium.close();
      await clip.remove();
    }
  });
});
