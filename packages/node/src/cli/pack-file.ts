import { randomBytes } from 'node:crypto';
import { access, constants, link, lstat, readFile, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { GestureError } from '@gesture/core';

/** How long `gesture register` waits for another run to release a pack before giving up. */
export const PACK_LOCK_WAIT_MS = 60_000;
/** A lock older than this is stale even if its process cannot be checked (another host). */
export const PACK_LOCK_STALE_MS = 10 * 60_000;

/** A pack file that `register` will not write: read-only, or locked by another run for too long. */
export class PackWriteError extends GestureError {
  constructor(message: string, details: { pack: string; reason: 'read-only' | 'locked'; holder?: string }) {
    super('pack-write', message, details);
  }
}

/**
 * The file a pack path really names: symbolic links are followed (even to a file that does not
 * exist yet), so writing it updates the link's target and the link stays a link.
 */
export async function resolvePackPath(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops += 1) {
    const info = await lstat(current).catch(() => null);
    if (!info?.isSymbolicLink()) return join(await realpath(dirname(current)).catch(() => dirname(current)), basename(current));
    current = resolve(dirname(current), await readlink(current));
  }
  return current;
}

/**
 * Throws `PackWriteError` (`read-only`) when the pack exists and is read-only: no write permission
 * bit at all (checked even for root, who could write it anyway), or none for this user.
 */
export async function assertPackWritable(path: string, shown = path): Promise<void> {
  const info = await stat(path).catch(() => null);
  const writable = await access(path, constants.W_OK).then(() => true, () => false);
  if (info && ((info.mode & 0o222) === 0 || !writable)) {
    throw new PackWriteError(`Pack ${shown} is read-only (mode ${(info.mode & 0o777).toString(8)}); it was not changed. Make it writable (chmod u+w) or choose another --pack.`, { pack: shown, reason: 'read-only' });
  }
}

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename over the target,
 * so a crash at any moment leaves either the old file or the new one, never half of one. The new
 * file keeps the old one's permissions.
 */
export async function writeFileAtomic(path: string, contents: string): Promise<void> {
  const mode = (await stat(path).catch(() => null))?.mode;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, contents, { flush: true, ...(mode !== undefined ? { mode: mode & 0o7777 } : {}) });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `lock` if its holder is gone (a dead process on this host, or older than the stale age). */
async function breakStaleLock(lock: string): Promise<boolean> {
  const [text, info] = await Promise.all([readFile(lock, 'utf8').catch(() => null), stat(lock).catch(() => null)]);
  if (text === null || !info) return true; // released meanwhile: try again
  const age = Date.now() - info.mtimeMs;
  let holder: { pid?: number; host?: string } = {};
  try {
    holder = JSON.parse(text);
  } catch {
    if (age < 5_000) return false; // being written right now
  }
  const dead = holder.host === hostname() && typeof holder.pid === 'number' && !alive(holder.pid);
  if (!dead && age < PACK_LOCK_STALE_MS && typeof holder.pid === 'number') return false;
  // Move it aside (only one contender wins the rename), and put it back if it was a fresh lock.
  const aside = `${lock}.${randomBytes(4).toString('hex')}.stale`;
  if (!(await rename(lock, aside).then(() => true, () => false))) return true;
  if ((await readFile(aside, 'utf8').catch(() => text)) !== text) await link(aside, lock).catch(() => {});
  await rm(aside, { force: true });
  return true;
}

/**
 * Runs `update` while holding `<file>.lock` (created with `wx`), so concurrent read-modify-write
 * runs on one file happen one after another. A lock left by a dead process is removed; waiting
 * longer than `waitMs` throws `PackWriteError` (`locked`).
 */
export async function withFileLock<T>(file: string, update: () => Promise<T>, waitMs = PACK_LOCK_WAIT_MS): Promise<T> {
  const lock = `${file}.lock`;
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await writeFile(lock, mine, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await breakStaleLock(lock)) continue;
    if (Date.now() > deadline) {
      const holder = await readFile(lock, 'utf8').catch(() => '');
      throw new PackWriteError(`Pack ${file} is locked by another run (${holder || 'unknown'}) for over ${Math.round(waitMs / 1000)} s; nothing was written. If no other gesture command is running, remove ${lock}.`, { pack: file, reason: 'locked', holder });
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  try {
    return await update();
  } finally {
    if ((await readFile(lock, 'utf8').catch(() => null)) === mine) await rm(lock, { force: true });
  }
}
