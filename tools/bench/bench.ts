// `npm run bench`: our pipeline stage by stage, and @vladmandic/human's hand pipeline beside it,
// in one run on the same photos, both on the WASM-SIMD backend (1 thread).
//
//   npm run bench                      a table
//   npm run bench -- --json            one JSON object instead
//   npm run bench -- --frames 20       timed repetitions per image and row (default 10)
//   npm run bench -- --fixtures DIR    where the photos are (default hands/ of $GESTURE_FIXTURES or ../shared/fixtures)
//   npm run bench -- --no-human        skip the Human comparison
//   npm run bench -- --no-video        skip the video row (the meeting clip, see video-row.ts)
//   npm run bench -- --no-motion       skip the motion row (motion() over hands tracked in the clips, see motion-stage.ts)
//   npm run bench -- --only motion     only the motion row (also: --only stages, --only video; comma-separated)
//   npm run bench -- --video-options '{"stillHandMs":0}'   recognizer options for the video row (JSON)
//   npm run bench -- --browser         per-backend ms/frame in headless Chromium instead (see browser.ts)
//
// Ours runs in this process from packages/node/dist (run `npm run build` first); Human runs in a
// child process (see human-child.ts for why) on the same files.
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { Command } from 'commander';
import type { BenchRow, RecognizerOptions } from '@gesture/node';
import { runJsonChild } from '../child-process';
import { integerIn, parseToolArgs } from '../cli';
import { FIXTURES_DIR } from '../fixtures';
import { loadGestureNode, type GestureNode } from '../gesture-node';
import { runBrowserBench } from './browser';
import { benchMotionStage, formatMotionStage } from './motion-stage';
import { BENCH_PHOTOS } from './photos';
import { benchVideo, formatVideoRow } from './video-row';
import type { HumanBenchOutput } from './human-child';

/** The rows `--only` can pick. */
const ROWS = ['stages', 'motion', 'video'] as const;

/** The command line of `npm run bench` (and of `npm run bench -- --browser`). */
export interface BenchArgs {
  json: boolean;
  /** Timed repetitions per photo and row; defaults to 10 (3 with `--browser`). */
  frames?: number;
  /** The hands folder the photos are read from. */
  fixtures: string;
  human: boolean;
  browser: boolean;
  cpu: boolean;
  video: boolean;
  motion: boolean;
  videoOptions?: RecognizerOptions;
  overlay: boolean;
  /** Only these rows: `stages` (the photo table, with Human unless `--no-human`), `motion`, `video`. */
  only?: string;
  /** The photo table (and Human beside it); false with `--only` without `stages`. */
  stages: boolean;
}

function parseArgs(argv: readonly string[]): BenchArgs {
  const program = new Command('npm run bench --')
    .description('Our pipeline stage by stage, and the Human peer, on the same photos (WASM-SIMD, 1 thread).')
    .option('--json', 'one JSON object instead of the tables', false)
    .option('--frames <n>', 'timed repetitions per photo and row (default 10; 3 with --browser)', integerIn(1))
    .option('--fixtures <dir>', 'the photos, as <class>/<photo>', FIXTURES_DIR)
    .option('--no-human', 'skip the Human comparison')
    .option('--no-video', 'skip the video row (events() over the meeting clip, beside Human)')
    .option('--no-motion', 'skip the motion row (motion() over hands tracked in the swipe and negative clips)')
    .option('--only <rows>', 'only these rows, comma-separated: stages, motion, video')
    .option('--video-options <json>', 'recognizer options for the video row, as JSON (e.g. {"stillHandMs":0})', (v: string) => JSON.parse(v) as RecognizerOptions)
    .option('--browser', 'per-backend ms/frame in headless Chromium instead (see tools/bench/browser.ts)', false)
    .option('--no-cpu', 'with --browser: skip the (slow) CPU backend')
    .option('--no-overlay', 'with --browser: skip the overlay rows (examples/meeting-overlay with a 30 fps fake camera)');
  const args = parseToolArgs<Omit<BenchArgs, 'stages'>>(program, argv);
  let stages = true;
  if (args.only !== undefined) {
    const only = args.only.split(',').map((r) => r.trim());
    const unknown = only.filter((r) => !ROWS.includes(r as (typeof ROWS)[number]));
    if (unknown.length > 0 || only.length === 0) {
      process.stderr.write(`--only takes ${ROWS.join(', ')} (comma-separated); got ${args.only}\n`);
      process.exit(2);
    }
    Object.assign(args, { video: args.video && only.includes('video'), motion: args.motion && only.includes('motion') });
    stages = only.includes('stages');
  }
  return { ...args, stages, fixtures: resolve(args.fixtures) };
}

/** Human's timings from its child process, summarised like our rows. */
async function runHuman(bench: GestureNode, images: readonly string[], frames: number, warmup: number) {
  const raw = await runJsonChild<HumanBenchOutput>('the Human benchmark', new URL('./human-child.ts', import.meta.url), [JSON.stringify({ images, frames, warmup })]);
  return { ...raw, human: bench.summarize(raw.samples), bySize: Object.fromEntries(Object.entries(raw.bySize).map(([size, ms]) => [size, bench.summarize(ms)])) as Record<string, BenchRow> };
}

const ms = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v.toFixed(2) : '-');
const describeBackend = (b: { name: string; simd: boolean; threads: number | string }) => `${b.name}${b.simd ? '-simd' : ''}, ${b.threads} thread${b.threads === 1 ? '' : 's'}`;

