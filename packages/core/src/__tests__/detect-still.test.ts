import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cropRoi } from '../detect/crop';
import type { LandmarkResult } from '../detect/hand-landmarks';
import type { Roi } from '../detect/roi';
import { pixelThumbnail, regionLandmarks, thumbnailChange, thumbnailOf } from '../detect/still';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import type { FrameData } from '../types';
import { decodeFixture, fixtureFiles } from './helpers/fixtures';
import { blankLike, expectFoundWithin, feedFrames, shifted } from './helpers/idle-scene';

// Still hands and still scenes on video (#19): a tracked hand whose thumbnail has not changed keeps
// its landmarks (`stillHandMs`), and a due palm-detector run on an unchanged frame is skipped
// (`stillSceneMs`). Real models on a fixture photo; the "video" is the photo repeated, shifted or
// painted over.

/** `frame` with the box's top half painted over in flat grey: the hand changed shape there. */
function paintedOver(frame: FrameData, box: readonly number[]): FrameData {
  const data = new Uint8Array(frame.data);
  const [x0, y0, w, h] = box.map(Math.round) as [number, number, number, number];
  for (let y = Math.max(0, y0); y < Math.min(frame.height, y0 + h / 2); y++) {
    for (let x = Math.max(0, x0); x < Math.min(frame.width, x0 + w); x++) data.fill(128, (y * frame.width + x) * 4, (y * frame.width + x) * 4 + 3);
  }
  return { ...frame, data };
}

/** The photo as an int32 `[h, w, 3]` tensor frame. */
const rgbTensor = (frame: FrameData) => tf.tidy(() => tf.slice(tf.tensor3d(Int32Array.from(frame.data), [frame.height, frame.width, 4], 'int32'), [0, 0, 0], [frame.height, frame.width, 3])) as tf.Tensor3D;

let photo: FrameData;
let recognizer: GestureRecognizer;
beforeAll(async () => {
  photo = await decodeFixture(fixtureFiles('palm')[0]!);
  recognizer = await createGestureRecognizer({ backend: 'wasm', maxHands: 1 });
});
afterAll(() => recognizer?.dispose());

const runs = () => ({ landmarks: recognizer.detector.stats.landmarkRuns, reused: recognizer.detector.stats.landmarkReuses ?? 0, detector: recognizer.detector.stats.detectorRuns });

describe('thumbnails', () => {
  it('read the same from raw pixels and from the frame tensor, and see a painted box', async () => {
    const box: [number, number, number, number] = [photo.width * 0.2, photo.height * 0.2, photo.width * 0.5, photo.height * 0.4];
    const fromBytes = pixelThumbnail(photo, box)!;
    const image = tf.tidy(() => tf.expandDims(tf.cast(rgbTensor(photo), 'float32'), 0)) as tf.Tensor4D;
    const tensors = tf.memory().numTensors;
    const fromTensor = await thumbnailOf(image, box);
    expect(tf.memory().numTensors).toBe(tensors);
    image.dispose();
    expect(fromBytes).toHaveLength(256);
    // Point samples (bytes) against bilinear samples at slightly other points (tensor) of the same
    // cells: close, not equal (each path is only ever compared with itself).
    expect(thumbnailChange(fromBytes, fromTensor)[0]).toBeLessThan(10);
    expect(pixelThumbnail(image as never, box)).toBeNull();
    const painted = pixelThumbnail(paintedOver(photo, box), box)!;
    expect(thumbnailChange(fromBytes, painted)[1]).toBeGreaterThan(10);
    expect(thumbnailChange(fromBytes, pixelThumbnail(photo, box)!)).toEqual([0, 0]);
  });
});

