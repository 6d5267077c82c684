import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoFrames } from '../../../node/src/video';
import { DEFAULT_HAND_DETECTOR_OPTIONS } from '../detect/options';
import type { GestureEvent } from '../events';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import { fromFrames } from '../sources/from-frames';
import { GOLDEN, GOLDEN_CLIPS } from './helpers/every-frame';
import { FIXTURES_ROOT } from './helpers/fixtures';

// With the default idle budget (palm detector ≤ idleDetectorFps, faces ≤ faceDetectorFps, palms on
// faces skipped) the clips recorded in golden/events.json, with the detector on every frame, give
// the same gestures and presence changes in the same order; a gesture's start comes at most one
// detector interval plus one frame later, never earlier.

type Event = GestureEvent & { timestamp?: number; phase?: string; gesture?: string; state?: string };
const shape = (e: Event) => (e.type === 'gesture' ? `${e.phase} ${e.gesture}` : e.type === 'presence' ? `presence ${e.state}` : e.type);

async function* decode(file: string, fps: number) {
  for await (const { frame } of videoFrames(join(FIXTURES_ROOT, 'clips', file), { fps })) yield frame;
}

let recognizer: GestureRecognizer;
beforeAll(async () => {
  recognizer = await createGestureRecognizer({ backend: 'wasm' });
});
afterAll(() => recognizer?.dispose());

describe('the idle budget keeps the recorded events, a start at most one detector interval later', () => {
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Event[]>;
  const interval = 1000 / DEFAULT_HAND_DETECTOR_OPTIONS.idleDetectorFps;
  for (const { file, fps } of GOLDEN_CLIPS) {
    it(file, async () => {
      const events = ((await lastValueFrom(recognizer.events(fromFrames(decode(file, fps), { fps })).pipe(toArray()))) as Event[]).filter((e) => e.type !== 'motion');
      const recorded = golden[file]!;
      console.log(`${file}\n  budget: ${events.map((e) => `${shape(e)}@${e.timestamp}`).join(', ')}\n  every frame: ${recorded.map((e) => `${shape(e)}@${e.timestamp}`).join(', ')}`);
      expect(events.map(shape)).toEqual(recorded.map(shape));
      events.forEach((event, i) => {
        const late = event.timestamp! - recorded[i]!.timestamp!;
        if (event.type === 'gesture' && event.phase === 'start') {
          expect(late).toBeGreaterThanOrEqual(0);
          expect(late).toBeLessThanOrEqual(interval + 1000 / fps + 1);
        }
      });
    });
  }
});
