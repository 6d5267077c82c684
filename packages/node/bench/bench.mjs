// `npm run bench`: our pipeline stage by stage, and @vladmandic/human's hand pipeline beside it,
// in one run on the same photos, both on the WASM-SIMD backend (1 thread).
//
//   npm run bench                      a table
//   npm run bench -- --json            one JSON object instead
//   npm run bench -- --frames 20       timed repetitions per image and row (default 10)
//   npm run bench -- --fixtures DIR    where the photos are (default $GESTURE_FIXTURES or ../shared/fixtures/hands)
//   npm run bench -- --no-human        skip the Human comparison
//   npm run bench -- --browser         per-backend ms/frame in headless Chromium instead (see browser.mjs)
//
// Ours runs in this process from packages/node/dist (run `npm run build` first); Human runs in a
// child process (see human-child.mjs for why) on the same files.
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeDist, runJsonChild } from './scripts.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function usage(code) {
  process.stderr.write('usage: npm run bench -- [--json] [--frames N] [--fixtures DIR] [--no-human]\n');
  process.exit(code);
}

function parseArgs(argv) {
  const args = { json: false, frames: 10, fixtures: undefined, human: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--no-human') args.human = false;
    else if (arg === '--frames' || arg.startsWith('--frames=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      args.frames = Number(value);
      if (!Number.isInteger(args.frames) || args.frames < 1) {
        process.stderr.write(`--frames must be an integer ≥ 1, got ${value}\n`);
        usage(2);
      }
    } else if (arg === '--fixtures' || arg.startsWith('--fixtures=')) args.fixtures = arg.includes('=') ? arg.split('=')[1] : argv[++i];
    else if (arg === '--help' || arg === '-h') usage(0);
    else {
      process.stderr.write(`unknown option ${arg}\n`);
      usage(2);
    }
  }
  return args;
}

/** Human's timings from its child process, summarised like our rows. */
async function runHuman(bench, images, frames, warmup) {
  const raw = await runJsonChild('the Human benchmark', join(here, 'human-child.mjs'), [JSON.stringify({ images, frames, warmup })]);
  return { ...raw, human: bench.summarize(raw.samples), bySize: Object.fromEntries(Object.entries(raw.bySize).map(([size, ms]) => [size, bench.summarize(ms)])) };
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(2) : '-');

async function main() {
  // `--browser`: per-backend ms/frame in headless Chromium next to Node WASM (browser.mjs).
  if (process.argv.includes('--browser')) return (await import('./browser.mjs')).runBrowserBench(process.argv.slice(2));
  const args = parseArgs(process.argv.slice(2));
  const log = args.json ? () => {} : (line) => process.stderr.write(`${line}\n`);
  const bench = await loadNodeDist('npm run bench', ['runStageBench', 'benchRatios', 'formatBenchTable', 'formatTable', 'summarize']);
  const warmup = 2;
  const ours = await bench.runStageBench({ frames: args.frames, warmup, fixturesDir: args.fixtures, onProgress: (m) => log(`ours: ${m}`) });
  log('human: loading and timing in a child process');
  const human = args.human ? await runHuman(bench, ours.images, args.frames, warmup) : undefined;

  const cpu = cpus();
  const machine = {
    cpu: cpu[0]?.model?.trim() ?? 'unknown',
    cores: cpu.length,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    backend: `${ours.backend.name}${ours.backend.simd ? '-simd' : ''}, ${ours.backend.threads} thread${ours.backend.threads === 1 ? '' : 's'}`,
    models: ours.models,
    humanBackend: human ? `${human.backend.name}${human.backend.simd ? '-simd' : ''}, ${human.backend.threads} thread${human.backend.threads === 1 ? '' : 's'}` : undefined,
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
          frames: args.frames,
          images: ours.images,
          trackedFramesWithDetector: ours.trackedFramesWithDetector,
          coldLandmarkPasses: ours.coldLandmarkPasses,
          bySize: Object.fromEntries(Object.entries(ours.bySize).map(([size, r]) => [size, { ...r, ...(human?.bySize?.[size] ? { human: human.bySize[size] } : {}), ratios: bench.benchRatios(r, r.coldLandmarkPasses) }])),
          human: human ? { ...human.human, version: human.version, models: human.models } : undefined,
          machine,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const out = [];
  out.push(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}; ours on ${machine.backend}${human ? `; Human ${human.version} on ${machine.humanBackend}` : ''}`);
  out.push(`our models: ${Object.values(ours.models).join(', ')}${human ? `; Human's: ${human.models.join(', ')}` : ''}`);
  out.push(`frames: ${ours.images.length} photos × ${args.frames} timed repetitions per row (after ${warmup} warm-up calls per photo)`);
  out.push('');
  out.push(bench.formatBenchTable(rows));
  out.push('');
  out.push(`photos with a hand found (image mode): ours ${found.ours}/${found.of}${human ? `, Human ${found.human}/${found.of}` : ''}`);
  out.push(`oursTracked / landmarksOnly              = ${ms(ratios.trackedVsLandmarks)}  (aim ≤ ${aims.trackedVsLandmarks})`);
  out.push(`oursCold / (detectorOnly + passes × landmarksOnly) = ${ms(ratios.coldVsModelRuns)}  (aim ≤ ${aims.coldVsModelRuns}; ${ours.coldLandmarkPasses.toFixed(2)} landmark passes per cold frame)`);
  if (human) out.push(`human / oursCold = ${ms(human.human.medianMs / ours.rows.oursCold.medianMs)}, human / oursTracked = ${ms(human.human.medianMs / ours.rows.oursTracked.medianMs)}`);
  out.push('');
  out.push('medians by frame size (ms):');
  const sizeRows = Object.entries(ours.bySize).map(([size, r]) => {
    const q = bench.benchRatios(r, r.coldLandmarkPasses);
    const photos = Math.round(r.oursCold.n / args.frames);
    return [`${size} (${photos})`, ...['landmarksOnly', 'detectorOnly', 'faceOnly', 'frameInput', 'oursCold', 'oursTracked'].map((k) => ms(r[k].medianMs)), ms(human?.bySize?.[size]?.medianMs), ms(q.trackedVsLandmarks), ms(q.coldVsModelRuns), r.coldLandmarkPasses.toFixed(2)];
  });
  out.push(bench.formatTable(['size (photos)', 'landmarks', 'detector', 'face', 'frameInput', 'cold', 'tracked', 'human', 'tracked/lm', 'cold/(det+n×lm)', 'n (passes)'], sizeRows, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  out.push('n: landmark passes per cold frame (one per palm the detector finds, one more per hand found: the refinement pass, and a whole-frame pass on a miss)');
  if (ours.trackedFramesWithDetector > 0) out.push(`(${ours.trackedFramesWithDetector} video frames ran the detector again and are not in oursTracked)`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
