import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import { fromFrames } from '../sources/from-frames';
import type { FrameData } from '../types';
import { buildClip, decodeClip } from './helpers/clip';
import { FIXTURES_DIR } from './helpers/fixtures';

// Tensor-leak soak: a short real clip (fist, nobody, palm, a face) looped through events() with
// the real models. CI runs GESTURE_SOAK_FRAMES=300 by default; `npm run soak` runs 10,000.
const FRAMES = Number(process.env.GESTURE_SOAK_FRAMES ?? 300);
const SIZE = { width: 320, height: 240, fps: 10 };

let dir: string;
let loop: FrameData[] = [];
let recognizer: GestureRecognizer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gesture-soak-'));
  const clip = join(dir, 'loop.mp4');
  await buildClip(
    clip,
    [
      { image: join(FIXTURES_DIR, 'fist', 'subhih__1528664299.56_pic00112.jpg'), seconds: 1 },
      { color: '0x6b7d8c', seconds: 0.5 },
      { image: join(FIXTURES_DIR, 'palm', 'subhih__pic00067.jpg'), seconds: 1 },
      { image: join(FIXTURES_DIR, 'none', 'webmorphr__lisa_lisa1.jpg'), seconds: 0.5 },
    ],
    SIZE,
  );
  for await (const frame of decodeClip(clip)) loop.push(frame);
  recognizer = await createGestureRecognizer({ backend: 'wasm' });
});

afterAll(() => {
  recognizer?.dispose();
  loop = [];
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`soak: ${FRAMES} frames through events() (real models)`, () => {
  it(
    'leaves tf.memory().numTensors flat',
    async () => {
      const samples: [frame: number, tensors: number][] = [];
      let warm = 0;
      function* looped() {
        for (let i = 0; i < FRAMES; i++) {
          if (i === 20) warm = tf.memory().numTensors;
          if (i % Math.max(1, Math.floor(FRAMES / 10)) === 0) samples.push([i, tf.memory().numTensors]);
          yield loop[i % loop.length]!;
        }
      }
      const started = performance.now();
      const events = await lastValueFrom(recognizer.events(fromFrames(looped(), { fps: SIZE.fps })).pipe(toArray()));
      const ms = performance.now() - started;
      const after = tf.memory().numTensors;
      const { stats } = recognizer.detector;
      console.log(
        `soak: ${FRAMES} frames in ${(ms / 1000).toFixed(1)} s (${(ms / FRAMES).toFixed(1)} ms/frame), ${events.length} events, ` +
          `detector runs ${stats.detectorRuns}, landmark runs ${stats.landmarkRuns}, face runs ${stats.faceRuns}; ` +
          `numTensors at frame 20: ${warm}, after: ${after}; samples ${samples.map(([f, n]) => `${f}:${n}`).join(' ')}; ` +
          `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
      );
      expect(events.filter((e) => e.type === 'error')).toEqual([]);
      expect(events.filter((e) => e.type === 'gesture').length).toBeGreaterThan(0);
      expect(samples.every(([, n]) => n === warm)).toBe(true);
      expect(after).toBe(warm);
    },
    Math.max(180_000, FRAMES * 200),
  );
});