async function main() {
  const args = parseArgs(process.argv);
  if (args.browser) return runBrowserBench({ json: args.json, frames: args.frames ?? 3, cpu: args.cpu, fixtures: args.fixtures, overlay: args.overlay });
  const frames = args.frames ?? 10;
  const log = args.json ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
  const bench = await loadGestureNode('npm run bench');
  const warmup = 2;
  const images = BENCH_PHOTOS.map((photo) => resolve(args.fixtures, photo));
  const motionStage = args.motion ? await benchMotionStage(bench, log) : undefined;
  const cpu = cpus();
  if (!args.stages) {
    // --only without `stages`: the rows asked for, one after the other.
    const video = args.video ? await benchVideo(bench, args.human, log, args.videoOptions) : undefined;
    const machine = { cpu: cpu[0]?.model?.trim() ?? 'unknown', cores: cpu.length, node: process.version, platform: `${process.platform}-${process.arch}` };
    if (args.json) process.stdout.write(`${JSON.stringify({ motionStage, video, machine }, null, 2)}\n`);
    else process.stdout.write(`${[`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}`, ...(motionStage ? formatMotionStage(motionStage) : []), ...(video ? ['', ...formatVideoRow(video)] : [])].join('\n')}\n`);
    return;
  }
  const ours = await bench.runStageBench({ frames, warmup, images, onProgress: (m) => log(`ours: ${m}`) });
  log('human: loading and timing in a child process');
  const human = args.human ? await runHuman(bench, ours.images, frames, warmup) : undefined;
  const video = args.video ? await benchVideo(bench, args.human, log, args.videoOptions) : undefined;

  const machine = {
    cpu: cpu[0]?.model?.trim() ?? 'unknown',
    cores: cpu.length,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    backend: describeBackend(ours.backend),
    models: ours.models,
    humanBackend: human ? describeBackend(human.backend) : undefined,
  };
  const rows = { ...ours.rows, ...(human ? { human: human.human } : {}) };
  const found = { ours: ours.imagesWithHand, ...(human ? { human: human.imagesWithHand } : {}), of: ours.images.length };
  const ratios = ours.ratios;
  const aims = { trackedVsLandmarks: 1.3, coldVsModelRuns: 1.1 };

  if (args.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          ...rows,
          ratios,
          aims,
          imagesWithHand: found,
          frames,
          images: ours.images,
          trackedFramesWithDetector: ours.trackedFramesWithDetector,
          coldLandmarkPasses: ours.coldLandmarkPasses,
          motionStage,
          video,
          bySize: Object.fromEntries(Object.entries(ours.bySize).map(([size, r]) => [size, { ...r, ...(human?.bySize[size] ? { human: human.bySize[size] } : {}), ratios: bench.benchRatios(r, r.coldLandmarkPasses) }])),
          human: human ? { ...human.human, version: human.version, models: human.models } : undefined,
          machine,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const out: string[] = [];
  out.push(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}; ours on ${machine.backend}${human ? `; Human ${human.version} on ${machine.humanBackend}` : ''}`);
  out.push(`our models: ${Object.values(ours.models).join(', ')}${human ? `; Human's: ${human.models.join(', ')}` : ''}`);
  out.push(`frames: ${ours.images.length} photos × ${frames} timed repetitions per row (after ${warmup} warm-up calls per photo)`);
  out.push('');
  out.push(bench.formatBenchTable(rows));
  out.push('');
  out.push(`photos with a hand found (image mode): ours ${found.ours}/${found.of}${human ? `, Human ${found.human}/${found.of}` : ''}`);
  out.push(`oursTracked / landmarksOnly              = ${ms(ratios.trackedVsLandmarks)}  (aim ≤ ${aims.trackedVsLandmarks})`);
  out.push(`oursCold / (detectorOnly + passes × landmarksOnly) = ${ms(ratios.coldVsModelRuns)}  (aim ≤ ${aims.coldVsModelRuns}; ${ours.coldLandmarkPasses.toFixed(2)} landmark passes per cold frame)`);
  if (motionStage) out.push(...formatMotionStage(motionStage));
  if (video) out.push('', ...formatVideoRow(video), '');
  if (human) out.push(`human / oursCold = ${ms(human.human.medianMs / ours.rows.oursCold.medianMs)}, human / oursTracked = ${ms(human.human.medianMs / ours.rows.oursTracked.medianMs)}`);
  out.push('');
  out.push('medians by frame size (ms):');
  const stageRows = ['landmarksOnly', 'detectorOnly', 'faceOnly', 'frameInput', 'oursCold', 'oursTracked'] as const;
  const sizeRows = Object.entries(ours.bySize).map(([size, r]) => {
    const q = bench.benchRatios(r, r.coldLandmarkPasses);
    const photos = Math.round(r.oursCold.n / frames);
    return [`${size} (${photos})`, ...stageRows.map((k) => ms(r[k].medianMs)), ms(human?.bySize[size]?.medianMs), ms(q.trackedVsLandmarks), ms(q.coldVsModelRuns), r.coldLandmarkPasses.toFixed(2)];
  });
  out.push(bench.formatTable(['size (photos)', 'landmarks', 'detector', 'face', 'frameInput', 'cold', 'tracked', 'human', 'tracked/lm', 'cold/(det+n×lm)', 'n (passes)'], sizeRows, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  out.push('n: landmark passes per cold frame (one per palm the detector finds, one more per hand found: the refinement pass, and a whole-frame pass on a miss)');
  if (ours.trackedFramesWithDetector > 0) out.push(`(${ours.trackedFramesWithDetector} video frames ran the detector again and are not in oursTracked)`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
