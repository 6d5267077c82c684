import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GestureRegistry } from '../../../core/src/classify/registry';
import { FIXTURES_DIR } from '../../../core/src/__tests__/helpers/fixtures';

/** The Node examples, run as a user would (`node examples/node-detect/<script>`), against the built packages. */
const EXAMPLES = fileURLToPath(new URL('../../../../examples/node-detect/', import.meta.url));
const run = promisify(execFile);

async function example(script: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(EXAMPLES, script), ...args], { cwd });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('examples/node-detect', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'gesture-examples-'));

  it('index.mjs finds the raised index finger in its sample photo, and gives a typed error for a non-image', async () => {
    const ok = await example('index.mjs', [], cwd);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^1 hand\(s\)/m);
    expect(ok.stdout).toMatch(/21 landmarks one \(comment, /);
    const bad = await example('index.mjs', [fileURLToPath(import.meta.url)], cwd);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^ImageLoadError \[image-load\]/);
  });

  it('teach.mjs learns four from 5 photos, recognises the other 10 and writes a pack that imports', async () => {
    // Four, not rock: rock is a built-in now, so its photos read as the built-in.
    const { stdout, code } = await example('teach.mjs', ['four', join(FIXTURES_DIR, 'four')], cwd);
    expect(code).toBe(0);
    // 4 of the first 5 `four` photos give one hand (one is refused with a reason; 3 before image mode
    // looked again on a miss, retryOnMiss).
    expect(stdout).toMatch(/^registered four: 4 of 5 samples accepted/m);
    const [, read] = /^(\d+)\/10 other photos read as four$/m.exec(stdout) ?? [];
    expect(Number(read)).toBeGreaterThanOrEqual(8);
    const registry = new GestureRegistry();
    await registry.import(JSON.parse(readFileSync(join(cwd, 'four.gesture-pack.json'), 'utf8')));
    expect(registry.list().find((g) => g.name === 'four')).toMatchObject({ kind: 'custom', samples: 4, meaning: 'four' });
  });

  it('teach.mjs refuses bad arguments with a message and a non-zero exit', async () => {
    expect((await example('teach.mjs', [], cwd)).code).toBe(2);
    const missing = await example('teach.mjs', ['rock', join(cwd, 'no-such-folder')], cwd);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read/);
    expect((await example('teach.mjs', ['rock', join(FIXTURES_DIR, 'rock'), '0'], cwd)).code).toBe(2);
  });
});
