import { readFile } from 'node:fs/promises';
import { createReplayRecognizer, fromRecording, type GestureEvent, type GestureRecording } from '@gesture/core';
import { lastValueFrom, tap } from 'rxjs';
import { formatTable } from '../table';
import { countEvent, describeEvent, eventJson } from './event-lines';
import { errorInfo, printJsonLine } from './output';

/** Options of `gesture replay`. */
export interface ReplayCommandOptions {
  json?: boolean;
  pack?: string;
}

/**
 * `gesture replay <session.json>...`: the events of each recording (`gesture record`), without
 * models: classify → debounce → presence on the recorded detections, as fast as possible. Prints
 * them like `gesture recognize` prints a video's: one JSON line per event then a summary line
 * (`--json`), or a table. Returns the exit code: 1 if a recording could not be read, else 0.
 */
export async function replayCommand(paths: readonly string[], options: ReplayCommandOptions): Promise<number> {
  const replay = createReplayRecognizer();
  if (options.pack) await replay.gestures.import(JSON.parse(await readFile(options.pack, 'utf8')));
  const rows: string[][] = [];
  let failed = 0;
  for (const file of paths) {
    let frames = 0;
    const counts: Record<string, number> = {};
    const started = performance.now();
    try {
      const source = fromRecording(JSON.parse(await readFile(file, 'utf8')) as GestureRecording, { speed: 'fast' });
      frames = source.recording.frames.length;
      const print = (event: GestureEvent) => {
        countEvent(counts, event);
        if (options.json) printJsonLine(eventJson(event));
        else rows.push([file, `${(event as { timestamp?: number }).timestamp ?? ''}`, describeEvent(event)]);
      };
      await lastValueFrom(replay.events(source).pipe(tap(print)), { defaultValue: undefined });
    } catch (error) {
      failed += 1;
      if (options.json) printJsonLine({ file, error: errorInfo(error) });
      else rows.push([file, 'error', errorInfo(error).message]);
      continue;
    }
    const ms = performance.now() - started;
    const summary = { file, framesRead: frames, framesDropped: 0, events: counts, msPerFrame: frames ? Number((ms / frames).toFixed(3)) : 0, fps: Math.round(frames / (ms / 1000)) };
    if (options.json) printJsonLine({ summary });
    else rows.push([file, 'summary', `${frames} frames replayed at ${summary.fps} frames/s`]);
  }
  if (!options.json && rows.length) console.log(formatTable(['file', 'ms', 'event'], rows));
  replay.dispose();
  return failed > 0 ? 1 : 0;
}
