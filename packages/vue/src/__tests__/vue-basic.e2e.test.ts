import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, serveStatic, type StaticServer } from '../../../core/src/__tests__/helpers/browser';
import { buildCameraClip, buildExample, OVERLAY_SEGMENTS, runOverlayScenario } from '../../../core/src/__tests__/helpers/example-app';

// examples/vue-basic in real Chromium, the camera faked with a clip of fixture photos, the real
// models on WASM. Screenshots land in test-artifacts/vue-basic/.

const EXAMPLE = 'vue-basic';
let app: Awaited<ReturnType<typeof buildExample>>;
let server: StaticServer;

beforeAll(async () => {
  if (!hasChromium()) return;
  app = await buildExample(EXAMPLE);
  server = await serveStatic({ routes: { '/': app.dir } });
});

afterAll(async () => {
  await server?.close();
  await app?.remove();
});

describe.skipIf(!hasChromium())('examples/vue-basic (Chromium, fake camera, real models)', () => {
  it('shows no / question / Away / goodbye in clip order', async () => {
    const clip = await buildCameraClip(OVERLAY_SEGMENTS);
    const chromium = await launchChromium({ fakeCamera: { file: clip.file } });
    const requested: string[] = [];
    chromium.context.on('request', (request) => requested.push(request.url()));
    try {
      const page = await chromium.open(`${server.url}/?backend=wasm`);
      const { backend, steps } = await runOverlayScenario(page, EXAMPLE);
      console.log(`vue-basic: backend ${backend}; steps (ms after ready) ${JSON.stringify(steps)}`);
      expect(backend).toBe('wasm');
      expect(requested.filter((url) => !url.startsWith(`${server.url}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
      expect(server.requests.filter((r) => r.status !== 200)).toEqual([]);
    } finally {
      await chromium.close();
      await clip.remove();
    }
  });
});
