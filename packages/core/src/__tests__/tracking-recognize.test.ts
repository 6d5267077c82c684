import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GestureEvent } from '../events';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import { fromFrames } from '../sources/from-frames';
import type { FrameData, TimedFrame } from '../types';
import { decodeFixture, fixtureFiles } from './helpers/fixtures';

// Issue #17 item 9: recognize() (image mode) during a running events() (video mode) must not
// touch the video's tracking: a palm held still keeps one start/end and one hand id. Real models.

let recognizer: GestureRecognizer;
let palm: FrameData;
let fist: FrameData;
beforeAll(async () => {
  recognizer = await createGestureRecognizer({ backend: 'wasm' });
  palm = await decodeFixture(fixtureFiles('palm').find((f) => f.endsWith('subhih__pic00067.jpg'))!);
  fist = await decodeFixture(fixtureFiles('fist')[0]!);
}, 60_000);
afterAll(() => recognizer?.dispose());

describe('recognize() during events()', () => {
  it('a held palm keeps one start, one end and one hand id when recognize() runs in the middle', async () => {
    let recognizedHands = -1;
    async function* heldPalm(): AsyncGenerator<TimedFrame> {
      for (let i = 0; i < 16; i++) {
        // Between two video frames (the source is pulled), a standalone photo is recognised.
        if (i === 8) recognizedHands = (await recognizer.recognize(fist)).hands.length;
        yield { frame: palm, timestamp: i * 100 };
      }
    }
    const events = await lastValueFrom(recognizer.events(fromFrames(heldPalm())).pipe(toArray()));
    const gestures = events.filter((e): e is Extract<GestureEvent, { type: 'gesture' }> => e.type === 'gesture');
    expect(recognizedHands).toBe(1);
    expect(gestures.map((e) => `${e.phase} ${e.gesture}`)).toEqual(['start palm', 'end palm']);
    expect(new Set(gestures.map((e) => e.handId)).size).toBe(1);
  }, 120_000);
});
