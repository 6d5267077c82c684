import { resolve } from 'node:path';
import { MODEL_FILES, frameToTensor, type BackendInfo, type FrameData, type ModelName, type RecognizerOptions } from '@gesture/core';
import { createNodeRecognizer } from './node-recognizer';
import { loadImage } from './load-image';
import { summarize, type BenchRow } from './stats';
import { formatTable } from './table';

/** The rows `runStageBench()` measures, all in one process on the same frames. */
export interface StageBenchRows {
  /** The hand landmark model on one hand crop, the crop included (`lastTimings.landmarksMs` of tracked frames with one landmark pass). */
  landmarksOnly: BenchRow;
  /** The palm detector on a whole frame: letterbox, model, decode, NMS (`lastTimings.detectorMs` of image-mode frames). */
  detectorOnly: BenchRow;
  /** The face detector on a whole frame (`lastTimings.facesMs` of image-mode frames). */
  faceOnly: BenchRow;
  /** Turning an RGBA frame into the RGB tensor the models read (`frameToTensor()`), paid once by every frame. */
  frameInput: BenchRow;
  /** One image-mode `recognize()` call, timed around the public call: frame input, palm detector, landmarks, faces. */
  oursCold: BenchRow;
  /** One video-mode `detector.detect()` call while the hand is already tracked (the palm detector skipped), timed around the public call. */
  oursTracked: BenchRow;
}

/** What `runStageBench()` returns: the rows and what they were measured on. */
export interface StageBenchResult {
  rows: StageBenchRows;
  /** Time ratios against the aims of the performance budget (see docs/performance.md). */
  ratios: {
    /** `oursTracked / landmarksOnly` (medians). Aim ≤ 1.3. */
    trackedVsLandmarks: number;
    /**
     * `oursCold / (detectorOnly + coldLandmarkPasses × landmarksOnly)` (medians): what a cold frame
     * costs beyond its model runs (faces, frame input, glue). Aim ≤ 1.1.
     */
    coldVsModelRuns: number;
  };
  /** The backend the recognizer ran on (expected: `wasm`, SIMD, 1 thread). */
  backend: BackendInfo;
  /** The model file behind each model (`MODEL_FILES` of `@gesture/core`). */
  models: Record<ModelName, string>;
  /** The image files, absolute, in the order they were measured. */
  images: string[];
  /** Of `images`, how many an image-mode call found at least one hand in. */
  imagesWithHand: number;
  /** Timed repetitions per image and row. */
  frames: number;
  /** Video-mode frames left out of `oursTracked` because the detector ran on them (a periodic re-detection or a lost hand). */
  trackedFramesWithDetector: number;
  /**
   * Landmark passes per cold frame, on average: each palm the detector finds is checked by one, a
   * miss adds a whole-frame pass (after up to three more detector runs, `retryOnMiss`), and each hand found gets `refinePasses` (1) more.
   */
  coldLandmarkPasses: number;
  /**
   * The same rows for each frame size (`'800x600'`, …) on its own: the per-frame costs scale with
   * the frame, so a mix of sizes gives a median that sits between them.
   */
  bySize: Record<string, StageBenchRows & { coldLandmarkPasses: number }>;
}

/** Options of `runStageBench()`. */
export interface StageBenchOptions {
  /** Timed repetitions per image and row. Defaults to `10`. */
  frames?: number;
  /**
   * Image files to measure on (at least one; relative paths are resolved against the current
   * directory). Required: a published package has no photos of its own.
   */
  images: readonly string[];
  /** Untimed calls per image and mode before timing starts. Defaults to `2`. */
  warmup?: number;
  /** Options for the recognizer under test. Defaults to `{ backend: 'wasm', stillHandMs: 0 }` (WASM-SIMD, the Node default; the landmark model on every tracked frame). */
  recognizer?: RecognizerOptions;
  /** Called with a short line as each phase starts, for progress output. Defaults to no output. */
  onProgress?: (message: string) => void;
}

