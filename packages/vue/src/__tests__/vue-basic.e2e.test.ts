import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../../core/src/__tests__/helpers/browser';
import { runOverlayInChromium, serveExampleForTests } from '../../../core/src/__tests__/helpers/example-app';

// examples/vue-basic in real Chromium, the camera faked with a clip of fixture photos, the real
// models on WASM. Screenshots land in test-artifacts/vue-basic/.

const EXAMPLE = 'vue-basic';
const served = serveExampleForTests(EXAMPLE);

describe.skipIf(!hasChromium())('examples/vue-basic (Chromium, fake camera, real models)', () => {
  it('shows no / question / Away / goodbye in clip order', async () => {
    const { backend } = await runOverlayInChromium(served.server, EXAMPLE);
    expect(backend).toBe('wasm');
  });
});
