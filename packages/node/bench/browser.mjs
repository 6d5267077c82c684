// `npm run bench -- --browser`: ms/frame of each TF.js backend in headless Chromium (Debian
// `chromium` through playwright-core), next to Node's WASM-SIMD, on the same photos, in one run.
//
//   npm run bench -- --browser                 a table
//   npm run bench -- --browser --json          one JSON object instead
//   npm run bench -- --browser --frames 5      timed repetitions per photo and row (default 3)
//   npm run bench -- --browser --no-cpu        skip the (slow) CPU backend
//
// Rows: `cold` = recognize() (image mode: palm detector + landmarks + faces); `tracked` =
// detect() in video mode while the hand is tracked (landmarks only). The page is the browser test
// page (packages/core/src/__tests__/browser/page.ts), bundled into os.tmpdir() with esbuild and
// served on 127.0.0.1 with the models, the WASM binaries and the fixture photos. SwiftShader
// WebGL is a CPU emulation of a GPU: its numbers say nothing about a real GPU.
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { loadNodeDist } from './scripts.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const helperSource = join(root, 'packages/core/src/__tests__/helpers/browser.ts');
const pageSource = join(root, 'packages/core/src/__tests__/browser/page.ts');

/** The photos of the browser tests: two 800×600 webcam frames, two 100×100 close-ups. */
export const BROWSER_BENCH_PHOTOS = ['palm/sld__5_IMG_4039.jpg', 'fist/subhih__15_pic00002.jpg', 'peace/sld__2_IMG_4438.jpg', 'one/subhih__1528664299.56_pic00084.jpg'];

/** The configurations timed: how Chromium is launched, the page served, and the recognizer asked for. */
const CONFIGS = [
  { row: 'webgl (SwiftShader)', webgl: true, isolated: false, options: { backend: 'webgl' } },
  { row: 'wasm-simd', webgl: false, isolated: false, options: { backend: 'wasm' } },
  { row: 'wasm-simd-threads', webgl: false, isolated: true, options: { backend: 'wasm' } },
  { row: 'wasm (no SIMD)', webgl: false, isolated: false, options: { backend: 'wasm' }, flags: { WASM_HAS_SIMD_SUPPORT: false } },
  { row: 'cpu', webgl: false, isolated: false, options: { backend: 'cpu' }, cpu: true },
];

