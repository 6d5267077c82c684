import type { GestureRecognizer, GestureRecorder, RecognizeResult } from '@gesture/core';
import { fromFrames } from '@gesture/core';
import { lastValueFrom, map, tap } from 'rxjs';
import { loadImage } from '../load-image';
import { videoFrames } from '../video';
import { countEvent, describeEvent, eventJson } from './event-lines';
import type { CliInput } from './inputs';
import { errorInfo } from './output';

/** Options of `gesture recognize`. */
export interface RecognizeCommandOptions {
  json?: boolean;
  pack?: string;
  fps?: number;
  backend?: 'wasm' | 'cpu';
  /** Files recognised at once, each in its own worker thread; 1 runs in this thread. Defaults to `os.availableParallelism()`. */
  jobs?: number;
}

/**
 * One piece of output for one input: a `--json` line, or a row of the image or video table.
 * Plain data, so that a worker thread can post it to the main thread unchanged.
 */
export type RecognizeOutput = { json: unknown } | { imageRow: string[] } | { videoRow: string[] };

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/**
 * Hand ids as the CLI prints them: counted from 1 in each file. The recognizer's own ids run on
 * across files (one counter per recognizer), so they would depend on which files a worker thread
 * saw before; rebased per file they are the same with any `--jobs`, and a video's ids are those
 * of a fresh process (`gesture record` / `replay` of that video alone).
 */
function fileHandIds(): (id: number) => number {
  const ids = new Map<number, number>();
  return (id) => {
    if (!ids.has(id)) ids.set(id, ids.size + 1);
    return ids.get(id)!;
  };
}

/**
 * A tap between detect and classify (the `recorder` slot of `events()`) that keeps nothing but the
 * first hand id the detector gave in this run: a video's hands are numbered from there on, so
 * `id - first + 1` counts from 1 whatever the recognizer saw before.
 */
function firstHandIdTap(): { tap: GestureRecorder; rebase(id: number): number } {
  let first: number | undefined;
  const tap: GestureRecorder = {
    frameCount: 0,
    add(detection) {
      for (const hand of detection.hands) first = Math.min(first ?? hand.id, hand.id);
      return detection;
    },
    describe() {},
    toJSON() {
      throw new Error('firstHandIdTap keeps no recording');
    },
    clear() {},
  };
  return { tap, rebase: (id) => id - (first ?? id) + 1 };
}

/** The `--json` line for one image (hand ids from 1). */
export function imageLine(file: string, result: RecognizeResult) {
  const idOf = fileHandIds();
  return {
    file,
    width: result.width,
    height: result.height,
    hands: result.hands.map((hand) => ({
      id: idOf(hand.id),
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

/** The output of an input that failed (unreadable file, folder or video). */
export function failedOutput(path: string, error: unknown, json: boolean | undefined): RecognizeOutput {
  return json ? { json: { file: path, error: errorInfo(error) } } : { imageRow: [path, 'error', errorInfo(error).message, '', ''] };
}

async function recognizeVideo(recognizer: GestureRecognizer, path: string, options: RecognizeCommandOptions, emit: (output: RecognizeOutput) => void): Promise<boolean> {
  let framesRead = 0;
  const counts: Record<string, number> = {};
  const started = performance.now();
  const ids = firstHandIdTap();
  let failure: unknown;
  async function* counted() {
    for await (const frame of videoFrames(path, options.fps ? { fps: options.fps } : {})) {
      framesRead += 1;
      yield frame;
    }
  }
  const source = fromFrames(counted());
  try {
    await lastValueFrom(
      recognizer.events(source, { recorder: ids.tap }).pipe(
        map((event) => ('handId' in event ? { ...event, handId: ids.rebase(event.handId) } : event)),
        tap((event) => {
          countEvent(counts, event);
          emit(options.json ? { json: eventJson(event) } : { videoRow: [path, `${(event as { timestamp?: number }).timestamp ?? ''}`, describeEvent(event)] });
        }),
      ),
      { defaultValue: undefined },
    );
  } catch (error) {
    failure = error;
  }
  const msPerFrame = framesRead ? round((performance.now() - started) / framesRead, 1) : 0;
  const summary = { file: path, framesRead, framesDropped: source.dropped, events: counts, msPerFrame, ...(failure ? { error: errorInfo(failure) } : {}) };
  if (options.json) emit({ json: { summary } });
  else emit({ videoRow: [path, 'summary', `${framesRead} frames, ${source.dropped} dropped, ${msPerFrame} ms/frame${failure ? `, error: ${errorInfo(failure).message}` : ''}`] });
  return !failure;
}

/**
 * Recognises one input (an image, or a whole video) and hands its output to `emit` as it comes.
 * Resolves `false` when the input failed (its error has been emitted). The same function runs
 * in the main thread (`--jobs 1`) and in each worker thread, so the output is the same.
 */
export async function recognizeInput(recognizer: GestureRecognizer, input: CliInput, options: RecognizeCommandOptions, emit: (output: RecognizeOutput) => void): Promise<boolean> {
  if (input.kind === 'error') {
    emit(failedOutput(input.path, input.error, options.json));
    return false;
  }
  if (input.kind === 'video') return recognizeVideo(recognizer, input.path, options, emit);
  try {
    const line = imageLine(input.path, await recognizer.recognize(await loadImage(input.path)));
    if (options.json) emit({ json: line });
    else {
      const hands = line.hands.map((h) => `${h.gesture}${h.meaning ? ` (${h.meaning})` : ''} ${h.score.toFixed(2)} ${h.handedness}`).join('; ');
      emit({ imageRow: [input.path, `${line.width}×${line.height}`, hands || '–', String(line.faces), line.present ? 'yes' : 'no'] });
    }
    return true;
  } catch (error) {
    emit(failedOutput(input.path, error, options.json));
    return false;
  }
}
