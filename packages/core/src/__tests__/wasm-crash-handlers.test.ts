import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

// Issue #17 item 3: TF.js's WASM module (emscripten's Node build) installs process handlers that
// rethrow any stray error (exit 7). startWasm() removes exactly those, so the app's own handlers
// keep the process alive. Runs the built package in a child process, as an app would.
const APP = `
import { createGestureRecognizer } from '@gesture/core';
const before = { uncaught: process.listeners('uncaughtException').length, rejection: process.listeners('unhandledRejection').length };
const recognizer = await createGestureRecognizer({ backend: 'wasm' });
const after = { uncaught: process.listeners('uncaughtException').length, rejection: process.listeners('unhandledRejection').length };
process.on('uncaughtException', (error) => {
  console.log('app handler: ' + error.message + ' ' + JSON.stringify({ before, after }));
  setTimeout(() => {
    console.log('still alive');
    recognizer.dispose();
  }, 50);
});
setTimeout(() => { throw new Error('stray'); }, 10);
`;

describe('the WASM backend and the host process', () => {
  it('an app with its own uncaughtException handler survives a stray error after WASM has started', () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', APP], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(child.stderr).not.toMatch(/Error: stray/);
    expect(child.stdout).toContain('app handler: stray {"before":{"uncaught":0,"rejection":0},"after":{"uncaught":0,"rejection":0}}');
    expect(child.stdout).toContain('still alive');
    expect(child.status).toBe(0);
  }, 130_000);
});
