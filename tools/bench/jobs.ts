// `npx tsx tools/bench/jobs.ts`: `gesture recognize DIR --json` with --jobs 1 and --jobs 2 on the
// same fixture photos, alternated, in one run; prints each wall time, the ratio of the medians,
// whether the outputs are byte for byte the same, the CPU seconds each run used, and the load
// average around the run (another process on the same cores takes from the speed-up).
//
//   npx tsx tools/bench/jobs.ts                 100 photos, 2 rounds, jobs 1 vs 2
//   npx tsx tools/bench/jobs.ts --photos 40 --rounds 3 --jobs 4
//
// Uses the built CLI (packages/node/dist/cli.js): run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BUILTIN_CLASSES, FIXTURES_DIR, REPO_ROOT } from '../fixtures';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const photos = arg('photos', 100);
const rounds = arg('rounds', 2);
const jobs = arg('jobs', 2);
const cli = join(REPO_ROOT, 'packages/node/dist/cli.js');

// The first photos of each built-in class in turn (sorted), linked into one folder.
const dir = mkdtempSync(join(tmpdir(), 'gesture-bench-jobs-'));
const perClass = BUILTIN_CLASSES.map((c) => readdirSync(join(FIXTURES_DIR, c)).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort().map((f) => join(FIXTURES_DIR, c, f)));
const chosen: string[] = [];
for (let i = 0; chosen.length < photos && perClass.some((files) => i < files.length); i += 1) {
  for (const files of perClass) if (i < files.length && chosen.length < photos) chosen.push(files[i]!);
}
chosen.forEach((file, i) => symlinkSync(file, join(dir, `${String(i).padStart(3, '0')}-${basename(file)}`)));

/** CPU seconds (user + system) of the waited-for child processes so far, from /proc/self/stat (Linux); NaN elsewhere. */
function childCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

function timed(n: number): { ms: number; cpuS: number; stdout: string } {
  const started = performance.now();
  const cpu = childCpuSeconds();
  const stdout = execFileSync(process.execPath, [cli, 'recognize', dir, '--json', '--jobs', String(n)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - started, cpuS: childCpuSeconds() - cpu, stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const loadBefore = loadavg()[0]!;
const serial: number[] = [];
const parallel: number[] = [];
const serialCpu: number[] = [];
const parallelCpu: number[] = [];
let same = true;
for (let r = 0; r < rounds; r += 1) {
  const one = timed(1);
  const many = timed(jobs);
  same &&= one.stdout === many.stdout;
  serial.push(one.ms);
  parallel.push(many.ms);
  serialCpu.push(one.cpuS);
  parallelCpu.push(many.cpuS);
  console.log(`round ${r + 1}: --jobs 1 ${(one.ms / 1000).toFixed(2)} s (${one.cpuS.toFixed(1)} CPU s), --jobs ${jobs} ${(many.ms / 1000).toFixed(2)} s (${many.cpuS.toFixed(1)} CPU s)`);
}
console.log(
  JSON.stringify({
    photos: chosen.length,
    jobs,
    cores: availableParallelism(),
    serialMs: Math.round(median(serial)),
    parallelMs: Math.round(median(parallel)),
    speedup: Number((median(serial) / median(parallel)).toFixed(2)),
    sameOutput: same,
    // CPU seconds the whole run took: what --jobs adds (a recognizer and models per worker), and
    // hence the wall time on otherwise idle cores, about max(serialCpu / 1, parallelCpu / jobs).
    serialCpuS: Number(median(serialCpu).toFixed(1)),
    parallelCpuS: Number(median(parallelCpu).toFixed(1)),
    loadavg1m: { before: loadBefore, after: loadavg()[0] },
  }),
);