describe('regionLandmarks: a tracked hand converts only the part of a raw frame its crop reads', () => {
  it('samples the same crop as the whole frame gives, for any ROI (rotated, at an edge, partly outside), and maps points back to frame pixels', async () => {
    const whole = tf.tidy(() => tf.expandDims(tf.cast(tf.slice(tf.tensor3d(Int32Array.from(photo.data), [photo.height, photo.width, 4], 'int32'), [0, 0, 0], [photo.height, photo.width, 3]), 'float32'), 0)) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    await fc.assert(
      fc.asyncProperty(fc.double({ min: -0.2, max: 1.2, noNaN: true }), fc.double({ min: -0.2, max: 1.2, noNaN: true }), fc.double({ min: 0.05, max: 1.5, noNaN: true }), fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), async (u, v, s, rotation) => {
        const roi: Roi = { cx: u * photo.width, cy: v * photo.height, size: s * Math.max(photo.width, photo.height), rotation };
        let seen: Roi | undefined;
        let diff = 0;
        const estimate = async (image: tf.Tensor4D, part: Roi): Promise<LandmarkResult> => {
          seen = part;
          diff = tf.tidy(() => tf.max(tf.abs(tf.sub(cropRoi(image, part, 64), cropRoi(whole, roi, 64)))).dataSync()[0]!);
          return { landmarks: [[part.cx, part.cy, 1]], presence: 1, rightInMirrored: 0 };
        };
        const result = await regionLandmarks(photo, roi, estimate);
        if (!result) {
          // Only a ROI wholly outside the frame has no part to convert.
          expect(seen).toBeUndefined();
          return;
        }
        expect(diff).toBeLessThan(0.01);
        expect(result.landmarks[0]![0]).toBeCloseTo(roi.cx, 6);
        expect(result.landmarks[0]![1]).toBeCloseTo(roi.cy, 6);
      }),
      { seed: 20261201, numRuns: 60 },
    );
    expect(tf.memory().numTensors).toBe(before);
    // Any other frame kind: the caller converts the whole frame.
    const tensorFrame = tf.squeeze(whole, [0]) as tf.Tensor3D;
    expect(await regionLandmarks(tensorFrame, { cx: 10, cy: 10, size: 10, rotation: 0 }, async () => ({ landmarks: [], presence: 0, rightInMirrored: 0 }))).toBeNull();
    tf.dispose([whole, tensorFrame]);
  });
});

describe('stillHandMs: a tracked hand that holds still keeps its landmarks', () => {
  it('reuses them on unchanged frames, runs the model again at least every stillHandMs', async () => {
    const { detector } = recognizer;
    detector.reset();
    const first = await detector.detect(photo, { mode: 'video', timestamp: 0 });
    expect(first.hands).toHaveLength(1);
    const before = runs();
    const seen: number[] = [];
    // 30 fps for 1 s: the landmark model runs on the next frame (a hand is reused only once two
    // runs agree on where it is), then every 500 ms (stillHandMs), and nowhere else.
    for (let i = 1; i <= 30; i++) {
      const t = i * (1000 / 30);
      const start = runs().landmarks;
      const detection = await detector.detect(photo, { mode: 'video', timestamp: t });
      expect(detection.hands).toHaveLength(1);
      expect(detection.hands[0]!.id).toBe(first.hands[0]!.id);
      if (runs().landmarks > start) seen.push(Math.round(t));
    }
    expect(seen).toEqual([33, 533]);
    expect(runs().reused - before.reused).toBe(28);
    expect(runs().detector).toBe(before.detector);
  });

  it('runs the model at once when the hand moves or changes', async () => {
    const { detector } = recognizer;
    detector.reset();
    const first = await detector.detect(photo, { mode: 'video', timestamp: 0 });
    await detector.detect(photo, { mode: 'video', timestamp: 33 });
    let before = runs();
    // Moved: 15% of the hand's width to the right.
    const moved = await detector.detect(shifted(photo, Math.round(first.hands[0]!.box[2] * 0.15)), { mode: 'video', timestamp: 66 });
    expect(runs().landmarks - before.landmarks).toBe(1);
    expect(moved.hands[0]!.landmarks[0]![0]).toBeGreaterThan(first.hands[0]!.landmarks[0]![0]);
    // Changed shape: the fingers' half of its box painted over.
    before = runs();
    await detector.detect(paintedOver(shifted(photo, Math.round(first.hands[0]!.box[2] * 0.15)), moved.hands[0]!.box), { mode: 'video', timestamp: 100 });
    expect(runs().landmarks - before.landmarks).toBe(1);
  });

  it('works on tensor frames too (no byte access: the thumbnail comes from the tensor), with no tensor left behind', async () => {
    const { detector } = recognizer;
    detector.reset();
    const frame = rgbTensor(photo);
    try {
      await detector.detect(frame, { mode: 'video', timestamp: 0 });
      await detector.detect(frame, { mode: 'video', timestamp: 1 });
      const tensors = tf.memory().numTensors;
      const before = runs();
      for (let i = 1; i <= 5; i++) expect((await detector.detect(frame, { mode: 'video', timestamp: i * 33 })).hands).toHaveLength(1);
      // The frame at 1 ms settled it (see above): all five reused.
      expect(runs().landmarks).toBe(before.landmarks);
      expect(runs().reused - before.reused).toBe(5);
      expect(tf.memory().numTensors).toBe(tensors);
    } finally {
      frame.dispose();
    }
  });

  it('stillHandMs: 0 runs the model on every tracked frame (the behaviour before it)', async () => {
    const off = await createGestureRecognizer({ backend: 'wasm', maxHands: 1, stillHandMs: 0 });
    try {
      await off.detector.detect(photo, { mode: 'video', timestamp: 0 });
      const before = off.detector.stats.landmarkRuns;
      for (let i = 1; i <= 5; i++) await off.detector.detect(photo, { mode: 'video', timestamp: i * 33 });
      expect(off.detector.stats.landmarkRuns - before).toBe(5);
      expect(off.detector.stats.landmarkReuses).toBe(0);
    } finally {
      off.dispose();
    }
  });
});

