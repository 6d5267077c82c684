import { describe, expect, it } from 'vitest';
import { createGestureRecognizer } from '../recognizer';
import { decodeFixture, fixtureFiles } from './helpers/fixtures';

// TF.js keeps one global backend per process; vitest runs each test file in its own process.
describe('backend selection in Node', () => {
  it("a WASM backend that cannot start falls back to 'cpu' and says why", async () => {
    const recognizer = await createGestureRecognizer({ backend: 'wasm', wasmPath: '/nonexistent/wasm/' });
    try {
      expect(recognizer.backend.name).toBe('cpu');
      expect(recognizer.backend.tried[0]).toMatchObject({ name: 'wasm', ok: false });
      expect(recognizer.backend.tried[1]).toMatchObject({ name: 'cpu', ok: true });
      expect(recognizer.backend.reason).toMatch(/fell back/);
      // It really works on the fallback.
      const result = await recognizer.recognize(await decodeFixture(fixtureFiles('palm')[0]!));
      expect(result.hands).toHaveLength(1);
    } finally {
      recognizer.dispose();
    }
  });
});
