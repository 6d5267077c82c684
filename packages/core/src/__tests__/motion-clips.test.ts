import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from './helpers/clip';
import { probeVideo, videoFrames } from '../../../node/src/video';
import type { GestureEvent, MotionEvent } from '../events';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import { fromFrames } from '../sources/from-frames';
import { FIXTURES_DIR, FIXTURES_ROOT, MOTION_NEGATIVE_CLIPS } from './helpers/fixtures';
import { PERFORMANCES, recordMotion } from './helpers/motion-recordings';

// Motion gestures on real clips with the shipped models (../shared/fixtures/clips, MANIFEST.csv).
const CLIPS = join(FIXTURES_ROOT, 'clips');

/**
 * The labelled swipes of the HaGRID-dynamic clips, from their MANIFEST descriptions: when the move
 * starts and when the hand is at its destination (s). The descriptions are given in quarter
 * seconds, so a swipe must be reported between its start and 0.5 s after its arrival, plus that
 * quarter second.
 */
const SWIPES: Record<string, [gesture: string, startS: number, arrivedS: number][]> = {
  'hagrid-dynamic_swipe_left_right.gif': [
    ['swipe_right', 0.2, 0.5],
    ['swipe_left', 2.5, 3.0],
    ['swipe_right', 4.25, 4.75],
  ],
  'hagrid-dynamic_swipe2_left_right.gif': [
    ['swipe_right', 1.0, 1.5],
    ['swipe_left', 2.75, 3.25],
  ],
  'hagrid-dynamic_swipe_up_down.gif': [
    ['swipe_down', 1.25, 1.75],
    ['swipe_up', 3.0, 3.5],
  ],
  'hagrid-dynamic_swipe3_up_down.gif': [
    ['swipe_down', 1.0, 1.5],
    ['swipe_up', 3.75, 4.25],
  ],
};

/** Clips with no motion gesture: signing, a classroom, typing, squats with arm swings, hands held up, poses held still. Decoded at their own rate, at most 15 fps. */
const NEGATIVES = [
  ...MOTION_NEGATIVE_CLIPS,
  'mediapipe-samples_gesture_recognizer_test_video.mp4',
  'fingerpose_fingers-lq.gif',
  'hagrid-dynamic_dndv3.gif',
];

let recognizer: GestureRecognizer;
let dir: string;

async function eventsOf(file: string, fps?: number): Promise<GestureEvent[]> {
  const frames = (async function* () {
    for await (const { frame, timestamp } of videoFrames(file, fps ? { fps } : {})) yield { frame, timestamp };
  })();
  return lastValueFrom(recognizer.events(fromFrames(frames)).pipe(toArray()));
}
const motions = (events: GestureEvent[]) => events.filter((e): e is MotionEvent => e.type === 'motion');

/**
 * There is no real waving clip among the fixtures, so the wave clips are built here the way the
 * other test videos are: a fixture photo of an open palm, moved side to side (about one hand width
 * each way, 0.7 s a swing, from 1 s to 3.1 s) over a plain background with ffmpeg.
 */
function buildWaveClip(photo: string, output: string): Promise<void> {
  const args = ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=0x6b7d8c:s=640x480:r=15', '-loop', '1', '-i', photo,
    '-filter_complex', "[1:v]scale=180:-1,setsar=1[p];[0:v][p]overlay=x='230+100*sin(2*PI*(t-1)/0.7)*between(t,1,3.1)':y=150:shortest=1,format=yuv420p",
    '-t', '4.5', '-r', '15', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', output];
  return runFfmpeg(args);
}

/**
 * Custom motion gestures are registered for every test here, each taught from 3 detector
 * recordings (helpers/motion-recordings.ts): none may fire on the swipe clips, the wave clips or
 * the negatives, whose tests expect exactly the built-in motions. (A custom wave would, rightly,
 * fire on the wave clips: its registration report names `wave` as nearest.)
 */
const CUSTOM_MOTIONS = ['circle', 'zigzag', 'tick'] as const;

beforeAll(async () => {
  recognizer = await createGestureRecognizer({ backend: 'wasm' });
  dir = mkdtempSync(join(tmpdir(), 'gesture-motion-'));
  for (const gesture of CUSTOM_MOTIONS) {
    const samples = [];
    for (let i = 0; i < 3 && i < PERFORMANCES.length; i++) samples.push(await recordMotion(recognizer, gesture, i, dir));
    expect((await recognizer.gestures.register(gesture, samples)).registered).toBe(true);
  }
}, 120_000);
afterAll(() => {
  recognizer?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('swipes on the HaGRID-dynamic clips (real models)', () => {
  for (const [clip, expected] of Object.entries(SWIPES)) {
    it(`${clip}: ${expected.map(([g]) => g).join(', ')}`, async () => {
      const events = await eventsOf(join(CLIPS, clip));
      const found = motions(events);
      console.log(`${clip}: ${found.map((e) => `${e.gesture} @${(e.timestamp / 1000).toFixed(2)} s (from ${(e.startTime / 1000).toFixed(2)}, score ${e.score.toFixed(2)})`).join(', ')}`);
      expect(found.map((e) => e.gesture)).toEqual(expected.map(([g]) => g));
      found.forEach((event, i) => {
        const [, startS, arrivedS] = expected[i]!;
        expect(event.timestamp).toBeGreaterThanOrEqual(startS * 1000);
        expect(event.timestamp, `${event.gesture} reported ${((event.timestamp - arrivedS * 1000) / 1000).toFixed(2)} s after the hand arrived`).toBeLessThanOrEqual((arrivedS + 0.5 + 0.25) * 1000);
      });
      // A pose held through the swipes (a flat hand, two fingers) starts once: motion blur and the
      // detector losing the fast hand do not end it and start it again.
      const starts = events.filter((e) => e.type === 'gesture' && e.phase === 'start');
      expect(starts.length, starts.map((e) => JSON.stringify(e)).join('\n')).toBeLessThanOrEqual(1);
    });
  }
});

describe('wave clips built from fixture photos (real models)', () => {
  for (const photo of ['sld__5_IMG_4039.jpg', 'sld__5_IMG_4074.jpg']) {
    it(`a palm (${photo}) swung side to side gives exactly one wave, and no swipe`, async () => {
      const clip = join(dir, `wave-${photo}.mp4`);
      await buildWaveClip(join(FIXTURES_DIR, 'palm', photo), clip);
      const found = motions(await eventsOf(clip));
      console.log(`wave ${photo}: ${found.map((e) => `${e.gesture} @${(e.timestamp / 1000).toFixed(2)} s`).join(', ')}`);
      expect(found.map((e) => e.gesture)).toEqual(['wave']);
      expect(found[0]!.meaning).toBe('hello');
      expect(found[0]!.timestamp).toBeGreaterThan(1000);
      expect(found[0]!.timestamp).toBeLessThanOrEqual(3100);
    });
  }
});

describe('clips with no motion gesture give no motion event (real models)', () => {
  for (const clip of NEGATIVES) {
    it(clip, async () => {
      const file = join(CLIPS, clip);
      const events = await eventsOf(file, Math.min(15, (await probeVideo(file)).fps || 15));
      expect(motions(events).map((e) => `${e.gesture} @${(e.timestamp / 1000).toFixed(2)} s`)).toEqual([]);
    });
  }
});
