import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, filter, lastValueFrom, merge, pipe, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoFrames } from '../../../node/src/video';
import type { GestureEvent } from '../events';
import { classify, debounce, detect, fromFrames as fromFramesPublic, pace, presence, type PaceEvent, type Recognition } from '../index';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import { fromFrames } from '../sources/from-frames';
import { EVERY_FRAME, GOLDEN, GOLDEN_CLIPS } from './helpers/every-frame';
import { FIXTURES_ROOT } from './helpers/fixtures';

const CLIPS_DIR = join(FIXTURES_ROOT, 'clips');

// The events `recognizer.events()` gives on real clips, recorded once by the code before the
// pipeline was rebuilt from the stage operators (issue #13) and compared here on every run: a
// refactor of the pipeline must not change one event. Regenerate (only for a deliberate change in
// behaviour, and say so in the commit) with GESTURE_UPDATE_GOLDEN=1. Regenerated once, on purpose,
// for #15: on the gesture-recognizer clip the fist raised fast from below no longer ends and starts
// again under a new hand id (end 1.6 s, start 1.8 s, end 2.2 s became one hold ending at 2.7 s);
// the other three clips' events did not change.
// Regenerated again, on purpose, for #14 (built-in thumbs_up/thumbs_down/call/rock, resting hands):
// fingerpose_fingers-lq.gif gains thumbs_up 1.5–2.6 s and 3.9–4.2 s (its demo shows a thumbs-up);
// intel_asl_help.mkv gains thumbs_up 0.67–0.93 s (ASL "help" is a thumbs-up on the palm) and loses
// a zero-length palm blip at 1.87 s; on the gesture-recognizer clip the fist ends at 1.9 s instead of
// 2.7 s as the thumb comes out (the later `one`, 3.3–7.7 s, is unchanged: tracked landmarks there read
// an extended index); hagrid-dynamic_dndv1.gif did not change.
// Regenerated again, on purpose, for #19 (the rising fist; a blurred frame no longer interrupts a
// hold it still reads, and a new hand id within its box size of a hand that just vanished is that
// hand): on intel_asl_help.mkv the thumbs-up starts at 0.60 s instead of 0.67 s. It appears at
// 0.33 s (hand id 3) and the detector gives it a new id on the next frame, 34 px on; the hold used to
// restart under the new id. Every other event of the four clips is unchanged.
// Regenerated again for the landmark model's fused convolutions (docs/models.md; the landmarks
// move by float rounding): scores in the 5th–6th decimal, and two starts one frame earlier, the
// gesture-recognizer clip's `one` (3.3 → 3.2 s) and hagrid-dynamic_dndv1.gif's second palm
// (4.07 → 4.0 s). The events are the same otherwise.

/**
 * Events as compared: scores rounded to 6 decimals (the models run on WASM; the rest must match
 * exactly), and hand ids renumbered by first appearance, since the detector's ids keep counting
 * across runs and so depend on which clips ran before.
 */
function comparable(events: readonly GestureEvent[]): unknown[] {
  const ids = new Map<number, number>();
  return events.map((event) =>
    JSON.parse(
      JSON.stringify(event, (key, value: unknown) => {
        if (key === 'score' && typeof value === 'number') return Math.round(value * 1e6) / 1e6;
        if (key === 'handId' && typeof value === 'number') return ids.get(value) ?? (ids.set(value, ids.size + 1), ids.size);
        return value;
      }),
    ),
  );
}

/** The clip's frames, decoded at `fps`. */
async function* decode(file: string, fps: number) {
  for await (const { frame } of videoFrames(join(CLIPS_DIR, file), { fps })) yield frame;
}

/**
 * The detector on every frame, as when the events were recorded: the idle budget, the face rate and
 * the face filter (#19) only skip work, and with them off not one event may change.
 * events-idle-budget.test.ts compares the defaults against the same recording.
 */
let recognizer: GestureRecognizer;
beforeAll(async () => {
  recognizer = await createGestureRecognizer({ backend: 'wasm', ...EVERY_FRAME });
});
afterAll(() => recognizer?.dispose());

describe('recognizer.events() on real clips matches the recorded events', () => {
  const update = process.env.GESTURE_UPDATE_GOLDEN === '1';
  const golden: Record<string, unknown[]> = update || !existsSync(GOLDEN) ? {} : JSON.parse(readFileSync(GOLDEN, 'utf8'));
  for (const { file, fps } of GOLDEN_CLIPS) {
    it(file, async () => {
      // Motion events (wave, swipes) came after the recording; the gesture and presence events must not change.
      const events = comparable((await lastValueFrom(recognizer.events(fromFrames(decode(file, fps), { fps })).pipe(toArray()))).filter((e) => e.type !== 'motion'));
      console.log(`${file}: ${events.length} events\n${events.map((e) => JSON.stringify(e)).join('\n')}`);
      if (update) {
        golden[file] = events;
        writeFileSync(GOLDEN, `${JSON.stringify(golden, null, 1)}\n`);
      }
      expect(events.length).toBeGreaterThan(0);
      expect(events).toEqual(comparable((golden[file] ?? []) as GestureEvent[]));
    });
  }
});

describe('the same pipeline built by hand from the exported operators gives the same events', () => {
  // What docs/pipeline.md shows: pace → detect → classify, then debounce and presence side by side.
  for (const { file, fps } of [GOLDEN_CLIPS[0], GOLDEN_CLIPS[3]]) {
    it(file, async () => {
      const { detector, gestures } = recognizer;
      detector.reset(); // events() starts each run cold too
      const byHand = fromFramesPublic(decode(file, fps), { fps }).pipe(
        pace(pipe(detect(detector), classify(gestures))),
        connect((out) =>
          merge(
            out.pipe(filter((o): o is PaceEvent => 'type' in o)),
            out.pipe(
              filter((o): o is Recognition => !('type' in o)),
              connect((results) => merge(results.pipe(debounce()), results.pipe(presence()))),
            ),
          ),
        ),
      );
      const events = comparable((await lastValueFrom(byHand.pipe(toArray()))) as GestureEvent[]);
      const golden: Record<string, unknown[]> = JSON.parse(readFileSync(GOLDEN, 'utf8'));
      expect(events).toEqual(comparable((golden[file] ?? []) as GestureEvent[]));
    });
  }
});
