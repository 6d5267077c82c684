import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import type { Frame, RegistrationReport } from '@gesture/core';
import { loadImage } from '../load-image';
import { createNodeRecognizer } from '../node-recognizer';
import { expandInputs } from './inputs';
import { createProgress, errorInfo, printJsonLine } from './output';

/** Options of `gesture register`. */
export interface RegisterCommandOptions {
  pack: string;
  meaning?: string;
  replace?: boolean;
  json?: boolean;
  backend?: 'wasm' | 'cpu';
}

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename over the target,
 * so a crash at any moment leaves either the old file or the new one, never half of one.
 */
export async function writeFileAtomic(path: string, contents: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, contents, { flush: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * `gesture register <name> <image|dir>... --pack pack.json`: learns a gesture from sample photos,
 * adds it to the pack (created if missing) and prints the registration report. Returns the exit
 * code: 0 when the gesture was registered, 1 otherwise.
 */
export async function registerCommand(name: string, paths: readonly string[], options: RegisterCommandOptions): Promise<number> {
  const all = await expandInputs(paths);
  const inputs = all.filter((input) => input.kind === 'image');
  const recognizer = await createNodeRecognizer({ backend: options.backend ?? 'wasm' });
  try {
    const existing = await readFile(options.pack, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (existing !== null) recognizer.gestures.import(JSON.parse(existing));
    const frames: Frame[] = [];
    const files: string[] = [];
    // Videos (and GIFs, read as videos) are not samples: say so rather than drop them silently.
    const unreadable: (RegistrationReport['rejected'][number] & { file: string })[] = all
      .filter((input) => input.kind !== 'image')
      .map((input) => ({ index: -1, reason: 'invalid', message: `${input.path}: a video; samples are photos`, file: input.path }));
    const progress = createProgress(inputs.length, 'samples');
    for (const input of inputs) {
      progress.tick(input.path);
      try {
        frames.push(await loadImage(input.path));
        files.push(input.path);
      } catch (error) {
        unreadable.push({ index: -1, reason: 'invalid', message: `${input.path}: ${errorInfo(error).message}`, file: input.path });
      }
    }
    progress.stop();
    const report = frames.length
      ? await recognizer.gestures.register(name, frames, { meaning: options.meaning ?? null, replace: options.replace ?? false })
      : { gesture: name, registered: false, accepted: 0, rejected: [], nearest: null, confusable: false };
    const rejected = [...report.rejected.map((r) => ({ ...r, file: files[r.index] })), ...unreadable];
    if (report.registered) await writeFileAtomic(options.pack, `${JSON.stringify(recognizer.gestures.export(), null, 2)}\n`);
    const output = { ...report, rejected, pack: report.registered ? options.pack : null };
    if (options.json) printJsonLine(output);
    else {
      console.log(`${report.registered ? 'registered' : 'NOT registered'} '${name}': ${report.accepted} sample(s) accepted, ${rejected.length} rejected`);
      for (const r of rejected) console.log(`  rejected ${r.file ?? `#${r.index}`}: ${r.reason}${r.message ? ` (${r.message})` : ''}`);
      if (report.nearest) console.log(`  nearest gesture: ${report.nearest.gesture} (similarity ${report.nearest.similarity.toFixed(2)})`);
      if (report.confusable) console.log(`  warning: '${name}' is easily confused with '${report.nearest?.gesture}'`);
      if (report.registered) console.log(`  pack written: ${options.pack}`);
    }
    return report.registered ? 0 : 1;
  } finally {
    recognizer.dispose();
  }
}
