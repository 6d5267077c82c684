import { readFile } from 'node:fs/promises';
import type { Frame, GestureRecognizer, GestureRecording, RegistrationReport } from '@gesture/core';
import { loadImage } from '../load-image';
import { createNodeRecognizer } from '../node-recognizer';
import { motionSampleFromVideo } from '../motion-sample';
import { expandInputs } from './inputs';
import { createProgress, errorInfo, escapeControl, printJsonLine } from './output';
import { assertPackWritable, PackWriteError, resolvePackPath, withFileLock, writeFileAtomic } from './pack-file';

/** Options of `gesture register`. */
export interface RegisterCommandOptions {
  pack: string;
  meaning?: string;
  replace?: boolean;
  json?: boolean;
  backend?: 'wasm' | 'cpu';
}

/**
 * `gesture register <name> <image|dir>... --pack pack.json`: learns a gesture from sample photos,
 * adds it to the pack (created if missing) and prints the registration report. Given only videos
 * (`gesture register circle a.mp4 b.mp4 c.mp4 --pack p.json`), it learns a **motion** gesture: the
 * detector runs over each video (`motionSampleFromVideo()`) and each becomes one recorded sample. The pack's
 * read-modify-write holds a lock (`<pack>.lock`), so concurrent runs never lose each other's
 * gestures; a symbolic link is written through to its target; a read-only pack is refused.
 * Returns the exit code: 0 when the gesture was registered, 1 otherwise; a malformed pack throws
 * (exit 2).
 */
export async function registerCommand(name: string, paths: readonly string[], options: RegisterCommandOptions): Promise<number> {
  const target = await resolvePackPath(options.pack);
  try {
    await assertPackWritable(target, options.pack);
  } catch (error) {
    if (!(error instanceof PackWriteError)) throw error;
    console.error(`gesture register: ${escapeControl(error.message)}`);
    return 1;
  }
  const all = await expandInputs(paths);
  // Only videos: a motion gesture, one sample per video. Otherwise photos, and a video is refused.
  const motion = all.some((input) => input.kind === 'video') && !all.some((input) => input.kind === 'image');
  const inputs = all.filter((input) => input.kind === (motion ? 'video' : 'image'));
  const recognizer = await createNodeRecognizer({ backend: options.backend ?? 'wasm' });
  try {
    const frames: Frame[] | GestureRecording[] = [];
    const files: string[] = [];
    // Videos (and GIFs, read as videos) among photos are not samples: say so rather than drop them silently.
    const unreadable: Rejection[] = all
      .filter((input) => input.kind !== (motion ? 'video' : 'image'))
      .map((input) => ({ index: -1, reason: 'invalid', message: input.kind === 'error' ? input.error.message : `${input.path}: a video; samples are photos`, file: input.path }));
    const progress = createProgress(inputs.length, 'samples');
    for (const input of inputs) {
      progress.tick(input.path);
      try {
        (frames as unknown[]).push(motion ? await motionSampleFromVideo(input.path, { recognizer }) : await loadImage(input.path));
        files.push(input.path);
      } catch (error) {
        unreadable.push({ index: -1, reason: 'invalid', message: `${input.path}: ${errorInfo(error).message}`, file: input.path });
      }
    }
    progress.stop();
    return await withFileLock(target, async () => {
      await assertPackWritable(target, options.pack);
      const existing = await readFile(target, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (existing !== null) await recognizer.gestures.import(JSON.parse(existing));
      return await registerLocked(recognizer, name, frames, files, unreadable, target, options);
    });
  } catch (error) {
    if (!(error instanceof PackWriteError)) throw error;
    console.error(`gesture register: ${escapeControl(error.message)}`);
    return 1;
  } finally {
    recognizer.dispose();
  }
}

type Rejection = RegistrationReport['rejected'][number] & { file: string | undefined };

/** Registers the samples into the (already imported) pack, writes it and prints the report. */
async function registerLocked(recognizer: GestureRecognizer, name: string, frames: Frame[] | GestureRecording[], files: string[], unreadable: Rejection[], target: string, options: RegisterCommandOptions): Promise<number> {
  const report: RegistrationReport = frames.length
    ? await recognizer.gestures.register(name, frames, { meaning: options.meaning ?? null, replace: options.replace ?? false })
    : { gesture: name, registered: false, accepted: 0, rejected: [], nearest: null, confusable: false, leaveOneOut: null, hints: [] };
  const rejected = [...report.rejected.map((r) => ({ ...r, file: files[r.index] })), ...unreadable];
  if (report.registered) await writeFileAtomic(target, `${JSON.stringify(recognizer.gestures.export(), null, 2)}\n`);
  const output = { ...report, rejected, pack: report.registered ? options.pack : null };
  if (options.json) printJsonLine(output);
  else {
    // Names, meanings and paths come from users and shared packs: never print their controls raw.
    const e = escapeControl;
    console.log(`${report.registered ? 'registered' : 'NOT registered'} '${e(name)}': ${report.accepted} sample(s) accepted, ${rejected.length} rejected`);
    for (const r of rejected) console.log(`  rejected ${e(r.file ?? `#${r.index}`)}: ${r.reason}${r.message ? ` (${e(r.message)})` : ''}`);
    if (report.nearest) console.log(`  nearest gesture: ${e(report.nearest.gesture)} (similarity ${report.nearest.similarity.toFixed(2)})`);
    if (report.leaveOneOut !== null && !report.motion) console.log(`  leave-one-out estimate: ${Math.round(report.leaveOneOut * 100)} % of the samples recognised by the others`);
    for (const hint of report.hints) console.log(`  hint: ${e(hint)}`);
    if (report.motion) console.log(`  motion gesture: threshold ${report.motion.threshold.toFixed(2)}${report.motion.leaveOneOut ? `, leave-one-out: ${report.motion.leaveOneOut.recognised} of ${report.motion.leaveOneOut.of} samples recognised by the others` : ''}`);
    if (report.confusable) console.log(`  warning: '${e(name)}' is easily confused with '${e(report.nearest?.gesture ?? '')}'`);
    if (report.registered) console.log(`  pack written: ${escapeControl(options.pack)}`);
  }
  return report.registered ? 0 : 1;
}
