import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { publint } from 'publint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Runs a snippet in a fresh Node process from the repository root and returns its stdout. */
function node(code: string, type: 'module' | 'commonjs' = 'module'): string {
  return execFileSync(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', code], { cwd: ROOT, encoding: 'utf8' }).trim();
}

describe('packaging', () => {
  it.each(['core', 'node', 'react', 'vue'])('@gesture/%s is built', (name) => {
    expect(existsSync(`${ROOT}packages/${name}/dist/index.js`)).toBe(true);
    expect(existsSync(`${ROOT}packages/${name}/dist/index.cjs`)).toBe(true);
    expect(existsSync(`${ROOT}packages/${name}/dist/index.d.ts`)).toBe(true);
  });

  it.each(['core', 'node', 'react', 'vue'])('@gesture/%s passes publint', async (name) => {
    const { messages } = await publint({ pkgDir: `${ROOT}packages/${name}`, level: 'suggestion' });
    expect(messages).toEqual([]);
  });

  it('the shipped models stay within the 12 MB budget', () => {
    const dir = `${ROOT}packages/core/models`;
    const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(`${dir}/${f}`).size, 0);
    expect(bytes).toBeLessThanOrEqual(12 * 1024 * 1024);
  });

  it.each(['@gesture/core', '@gesture/node'])('importing %s (ESM and CJS) registers no TF.js backend', (name) => {
    const check = `const tf = await import('@tensorflow/tfjs-core'); await import('${name}'); console.log(JSON.stringify(Object.keys(tf.engine().registryFactory)))`;
    expect(node(check)).toBe('[]');
    const checkCjs = `const tf = require('@tensorflow/tfjs-core'); require('${name}'); console.log(JSON.stringify(Object.keys(tf.engine().registryFactory)))`;
    expect(node(checkCjs, 'commonjs')).toBe('[]');
  });

  it('the CJS build finds the shipped models and recognizes a frame', () => {
    const code = `const { createGestureRecognizer } = require('@gesture/core');
      createGestureRecognizer({ backend: 'wasm' }).then(async (r) => {
        const res = await r.recognize({ data: new Uint8Array(64 * 64 * 4), width: 64, height: 64 });
        console.log(JSON.stringify({ backend: r.backend.name, simd: r.backend.simd, hands: res.hands.length }));
        r.dispose();
      });`;
    expect(JSON.parse(node(code, 'commonjs'))).toEqual({ backend: 'wasm', simd: true, hands: 0 });
  });
});
