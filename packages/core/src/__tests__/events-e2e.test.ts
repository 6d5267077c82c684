import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GestureEvent } from '../events';
import { DEFAULT_DEBOUNCE_OPTIONS, DEFAULT_PRESENCE_OPTIONS } from '../event-options';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import { fromFrames } from '../sources/from-frames';
import { videoFrames } from '../../../node/src/video';
import { DEFAULT_HAND_DETECTOR_OPTIONS } from '../detect/options';
import { buildClip, decodeClip, type ClipSegment } from './helpers/clip';
import { FIXTURES_DIR, FIXTURES_ROOT } from './helpers/fixtures';

// Real models on a clip built from the fixture photos. The photos were picked because detect and
// classify read them clearly (scores ≥ 0.9; the portrait has a face and no hand).
const SIZE = { width: 480, height: 360, fps: 10 };
const photo = (cls: string, file: string) => join(FIXTURES_DIR, cls, file);
const SEGMENTS: (ClipSegment & { label: string })[] = [
  { label: 'none', image: photo('none', 'webmorphr__lisa_lisa1.jpg'), seconds: 2 },
  { label: 'fist', image: photo('fist', 'subhih__1528664299.56_pic00112.jpg'), seconds: 2 },
  { label: 'none', image: photo('none', 'webmorphr__lisa_lisa1.jpg'), seconds: 1 },
  { label: 'palm', image: photo('palm', 'subhih__pic00067.jpg'), seconds: 2 },
  { label: 'nobody', color: '0x6b7d8c', seconds: 3 },
  { label: 'peace', image: photo('peace', 'subhih__3_pic00031.jpg'), seconds: 2 },
];

let dir: string;
let clip: string;
let recognizer: GestureRecognizer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gesture-events-'));
  clip = join(dir, 'clip.mp4');
  await buildClip(clip, SEGMENTS, SIZE);
  recognizer = await createGestureRecognizer({ backend: 'wasm' });
});

afterAll(() => {
  recognizer?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Start time (ms) of segment `i`. */
const boundary = (i: number) => SEGMENTS.slice(0, i).reduce((ms, s) => ms + s.seconds * 1000, 0);

describe('recognizer.events() on a real clip (real models)', () => {
  it('gives exactly the expected events, each within minHoldMs + 2 frames of where it should be', async () => {
    const { minHoldMs, releaseMs } = DEFAULT_DEBOUNCE_OPTIONS;
    const { awayAfterMs, backAfterMs } = DEFAULT_PRESENCE_OPTIONS;
    const tensorsBefore = tf.memory().numTensors;
    const started = performance.now();
    const events = await lastValueFrom(recognizer.events(fromFrames(decodeClip(clip), { fps: SIZE.fps })).pipe(toArray()));
    const ms = performance.now() - started;
    const frames = boundary(SEGMENTS.length) / (1000 / SIZE.fps);
    console.log(`e2e: ${frames} frames in ${ms.toFixed(0)} ms (${(ms / frames).toFixed(1)} ms/frame); events:\n${events.map((e) => JSON.stringify(e)).join('\n')}`);

    const end = boundary(SEGMENTS.length) - 1000 / SIZE.fps; // last frame: held gestures end on complete
    const expected: [string, number][] = [
      ['presence back', boundary(0) + backAfterMs],
      ['gesture start fist no', boundary(1) + minHoldMs],
      ['gesture end fist no', boundary(2) + releaseMs],
      ['gesture start palm question', boundary(3) + minHoldMs],
      ['gesture end palm question', boundary(4) + releaseMs],
      ['presence away', boundary(4) + awayAfterMs],
      ['gesture start peace goodbye', boundary(5) + minHoldMs],
      ['presence back', boundary(5) + backAfterMs],
      ['gesture end peace goodbye', end],
    ];
    const describeEvent = (e: GestureEvent) => (e.type === 'gesture' ? `gesture ${e.phase} ${e.gesture} ${e.meaning}` : e.type === 'presence' ? `presence ${e.state}` : `${e.type}`);
    expect(events.map(describeEvent)).toEqual(expected.map(([what]) => what));
    const tolerance = minHoldMs + 2 * (1000 / SIZE.fps);
    events.forEach((event, i) => {
      const timestamp = (event as { timestamp: number }).timestamp;
      expect(Math.abs(timestamp - expected[i]![1]), `${describeEvent(event)} at ${timestamp}, expected ~${expected[i]![1]}`).toBeLessThanOrEqual(tolerance);
    });
    // Starts and ends pair up by occurrence id.
    const gestures = events.filter((e) => e.type === 'gesture');
    for (const start of gestures.filter((e) => e.phase === 'start')) {
      expect(gestures.filter((e) => e.id === start.id).map((e) => e.phase)).toEqual(['start', 'end']);
    }
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});

describe('a fist raised into view starts in time (real models, the defaults)', () => {
  // The gesture-recognizer clip (clips/MANIFEST.csv): a fist comes up from below at about 1.0 s and
  // rises at ≈ 0.4–0.7 frame sides per second, right at `motionBlurSpeed`, until it is above the face
  // (`on-head`) at ≈ 1.7 s. Its start must come within minHoldMs + one idle detector interval + one
  // frame of it appearing (#19). Before the blur rule kept a candidate the hand still read, at 15 fps
  // the blurred frames restarted the hold until the fist was over the face: no fist start at all.
  const CLIP = join(FIXTURES_ROOT, 'clips', 'mediapipe-samples_gesture_recognizer_test_video.mp4');
  const APPEARS_MS = 1000;
  for (const fps of [15, 10]) {
    it(`at ${fps} fps: fist starts within minHoldMs + 1000 / idleDetectorFps + one frame of appearing`, async () => {
      const frames = (async function* () {
        for await (const { frame, timestamp } of videoFrames(CLIP, { fps })) {
          if (timestamp > 2500) return;
          yield { frame, timestamp };
        }
      })();
      const events = await lastValueFrom(recognizer.events(fromFrames(frames)).pipe(toArray()));
      const start = events.find((e) => e.type === 'gesture' && e.phase === 'start');
      const budget = DEFAULT_DEBOUNCE_OPTIONS.minHoldMs + 1000 / DEFAULT_HAND_DETECTOR_OPTIONS.idleDetectorFps + 1000 / fps;
      expect(start && start.type === 'gesture' && [start.gesture, start.timestamp], JSON.stringify(events)).toEqual(['fist', expect.any(Number)]);
      expect((start as { timestamp: number }).timestamp - APPEARS_MS).toBeLessThanOrEqual(budget + 1);
    });
  }
});
