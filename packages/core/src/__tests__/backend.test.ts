import { describe, expect, it } from 'vitest';
import { startTfBackend } from '../backend/start';
import { BackendError } from '../errors';
import { createGestureRecognizer } from '../recognizer';
import { decodeFixture, fixtureFiles } from './helpers/fixtures';

// TF.js keeps one global backend per process; vitest runs each test file in its own process.
describe('backend selection in Node', () => {
  it("a WASM backend that cannot start falls back to 'cpu', naming the path it tried", async () => {
    const recognizer = await createGestureRecognizer({ backend: 'wasm', wasmPath: '/nonexistent/wasm/' });
    try {
      const { backend } = recognizer;
      expect(backend.name).toBe('cpu');
      // SIMD binary, then the plain one, then CPU.
      expect(backend.tried).toMatchObject([
        { name: 'wasm', variant: 'simd', ok: false },
        { name: 'wasm', variant: 'plain', ok: false },
        { name: 'cpu', ok: true },
      ]);
      expect(backend.tried[0]!.error).toContain('/nonexistent/wasm/tfjs-backend-wasm-simd.wasm');
      expect(backend.tried[1]!.error).toContain('/nonexistent/wasm/tfjs-backend-wasm.wasm');
      expect(backend.reason).toMatch(/fell back/);
      expect(backend.reason).toContain('/nonexistent/wasm/');
      // It really works on the fallback.
      const result = await recognizer.recognize(await decodeFixture(fixtureFiles('palm')[0]!));
      expect(result.hands).toHaveLength(1);
    } finally {
      recognizer.dispose();
    }
  });

  it('BackendError, when nothing starts, names the .wasm path it tried', async () => {
    // Nothing starts: a missing wasm folder, and a CPU backend whose factory throws.
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    const cpuFactory = tf.findBackendFactory('cpu')!;
    tf.removeBackend('cpu');
    tf.registerBackend('cpu', () => {
      throw new Error('no CPU here');
    });
    try {
      const error = await startTfBackend({ backend: 'wasm', wasmPath: '/nonexistent/wasm/' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendError);
      expect((error as BackendError).message).toContain('/nonexistent/wasm/tfjs-backend-wasm-simd.wasm');
      expect((error as BackendError).details).toMatchObject({ backend: 'wasm', tried: ['wasm', 'wasm', 'cpu'], path: '/nonexistent/wasm/tfjs-backend-wasm-simd.wasm' });
    } finally {
      tf.removeBackend('cpu');
      tf.registerBackend('cpu', cpuFactory, 1);
    }
  });
});
