import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../../core/src/__tests__/helpers/fixtures';
import { PackWriteError, withFileLock, writeFileAtomic } from '../cli/pack-file';
import { gesture } from './helpers/run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'gesture-pack-'));
const names = (file: string) => (JSON.parse(readFileSync(file, 'utf8')).gestures as { name: string }[]).map((g) => g.name).sort();

describe('gesture register on a shared pack', () => {
  it('two concurrent runs on one pack both land: no update is lost', async () => {
    const pack = join(tmp, 'shared.json');
    const [a, b] = await Promise.all([
      gesture(['register', 'horns', ...fixtureFiles('rock').slice(0, 5), '--pack', pack, '--json']),
      gesture(['register', 'thumbs', ...fixtureFiles('thumbs_up').slice(0, 5), '--pack', pack, '--json']),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(names(pack)).toEqual(['horns', 'thumbs']);
    expect(readdirSync(tmp).filter((f) => f.startsWith('shared'))).toEqual(['shared.json']); // lock released
  }, 120_000);

  it('a symlinked --pack stays a symlink: the gesture is written to its target', async () => {
    const real = join(tmp, 'real');
    mkdirSync(real);
    const link = join(tmp, 'link.json');
    symlinkSync(join(real, 'pack.json'), link); // dangling until the first register creates it
    expect((await gesture(['register', 'horns', ...fixtureFiles('rock').slice(0, 3), '--pack', link])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(names(join(real, 'pack.json'))).toEqual(['horns']);
  }, 60_000);

  it('a read-only pack is refused (exit 1, a clear message) and left unchanged and read-only', async () => {
    const pack = join(tmp, 'locked-down.json');
    const before = JSON.stringify({ format: 'gesture-pack', version: 1, gestures: [] });
    writeFileSync(pack, before);
    chmodSync(pack, 0o444);
    const { stderr, code } = await gesture(['register', 'horns', ...fixtureFiles('rock').slice(0, 3), '--pack', pack]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/read-only/);
    expect(readFileSync(pack, 'utf8')).toBe(before);
    expect(statSync(pack).mode & 0o777).toBe(0o444);
  }, 60_000);
});

describe('withFileLock / writeFileAtomic', () => {
  it('takes over a lock left by a dead process, and gives up on a live one after the wait with PackWriteError', async () => {
    const file = join(tmp, 'stale.json');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: Number(dead), host: hostname() }));
    expect(await withFileLock(file, async () => 'ran')).toBe('ran');
    expect(existsSync(`${file}.lock`)).toBe(false);
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: hostname() }));
    const error = await withFileLock(file, async () => 'ran', 300).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackWriteError);
    expect((error as PackWriteError).details).toMatchObject({ reason: 'locked' });
  });

  it('runs updates one after another, and keeps the file mode', async () => {
    const file = join(tmp, 'counter.json');
    writeFileSync(file, '0');
    chmodSync(file, 0o640);
    await Promise.all(Array.from({ length: 8 }, () => withFileLock(file, async () => {
      const n = Number(readFileSync(file, 'utf8'));
      await new Promise((done) => setTimeout(done, 5));
      await writeFileAtomic(file, String(n + 1));
    })));
    expect(readFileSync(file, 'utf8')).toBe('8');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});
