import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The `gesture` bin inside the repository: a committed shim that npm links at install time, before `dist/` exists. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const PACKAGE = `${ROOT}packages/node/`;
const pkg = JSON.parse(readFileSync(`${PACKAGE}package.json`, 'utf8')) as { version: string; bin: Record<string, string> };

describe('the gesture bin', () => {
  it('is a source file outside dist/ (not git-ignored), and node_modules/.bin/gesture links to it', () => {
    expect(pkg.bin).toEqual({ gesture: './bin/gesture.js' });
    expect(spawnSync('git', ['check-ignore', '-q', 'bin/gesture.js'], { cwd: PACKAGE }).status).toBe(1);
    expect(realpathSync(`${ROOT}node_modules/.bin/gesture`)).toBe(realpathSync(`${PACKAGE}bin/gesture.js`));
  });

  it('`gesture --version` (as npx runs it) prints the package version', () => {
    const out = execFileSync(`${ROOT}node_modules/.bin/gesture`, ['--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toBe(pkg.version);
  });

  it('says how to build when dist/ is missing, instead of a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gesture-bin-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(`${PACKAGE}bin/gesture.js`, join(dir, 'bin/gesture.js'));
    const run = spawnSync(process.execPath, [join(dir, 'bin/gesture.js'), '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not built yet .*npm run build/);
  });
});