describe('stillSceneMs: a due palm-detector run on an unchanged frame is skipped', () => {
  it('an empty, unchanged scene runs the detector once per stillSceneMs; a hand that appears is found at the next due frame', async () => {
    const blank = blankLike(photo);
    const local = await createGestureRecognizer({ backend: 'wasm', maxHands: 1, idleDetectorFps: 5 });
    try {
      const { detector } = local;
      // Two seconds of an unchanged 30 fps scene: runs at 0 and 1000 ms (5 fps would be 10).
      await feedFrames(detector, blank, 60);
      expect(detector.stats.detectorRuns).toBe(2);
      expect(detector.stats.detectorSkips).toBeGreaterThan(0);
      // The hand changes the scene: found within one detector interval (200 ms) of appearing.
      await expectFoundWithin(detector, photo, 60, 200);
    } finally {
      local.dispose();
    }
  });
});

describe('stillFalsePalmMs: what the landmark model clearly rejected is not checked again while its pixels stay', () => {
  it('an empty scene gets one whole-frame landmark pass, not one per detector run, until it changes enough for a close-up hand; 0 gives one per run', async () => {
    const blank = blankLike(photo);
    // stillSceneMs: 0, so the detector runs at the idle rate (5 a second) on the unchanged frames.
    const remembering = await createGestureRecognizer({ backend: 'wasm', maxHands: 1, idleDetectorFps: 5, stillSceneMs: 0 });
    const forgetting = await createGestureRecognizer({ backend: 'wasm', maxHands: 1, idleDetectorFps: 5, stillSceneMs: 0, stillFalsePalmMs: 0 });
    try {
      const tensors = tf.memory().numTensors;
      for (const { detector } of [remembering, forgetting]) await feedFrames(detector, blank, 60);
      expect(tf.memory().numTensors).toBe(tensors);
      expect(remembering.detector.stats.detectorRuns).toBe(10);
      expect(forgetting.detector.stats.detectorRuns).toBe(10);
      expect(remembering.detector.stats.landmarkRuns).toBe(1);
      expect(forgetting.detector.stats.landmarkRuns).toBe(10);
      // The whole-frame pass looks for a hand that fills the frame: a small change (5 grey levels,
      // a room's noise or a person walking by) does not run it again; a large one (40) does.
      const grey = (level: number): FrameData => ({ ...blank, data: new Uint8Array(blank.data.length).fill(level) });
      const feed = async (frame: FrameData, from: number) => {
        for (let i = from; i < from + 15; i++) await remembering.detector.detect(frame, { mode: 'video', timestamp: i * (1000 / 30) });
      };
      await feed(grey(133), 60);
      expect(remembering.detector.stats.landmarkRuns).toBe(1);
      await feed(grey(168), 75);
      expect(remembering.detector.stats.landmarkRuns).toBe(2);
      // Anything that changes the frame is checked again: a hand appearing is found at the next run.
      await expectFoundWithin(remembering.detector, photo, 60, 200);
    } finally {
      remembering.dispose();
      forgetting.dispose();
    }
  });
});