const now = (): number => performance.now();

const ROW_NAMES: readonly (keyof StageBenchRows)[] = ['landmarksOnly', 'detectorOnly', 'faceOnly', 'frameInput', 'oursCold', 'oursTracked'];

function summarizeRows(samples: readonly { row: keyof StageBenchRows; ms: number }[]): StageBenchRows {
  return Object.fromEntries(ROW_NAMES.map((row) => [row, summarize(samples.filter((s) => s.row === row).map((s) => s.ms))])) as unknown as StageBenchRows;
}

/** The two ratios of the performance aims, from row medians and the landmark passes per cold frame. */
export function benchRatios(rows: StageBenchRows, coldLandmarkPasses: number): StageBenchResult['ratios'] {
  return {
    trackedVsLandmarks: rows.oursTracked.medianMs / rows.landmarksOnly.medianMs,
    coldVsModelRuns: rows.oursCold.medianMs / (rows.detectorOnly.medianMs + coldLandmarkPasses * rows.landmarksOnly.medianMs),
  };
}

/**
 * Measures our pipeline stage by stage, in this process, on the same frames: the landmark model
 * on one crop, the palm detector, the face detector, the frame input, a cold (image-mode) frame
 * and a tracked (video-mode, detector skipped) frame. Stage rows come from
 * `recognizer.detector.stats.lastTimings`; whole frames are timed around the public calls.
 * Every image is first run `warmup` times untimed. Throws `ImageLoadError` for an unreadable
 * image.
 *
 * @example
 * import { runStageBench, formatBenchTable } from '@gesture/node';
 * const { rows, ratios } = await runStageBench({ images: ['hand.jpg', 'fist.jpg'], frames: 20 });
 * console.log(formatBenchTable(rows), ratios);
 */