function parseArgs(argv) {
  const args = { json: false, frames: 3, cpu: true, fixtures: process.env.GESTURE_FIXTURES ?? resolve(root, '../shared/fixtures/hands') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--browser') continue;
    if (arg === '--json') args.json = true;
    else if (arg === '--no-cpu') args.cpu = false;
    else if (arg === '--frames') args.frames = Number(argv[++i]);
    else if (arg === '--fixtures') args.fixtures = resolve(argv[++i]);
    else {
      process.stderr.write(`unknown option ${arg}\nusage: npm run bench -- --browser [--json] [--frames N] [--no-cpu] [--fixtures DIR]\n`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(args.frames) || args.frames < 1) {
    process.stderr.write('--frames must be an integer ≥ 1\n');
    process.exit(2);
  }
  return args;
}

/** The TypeScript browser helper, compiled for this run (bare imports pointed at this repository's packages). */
async function loadHelper() {
  const out = await build({ entryPoints: [helperSource], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node18', packages: 'external', logLevel: 'error' });
  let code = out.outputFiles[0].text;
  for (const name of ['playwright-core', 'esbuild']) {
    const url = import.meta.resolve(name, pathToFileURL(join(root, 'package.json')).href);
    code = code.replaceAll(`import("${name}")`, `import(${JSON.stringify(url)})`).replaceAll(`from "${name}"`, `from ${JSON.stringify(url)}`);
  }
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '-');

/** Node's WASM-SIMD on the same photos, with the same timing loop as the page (`helpers/time-frames.ts`). */
async function nodeRow(helper, node, photos, frames, warmup, fixtures) {
  const recognizer = await node.createNodeRecognizer();
  try {
    const images = [];
    for (const photo of photos) images.push(await node.loadImage(join(fixtures, photo)));
    return { row: 'node wasm-simd', backend: recognizer.backend, ...(await helper.timeColdAndTracked(recognizer, images, frames, warmup)) };
  } finally {
    recognizer.dispose();
  }
}

export async function runBrowserBench(argv) {
  const args = parseArgs(argv);
  const log = args.json ? () => {} : (line) => process.stderr.write(`${line}\n`);
  const photos = BROWSER_BENCH_PHOTOS;
  const warmup = 2;
  const helper = await loadHelper();
  const node = await loadNodeDist('npm run bench -- --browser', ['createNodeRecognizer', 'loadImage', 'summarize', 'formatTable']);
  if (!helper.hasChromium()) {
    process.stderr.write('No Chromium found: install Debian `chromium` (see .ci/run) or set $CHROMIUM_PATH.\n');
    process.exit(1);
  }
  const bundle = await helper.bundlePage({ entry: pageSource });
  const wasmDir = join(dirname(fileURLToPath(import.meta.resolve('@tensorflow/tfjs-backend-wasm/package.json', pathToFileURL(join(root, 'package.json')).href))), 'dist');
  const routes = { '/': bundle.dir, '/models/': join(root, 'packages/core/models'), '/wasm/': wasmDir, '/fixtures/': args.fixtures };
  const results = [];
  let browserVersion = '';
  try {
    log('node: wasm-simd');
    results.push(await nodeRow(helper, node, photos, args.frames, warmup, args.fixtures));
    for (const config of CONFIGS) {
      if (config.cpu && !args.cpu) continue;
      log(`chromium: ${config.row}`);
      const server = await helper.serveStatic({ routes, crossOriginIsolated: config.isolated });
      const session = await helper.launchChromium({ webgl: config.webgl });
      try {
        browserVersion = session.browser.version();
        const page = await session.open(`${server.url}/index.html`);
        await page.waitForFunction(() => window.gestureReady === true);
        if (config.flags) await page.evaluate((flags) => window.gestureTest.setFlags(flags), config.flags);
        const created = await page.evaluate((options) => window.gestureTest.create(options), config.options);
        if (created.error) throw new Error(`${config.row}: ${created.error.message}`);
        const timing = await page.evaluate(({ urls, frames, warmup }) => window.gestureTest.time(urls, frames, warmup), { urls: photos.map((p) => `/fixtures/${p}`), frames: args.frames, warmup });
        results.push({ row: config.row, backend: created.backend, ...timing });
      } finally {
        await session.close();
        await server.close();
      }
    }
  } finally {
    await bundle.remove();
  }

  const machine = { cpu: cpus()[0]?.model?.trim() ?? 'unknown', cores: cpus().length, node: process.version, chromium: browserVersion };
  const rows = results.map((r) => ({
    row: r.row,
    backend: `${r.backend.name}${r.backend.simd ? '-simd' : ''}, ${r.backend.threads} thread${r.backend.threads === 1 ? '' : 's'}`,
    coldMs: node.summarize(r.cold).medianMs,
    trackedMs: node.summarize(r.tracked).medianMs,
    n: r.cold.length,
  }));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ machine, photos, frames: args.frames, warmup, rows, samples: results }, null, 2)}\n`);
    return;
  }
  const header = ['where / backend', 'running on', 'cold ms', 'tracked ms', 'n'];
  const cells = rows.map((r) => [r.row, r.backend, ms(r.coldMs), ms(r.trackedMs), String(r.n)]);
  const out = [
    `machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Chromium ${machine.chromium} (headless)`,
    `frames: ${photos.length} photos (${photos.join(', ')}) × ${args.frames} timed repetitions per row, after ${warmup} warm-up calls`,
    'cold = recognize() (palm detector + landmarks + faces); tracked = video-mode detect() with the hand tracked. Medians.',
    'SwiftShader WebGL is a CPU emulation of a GPU, not representative of a real GPU.',
    '',
    node.formatTable(header, cells, [2, 3, 4]),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
