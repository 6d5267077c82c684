import { readFile } from 'node:fs/promises';
import type { GestureRecognizer, RecognizeResult } from '@gesture/core';
import { lastValueFrom, tap } from 'rxjs';
import { loadImage } from '../load-image';
import { createNodeRecognizer } from '../node-recognizer';
import { fromFrames } from '@gesture/core';
import { videoFrames } from '../video';
import { expandInputs, type CliInput } from './inputs';
import { formatTable } from '../table';
import { countEvent, describeEvent, eventJson } from './event-lines';
import { createProgress, errorInfo, printJsonLine } from './output';

/** Options of `gesture recognize`. */
export interface RecognizeCommandOptions {
  json?: boolean;
  pack?: string;
  fps?: number;
  backend?: 'wasm' | 'cpu';
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** The `--json` line for one image. */
export function imageLine(file: string, result: RecognizeResult) {
  return {
    file,
    width: result.width,
    height: result.height,
    hands: result.hands.map((hand) => ({
      id: hand.id,
      gesture: hand.gesture,
      meaning: hand.meaning,
      score: round(hand.score, 3),
      handedness: hand.handedness,
      box: hand.box.map((v) => round(v)),
      landmarks: hand.landmarks.map((point) => point.map((v) => round(v))),
    })),
    faces: result.faces.length,
    present: result.present,
  };
}

async function recognizeVideo(recognizer: GestureRecognizer, input: CliInput, options: RecognizeCommandOptions, rows: string[][]): Promise<boolean> {
  let framesRead = 0;
  const counts: Record<string, number> = {};
  const started = performance.now();
  let failure: unknown;
  async function* counted() {
    for await (const frame of videoFrames(input.path, options.fps ? { fps: options.fps } : {})) {
      framesRead += 1;
      yield frame;
    }
  }
  const source = fromFrames(counted());
  try {
    await lastValueFrom(
      recognizer.events(source).pipe(
        tap((event) => {
          countEvent(counts, event);
          if (options.json) printJsonLine(eventJson(event));
          else rows.push([input.path, `${(event as { timestamp?: number }).timestamp ?? ''}`, describeEvent(event)]);
        }),
      ),
      { defaultValue: undefined },
    );
  } catch (error) {
    failure = error;
  }
  const msPerFrame = framesRead ? round((performance.now() - started) / framesRead, 1) : 0;
  const summary = { file: input.path, framesRead, framesDropped: source.dropped, events: counts, msPerFrame, ...(failure ? { error: errorInfo(failure) } : {}) };
  if (options.json) printJsonLine({ summary });
  else rows.push([input.path, 'summary', `${framesRead} frames, ${source.dropped} dropped, ${msPerFrame} ms/frame${failure ? `, error: ${errorInfo(failure).message}` : ''}`]);
  return !failure;
}

/**
 * `gesture recognize <image|dir|video>...`: one JSON line per image (or per video event, then a
 * summary line), or a table. Returns the exit code: 1 if any input failed (an unreadable file,
 * video or folder, or a folder with no image), else 0. A pack that cannot be read throws (exit 2).
 */
export async function recognizeCommand(paths: readonly string[], options: RecognizeCommandOptions): Promise<number> {
  const inputs = await expandInputs(paths);
  const recognizer = await createNodeRecognizer({ backend: options.backend ?? 'wasm' });
  let failed = 0;
  try {
    if (options.pack) await recognizer.gestures.import(JSON.parse(await readFile(options.pack, 'utf8')));
    const progress = createProgress(inputs.length, 'files');
    const imageRows: string[][] = [];
    const videoRows: string[][] = [];
    for (const input of inputs) {
      progress.tick(input.path);
      if (input.kind === 'error') {
        failed += 1;
        if (options.json) printJsonLine({ file: input.path, error: errorInfo(input.error) });
        else imageRows.push([input.path, 'error', input.error.message, '', '']);
        continue;
      }
      if (input.kind === 'video') {
        if (!(await recognizeVideo(recognizer, input, options, videoRows))) failed += 1;
        continue;
      }
      try {
        const line = imageLine(input.path, await recognizer.recognize(await loadImage(input.path)));
        if (options.json) printJsonLine(line);
        else {
          const hands = line.hands.map((h) => `${h.gesture}${h.meaning ? ` (${h.meaning})` : ''} ${h.score.toFixed(2)} ${h.handedness}`).join('; ');
          imageRows.push([input.path, `${line.width}×${line.height}`, hands || '–', String(line.faces), line.present ? 'yes' : 'no']);
        }
      } catch (error) {
        failed += 1;
        if (options.json) printJsonLine({ file: input.path, error: errorInfo(error) });
        else imageRows.push([input.path, 'error', errorInfo(error).message, '', '']);
      }
    }
    progress.stop();
    if (!options.json) {
      if (imageRows.length) console.log(formatTable(['file', 'size', 'hands (gesture, meaning, score, hand)', 'faces', 'present'], imageRows));
      if (videoRows.length) console.log(formatTable(['file', 'ms', 'event'], videoRows));
    }
  } finally {
    recognizer.dispose();
  }
  return failed > 0 ? 1 : 0;
}
