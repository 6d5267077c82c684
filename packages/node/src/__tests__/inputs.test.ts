import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { expandInputs } from '../cli/inputs';

// Tests run as root here, where chmod 000 does not stop readdir: a folder named `locked` fails
// with EACCES the way an unreadable folder does for any other user.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const readdir = (async (path: string, ...rest: unknown[]) => {
    if (String(path).endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
    return (fs.readdir as (...a: unknown[]) => Promise<unknown>)(path, ...rest);
  }) as typeof fs.readdir;
  return { ...fs, readdir, default: { ...fs, readdir } };
});

describe('expandInputs', () => {
  it('an unreadable subfolder is one error entry; the rest of the folder is still listed, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gesture-inputs-'));
    writeFileSync(join(dir, 'a.jpg'), 'x');
    mkdirSync(join(dir, 'b-locked'));
    writeFileSync(join(dir, 'b-locked', 'hidden.jpg'), 'x');
    mkdirSync(join(dir, 'c'));
    writeFileSync(join(dir, 'c', 'd.png'), 'x');
    writeFileSync(join(dir, 'e.mp4'), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const inputs = await expandInputs([dir]);
    expect(inputs.map((i) => [i.path.slice(dir.length + 1), i.kind])).toEqual([['a.jpg', 'image'], ['b-locked', 'error'], ['c/d.png', 'image'], ['e.mp4', 'video']]);
    const error = inputs[1]!;
    expect(error.kind === 'error' && error.error).toMatchObject({ code: 'unreadable-input', details: { errno: 'EACCES' } });
  });

  it('follows symbolic links to files and folders, once per real folder (a link loop ends)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gesture-inputs-'));
    const real = mkdtempSync(join(tmpdir(), 'gesture-real-'));
    writeFileSync(join(real, 'p.jpg'), 'x');
    symlinkSync(join(real, 'p.jpg'), join(dir, 'a.jpg'));
    symlinkSync(real, join(dir, 'b'));
    symlinkSync(dir, join(dir, 'c-loop'));
    const inputs = await expandInputs([dir]);
    expect(inputs.map((i) => [i.path.slice(dir.length + 1), i.kind])).toEqual([['a.jpg', 'image'], ['b/p.jpg', 'image']]);
  });
});
