import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoFrames } from '../../../node/src/video';
import type { GestureEvent } from '../events';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import { fromFrames } from '../sources/from-frames';
import { FIXTURES_DIR } from './helpers/fixtures';

const CLIPS_DIR = resolve(FIXTURES_DIR, '../clips');

// The events `recognizer.events()` gives on real clips, recorded once by the code before the
// pipeline was rebuilt from the stage operators (issue #13) and compared here on every run: a
// refactor of the pipeline must not change one event. Regenerate (only for a deliberate change in
// behaviour, and say so in the commit) with GESTURE_UPDATE_GOLDEN=1.
const GOLDEN = join(fileURLToPath(new URL('.', import.meta.url)), 'golden', 'events.json');
/** Clips with gestures, two hands, a face and presence changes, decoded at `fps`. */
export const GOLDEN_CLIPS = [
  { file: 'mediapipe-samples_gesture_recognizer_test_video.mp4', fps: 10 },
  { file: 'fingerpose_fingers-lq.gif', fps: 10 },
  { file: 'hagrid-dynamic_dndv1.gif', fps: 15 },
  { file: 'intel_asl_help.mkv', fps: 15 },
] as const;

/** An event as stored: scores rounded to 6 decimals (the models run on WASM; the rest must match exactly). */
export function comparable(event: GestureEvent): unknown {
  return JSON.parse(JSON.stringify(event, (key, value: unknown) => (key === 'score' && typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value)));
}

let recognizer: GestureRecognizer;
beforeAll(async () => {
  recognizer = await createGestureRecognizer({ backend: 'wasm' });
});
afterAll(() => recognizer?.dispose());

describe('recognizer.events() on real clips matches the recorded events', () => {
  const update = process.env.GESTURE_UPDATE_GOLDEN === '1';
  const golden: Record<string, unknown[]> = update || !existsSync(GOLDEN) ? {} : JSON.parse(readFileSync(GOLDEN, 'utf8'));
  for (const { file, fps } of GOLDEN_CLIPS) {
    it(file, async () => {
      const frames = (async function* () {
        for await (const { frame } of videoFrames(join(CLIPS_DIR, file), { fps })) yield frame;
      })();
      const events = (await lastValueFrom(recognizer.events(fromFrames(frames, { fps })).pipe(toArray()))).map(comparable);
      console.log(`${file}: ${events.length} events\n${events.map((e) => JSON.stringify(e)).join('\n')}`);
      if (update) {
        golden[file] = events;
        writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 1)}\n`);
      }
      expect(events.length).toBeGreaterThan(0);
      expect(events).toEqual(golden[file]);
    });
  }
});
