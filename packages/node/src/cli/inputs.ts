import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GestureError } from '@gesture/core';
import { isVideoPath } from '../video';

/**
 * One thing to recognise, from the command line: an image, a video, or a path that could not be
 * expanded (an unreadable or empty folder, a broken link), reported as one failed input.
 */
export type CliInput = { path: string; kind: 'image' | 'video' } | { path: string; kind: 'error'; error: GestureError };

const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|gif|tiff?|avif|heic|heif)$/i;

const isMedia = (name: string) => IMAGE_EXTENSIONS.test(name) || isVideoPath(name);

function folderError(path: string, cause: unknown): CliInput {
  const code = (cause as NodeJS.ErrnoException).code ?? 'error';
  const what = code === 'ELOOP' ? 'a symbolic link loop' : code === 'ENOENT' ? 'a broken symbolic link' : (cause as Error).message;
  return { path, kind: 'error', error: new GestureError('unreadable-input', `Cannot read ${path}: ${what}.`, { source: path, errno: code }, { cause }) };
}

/**
 * Every image and video under `dir`, sorted by name, recursing into subfolders. Symbolic links to
 * files and folders are followed (each real folder once, so a link loop ends); a subfolder or link
 * that cannot be read becomes one `error` entry and the walk goes on.
 */
async function walk(dir: string, seen: Set<string>): Promise<CliInput[]> {
  let names: string[];
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return [];
    seen.add(real);
    names = (await readdir(dir)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (cause) {
    return [folderError(dir, cause)];
  }
  const found: CliInput[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch((cause: unknown) => cause as Error);
    if (info instanceof Error) {
      if (isMedia(name) || (info as NodeJS.ErrnoException).code !== 'ENOENT') found.push(folderError(path, info));
    } else if (info.isDirectory()) found.push(...(await walk(path, seen)));
    else if (info.isFile() && isMedia(name)) found.push({ path, kind: isVideoPath(name) ? 'video' : 'image' });
  }
  return found;
}

/**
 * Expands the command line's paths: a folder becomes every image and video under it (recursively,
 * sorted by name, symbolic links followed); a file is kept as given, even if missing, so its error
 * is reported in order. A folder with no image or video in it, or one that cannot be read, becomes
 * an `error` entry. Videos are told by extension (images are everything else).
 */
export async function expandInputs(paths: readonly string[]): Promise<CliInput[]> {
  const inputs: CliInput[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) {
      inputs.push({ path, kind: isVideoPath(path) ? 'video' : 'image' });
      continue;
    }
    const found = await walk(path, new Set());
    if (found.length === 0) {
      inputs.push({ path, kind: 'error', error: new GestureError('no-images', `No images or videos found in folder ${path}.`, { source: path }) });
    }
    inputs.push(...found);
  }
  return inputs;
}
