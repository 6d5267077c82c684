import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isVideoPath } from '../video';

/** One thing to recognise, from the command line. */
export interface CliInput {
  path: string;
  kind: 'image' | 'video';
}

const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|gif|tiff?|avif|heic|heif)$/i;

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() && (IMAGE_EXTENSIONS.test(entry.name) || isVideoPath(entry.name))) files.push(path);
  }
  return files;
}

/**
 * Expands the command line's paths: a folder becomes every image and video under it (recursively,
 * sorted by name); a file is kept as given, even if missing, so its error is reported in order.
 * Videos are told by extension (images are everything else).
 */
export async function expandInputs(paths: readonly string[]): Promise<CliInput[]> {
  const inputs: CliInput[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    const files = info?.isDirectory() ? await walk(path) : [path];
    for (const file of files) inputs.push({ path: file, kind: isVideoPath(file) ? 'video' : 'image' });
  }
  return inputs;
}
