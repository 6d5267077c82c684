import { describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../core/src/__tests__/helpers/browser';
import { buildCameraClip, serveExampleForTests, OVERLAY_SEGMENTS, runOverlayScenario } from '../../../core/src/__tests__/helpers/example-app';

// examples/vue-basic in real Chromium, the camera faked with a clip of fixture photos, the real
// models on WASM. Screenshots land in test-artifacts/vue-basic/.

const EXAMPLE = 'vue-basic';
const served = serveExampleForTests(EXAMPLE);

describe.skipIf(!hasChromium())('examples/vue-basic (Chromium, fake camera, real models)', () => {
  it('shows no / question / Away / goodbye in clip order', async () => {
    const clip = await buildCameraClip(OVERLAY_SEGMENTS);
    const chromium = await launchChromium({ fakeCamera: { file: clip.file } });
    const requested: string[] = [];
    chromium.context.on('request', (request) => requested.push(request.url()));
    try {
      const page = await chromium.open(`${served.server.url}/?backend=wasm`);
      const { backend, steps } = await runOverlayScenario(page, EXAMPLE);
      console.log(`vue-basic: backend ${backend}; steps (ms after ready) ${JSON.stringify(steps)}`);
      expect(backend).toBe('wasm');
      expect(requested.filter((url) => !url.startsWith(`${served.server.url}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
      expect(served.server.requests.filter((r) => r.status !== 200)).toEqual([]);
    } finally {
      await chromium.close();
      await clip.remove();
    }
  });
});