export async function runStageBench(options: StageBenchOptions): Promise<StageBenchResult> {
  const frames = options.frames ?? 10;
  const warmup = options.warmup ?? 2;
  if (!Number.isInteger(frames) || frames < 1) throw new RangeError(`frames must be an integer ≥ 1, got ${String(frames)}.`);
  if (!Number.isInteger(warmup) || warmup < 0) throw new RangeError(`warmup must be an integer ≥ 0, got ${String(warmup)}.`);
  const files = options.images.map((f) => resolve(f));
  if (files.length === 0) throw new RangeError('images must name at least one image.');
  const progress = options.onProgress ?? (() => {});

  progress(`decoding ${files.length} images`);
  const images: FrameData[] = [];
  for (const file of files) images.push(await loadImage(file));

  progress('loading models');
  // stillHandMs: 0: the tracked row times a landmark pass, and a photo given again is a hand that
  // holds still, whose landmarks video mode would reuse (no model run).
  const recognizer = await createNodeRecognizer({ backend: 'wasm', stillHandMs: 0, ...options.recognizer });
  const detector = recognizer.detector;
  const samples: { row: keyof StageBenchRows; size: string; ms: number }[] = [];
  const record = (row: keyof StageBenchRows, image: FrameData, ms: number) => samples.push({ row, size: `${image.width}x${image.height}`, ms });
  let imagesWithHand = 0;
  let trackedFramesWithDetector = 0;
  /** Landmark passes of each cold frame. */
  const coldPasses: { size: string; n: number }[] = [];
  try {
    progress('warming up');
    for (const image of images) {
      for (let i = 0; i < warmup; i++) {
        await recognizer.recognize(image);
        detector.reset();
        await detector.detect(image, { mode: 'video', timestamp: 0 });
        await detector.detect(image, { mode: 'video', timestamp: 33 });
        frameToTensor(image).dispose();
      }
    }

    progress(`timing (${frames} rounds × ${images.length} images)`);
    // Every round times each row on each image in turn, so a slow spell (another job on the
    // machine) hits all rows alike and the ratios between rows stay fair.
    for (let round = 0; round < frames; round++) {
      for (const image of images) {
        // Cold: an image-mode frame.
        const passesBefore = detector.stats.landmarkRuns;
        let t = now();
        const result = await recognizer.recognize(image);
        record('oursCold', image, now() - t);
        const timings = detector.stats.lastTimings;
        record('detectorOnly', image, timings.detectorMs);
        if (recognizer.options.detector.faces) record('faceOnly', image, timings.facesMs);
        coldPasses.push({ size: `${image.width}x${image.height}`, n: detector.stats.landmarkRuns - passesBefore });
        if (round === 0 && result.hands.length > 0) imagesWithHand += 1;

        // Tracked: acquire the hand (untimed; this frame runs the detector), then time the next frame.
        detector.reset();
        const first = await detector.detect(image, { mode: 'video', timestamp: 0 });
        if (first.hands.length > 0) {
          const before = { detector: detector.stats.detectorRuns, landmarks: detector.stats.landmarkRuns };
          t = now();
          await detector.detect(image, { mode: 'video', timestamp: 33 });
          const ms = now() - t;
          if (detector.stats.detectorRuns !== before.detector) trackedFramesWithDetector += 1;
          else {
            record('oursTracked', image, ms);
            if (detector.stats.landmarkRuns - before.landmarks === 1) record('landmarksOnly', image, detector.stats.lastTimings.landmarksMs);
          }
        }
        detector.reset();

        t = now();
        frameToTensor(image).dispose();
        record('frameInput', image, now() - t);
      }
    }
  } finally {
    recognizer.dispose();
  }

  const rows = summarizeRows(samples);
  const sizes = [...new Set(samples.map((s) => s.size))];
  const meanPasses = (list: readonly { n: number }[]) => list.reduce((sum, p) => sum + p.n, 0) / list.length;
  const passes = meanPasses(coldPasses);
  return {
    rows,
    ratios: benchRatios(rows, passes),
    bySize: Object.fromEntries(
      sizes.map((size) => [size, { ...summarizeRows(samples.filter((s) => s.size === size)), coldLandmarkPasses: meanPasses(coldPasses.filter((p) => p.size === size)) }]),
    ),
    backend: recognizer.backend,
    models: { ...MODEL_FILES },
    images: files,
    imagesWithHand,
    frames,
    trackedFramesWithDetector,
    coldLandmarkPasses: passes,
  };
}

const ROW_NOTES: Record<string, string> = {
  landmarksOnly: 'landmark model, one hand crop (crop included)',
  detectorOnly: 'palm detector: letterbox, model, decode, NMS',
  faceOnly: 'face detector (BlazeFace), whole frame',
  frameInput: 'frameToTensor(): RGBA bytes → RGB tensor',
  oursCold: 'image-mode frame: detector + landmarks + faces',
  oursTracked: 'video-mode frame, hand tracked (detector skipped)',
  human: '@vladmandic/human 3.3.6 hand pipeline, detect() per frame',
};

/**
 * Renders benchmark rows as a plain-text table: row name, median and p95 in ms, sample count and
 * what the row measures (from `notes`, which defaults to a line for each of our rows and `human`).
 * Rows with no samples print `-`.
 *
 * @example
 * console.log(formatBenchTable((await runStageBench({ images: ['hand.jpg'] })).rows));
 */
export function formatBenchTable<Rows extends { [K in keyof Rows]: BenchRow }>(rows: Rows, notes: Readonly<Record<string, string>> = ROW_NOTES): string {
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');
  const header = ['row', 'median ms', 'p95 ms', 'n', 'what'];
  const body = (Object.entries(rows) as [string, BenchRow][]).map(([name, row]) => [name, ms(row.medianMs), ms(row.p95Ms), String(row.n), notes[name] ?? '']);
  return formatTable(header, body, [1, 2, 3]);
}
