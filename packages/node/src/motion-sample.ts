import { lastValueFrom } from 'rxjs';
import { createRecorder, type GestureRecognizer, type GestureRecording } from '@gesture/core';
import { createNodeRecognizer } from './node-recognizer';
import { probeVideo, videoFrames } from './video';

/** Options of {@link motionSampleFromVideo}. */
export interface MotionSampleFromVideoOptions {
  /** The recognizer whose detector runs over the video. Defaults to a new one (disposed afterwards). */
  recognizer?: GestureRecognizer;
  /** Frames per second to decode (never more than the video's own). Defaults to `15` (enough for a movement, and cheaper). */
  fps?: number;
  /** Only frames from this time (ms from the start of the video). Defaults to `0`. */
  startMs?: number;
  /** Only frames up to this time (ms). Defaults to the end of the video. */
  endMs?: number;
}

/**
 * Runs the detector over a video file (or a time range of it) and returns what it found as a
 * `GestureRecording`: a motion sample for `recognizer.gestures.register(name, [a, b, c])`. The
 * hand's track is read from it at registration (the largest hand, followed by its id).
 *
 * @example
 * import { createNodeRecognizer, motionSampleFromVideo } from '@gesture/node';
 * const recognizer = await createNodeRecognizer();
 * const samples = await Promise.all(['a.mp4', 'b.mp4', 'c.mp4'].map((f) => motionSampleFromVideo(f, { recognizer })));
 * const report = await recognizer.gestures.register('circle', samples, { meaning: 'refresh' });
 */
export async function motionSampleFromVideo(path: string, options: MotionSampleFromVideoOptions = {}): Promise<GestureRecording> {
  const recognizer = options.recognizer ?? (await createNodeRecognizer());
  const { startMs = 0, endMs = Infinity } = options;
  try {
    const fps = options.fps ?? 15;
    const frames = (async function* () {
      for await (const frame of fromVideoFrames(path, fps)) {
        if (frame.timestamp < startMs) continue;
        if (frame.timestamp > endMs) break;
        yield frame;
      }
    })();
    const recorder = createRecorder();
    await lastValueFrom(recognizer.events(frames, { recorder }), { defaultValue: null });
    return recorder.toJSON();
  } finally {
    if (!options.recognizer) recognizer.dispose();
  }
}

/** The video's frames at `fps` (never faster than the video itself). */
async function* fromVideoFrames(path: string, fps: number) {
  const info = await probeVideo(path);
  yield* videoFrames(path, { fps: info.fps > 0 ? Math.min(fps, info.fps) : fps });
}
