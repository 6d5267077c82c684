import { createRecorder, fromFrames } from '@gesture/core';
import { lastValueFrom, tap } from 'rxjs';
import { createNodeRecognizer } from '../node-recognizer';
import { videoFrames } from '../video';
import { countEvent, eventJson } from './event-lines';
import { errorInfo, printJsonLine } from './output';
import { writeFileAtomic } from './pack-file';

/** Options of `gesture record`. */
export interface RecordCommandOptions {
  output: string;
  fps?: number;
  mirror?: boolean;
  json?: boolean;
  backend?: 'wasm' | 'cpu';
}

/**
 * `gesture record <video> -o session.json`: runs the detect stage on every frame of a video and
 * writes what it produced per frame as a recording (written atomically) that `gesture replay`
 * and `fromRecording()` replay without models. With `--json`, prints the live run's events (one
 * JSON line each, as `gesture recognize` does) then a summary line. Returns the exit code:
 * 0 when the recording was written, 1 when the video could not be read.
 */
export async function recordCommand(input: string, options: RecordCommandOptions): Promise<number> {
  const recognizer = await createNodeRecognizer({ backend: options.backend ?? 'wasm', mirror: options.mirror ?? false });
  const recorder = createRecorder();
  const started = performance.now();
  const counts: Record<string, number> = {};
  let failure: unknown;
  try {
    const events = recognizer.events(fromFrames(videoFrames(input, options.fps ? { fps: options.fps } : {})), { recorder });
    await lastValueFrom(events.pipe(tap((event) => (countEvent(counts, event), options.json && printJsonLine(eventJson(event))))), { defaultValue: undefined });
  } catch (error) {
    failure = error;
  } finally {
    recognizer.dispose();
  }
  const frames = recorder.frameCount;
  const msPerFrame = frames ? Number(((performance.now() - started) / frames).toFixed(1)) : 0;
  if (failure) {
    const line = { file: input, framesRead: frames, error: errorInfo(failure) };
    if (options.json) printJsonLine(line);
    else console.error(`gesture record: ${input}: ${line.error.message}`);
    return 1;
  }
  const text = JSON.stringify(recorder.toJSON());
  await writeFileAtomic(options.output, text);
  const summary = { file: input, output: options.output, framesRead: frames, events: counts, bytes: Buffer.byteLength(text), msPerFrame };
  if (options.json) printJsonLine({ summary });
  else console.log(`${input} → ${options.output}: ${frames} frames, ${(summary.bytes / 1024).toFixed(0)} KiB, ${msPerFrame} ms/frame`);
  return 0;
}
