// `npm run bench -- --browser`: ms/frame of each TF.js backend in headless Chromium (Debian
// `chromium` through playwright-core), next to Node's WASM-SIMD, on the same photos, in one run.
//
//   npm run bench -- --browser                 a table
//   npm run bench -- --browser --json          one JSON object instead
//   npm run bench -- --browser --frames 5      timed repetitions per photo and row (default 3)
//   npm run bench -- --browser --no-cpu        skip the (slow) CPU backend
//   npm run bench -- --browser --no-overlay    skip the overlay rows (overlay-fps.ts)
//   npm run bench -- --browser --fixtures DIR  where the photos are (default: hands/ of the fixtures)
//
// Rows: `cold` = recognize() (image mode: palm detector + landmarks + faces); `tracked` =
// detect() in video mode while the hand is tracked (landmarks only). The page is the browser test
// page (packages/core/src/__tests__/browser/page.ts), bundled into os.tmpdir() with esbuild and
// served on 127.0.0.1 with the models, the WASM binaries and the fixture photos. SwiftShader
// WebGL is a CPU emulation of a GPU: its numbers say nothing about a real GPU. The `auto` rows say
// what `auto` chose under each launch and why (with each candidate's measured time); the overlay
// rows run examples/meeting-overlay with a 30 fps fake camera (overlay-fps.ts).
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendInfo, FrameData, RecognizerOptions } from '@gesture/node';
import { bundlePage, hasChromium, launchChromium, serveStatic, timeColdAndTracked } from '../../packages/core/src/__tests__/helpers/browser';
import { REPO_ROOT } from '../fixtures';
import { loadGestureNode, type GestureNode } from '../gesture-node';
import { benchOverlay } from './overlay-fps';
import { BROWSER_BENCH_PHOTOS } from './photos';

const pageSource = join(REPO_ROOT, 'packages/core/src/__tests__/browser/page.ts');

/** The options of `runBrowserBench()`, from `npm run bench -- --browser ...`. */
export interface BrowserBenchArgs {
  json: boolean;
  /** Timed repetitions per photo and row. */
  frames: number;
  /** Whether to time the (slow) CPU backend. */
  cpu: boolean;
  /** The hands folder the photos are read from. */
  fixtures: string;
  /** Whether to run the overlay rows. */
  overlay: boolean;
}

/** One configuration timed: how Chromium is launched, the page served, and the recognizer asked for. */
interface BrowserConfig {
  row: string;
  webgl: boolean;
  isolated: boolean;
  options: RecognizerOptions;
  flags?: Record<string, boolean>;
  cpu?: boolean;
}

const CONFIGS: readonly BrowserConfig[] = [
  { row: 'auto (SwiftShader WebGL)', webgl: true, isolated: false, options: { backend: 'auto', cacheBackendChoice: false } },
  { row: 'auto (no WebGL)', webgl: false, isolated: false, options: { backend: 'auto', cacheBackendChoice: false } },
  { row: 'auto (COOP/COEP)', webgl: false, isolated: true, options: { backend: 'auto', cacheBackendChoice: false } },
  { row: 'webgl (SwiftShader)', webgl: true, isolated: false, options: { backend: 'webgl' } },
  { row: 'wasm-simd', webgl: false, isolated: false, options: { backend: 'wasm' } },
  { row: 'wasm-simd-threads', webgl: false, isolated: true, options: { backend: 'wasm' } },
  { row: 'wasm (no SIMD)', webgl: false, isolated: false, options: { backend: 'wasm' }, flags: { WASM_HAS_SIMD_SUPPORT: false } },
  { row: 'cpu', webgl: false, isolated: false, options: { backend: 'cpu' }, cpu: true },
];

/** The samples of one row. */
interface RowSamples {
  row: string;
  backend: Pick<BackendInfo, 'name' | 'simd' | 'threads'> & Partial<Pick<BackendInfo, 'reason'>>;
  cold: number[];
  tracked: number[];
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');

/** Node's WASM-SIMD on the same photos, with the same timing loop as the page (`helpers/time-frames.ts`). */
async function nodeRow(node: GestureNode, photos: readonly string[], frames: number, warmup: number, fixtures: string): Promise<RowSamples> {
  const recognizer = await node.createNodeRecognizer();
  try {
    const images: FrameData[] = [];
    for (const photo of photos) images.push(await node.loadImage(join(fixtures, photo)));
    return { row: 'node wasm-simd', backend: recognizer.backend, ...(await timeColdAndTracked(recognizer, images, frames, warmup)) };
  } finally {
    recognizer.dispose();
  }
}

/** `npm run bench -- --browser`: times each configuration and prints the table (or the JSON). */
export async function runBrowserBench(args: BrowserBenchArgs): Promise<void> {
  const log = args.json ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
  const photos = BROWSER_BENCH_PHOTOS;
  const warmup = 2;
  const node = await loadGestureNode('npm run bench -- --browser');
  if (!hasChromium()) {
    process.stderr.write('No Chromium found: install Debian `chromium` (see .ci/run) or set $CHROMIUM_PATH.\n');
    process.exit(1);
  }
  const bundle = await bundlePage({ entry: pageSource });
  const wasmDir = join(dirname(fileURLToPath(import.meta.resolve('@tensorflow/tfjs-backend-wasm/package.json'))), 'dist');
  const routes = { '/': bundle.dir, '/models/': join(REPO_ROOT, 'packages/core/models'), '/wasm/': wasmDir, '/fixtures/': args.fixtures };
  const results: RowSamples[] = [];
  let browserVersion = '';
  try {
    log('node: wasm-simd');
    results.push(await nodeRow(node, photos, args.frames, warmup, args.fixtures));
    for (const config of CONFIGS) {
      if (config.cpu && !args.cpu) continue;
      log(`chromium: ${config.row}`);
      const server = await serveStatic({ routes, crossOriginIsolated: config.isolated });
      const session = await launchChromium({ webgl: config.webgl });
      try {
        browserVersion = session.browser.version();
        const page = await session.open(`${server.url}/index.html`);
        await page.waitForFunction(() => window.gestureReady === true);
        if (config.flags) await page.evaluate((flags) => window.gestureTest.setFlags(flags), config.flags);
        const created = await page.evaluate((options) => window.gestureTest.create(options), config.options);
        if ('error' in created) throw new Error(`${config.row}: ${created.error.message}`);
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

  const overlay = args.overlay ? await benchOverlay(log) : [];
  const machine = { cpu: cpus()[0]?.model?.trim() ?? 'unknown', cores: cpus().length, node: process.version, chromium: browserVersion };
  const rows = results.map((r) => ({
    row: r.row,
    backend: `${r.backend.name}${r.backend.simd ? '-simd' : ''}, ${r.backend.threads} thread${r.backend.threads === 1 ? '' : 's'}`,
    coldMs: node.summarize(r.cold).medianMs,
    trackedMs: node.summarize(r.tracked).medianMs,
    n: r.cold.length,
  }));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ machine, photos, frames: args.frames, warmup, rows, samples: results, overlay }, null, 2)}\n`);
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
    '',
    ...results.filter((r) => r.row.startsWith('auto')).map((r) => `${r.row}: ${r.backend.reason ?? '?'}`),
  ];
  if (overlay.length > 0) {
    out.push('', 'overlay (examples/meeting-overlay, production build, 30 fps fake camera 640×480, no GPU): processed fps, mean of 1 s readings after a warm-up');
    const overlayCells = overlay.map((o) => [o.row, `${o.status}: ${o.backend}`, ms(o.fps), o.samples.map((v) => v.toFixed(1)).join(' '), ms(o.readyMs), String(o.consoleMessages)]);
    out.push(node.formatTable(['configuration', 'backend', 'fps', 'readings', 'ready ms', 'console msgs'], overlayCells, [2, 4, 5]));
    for (const o of overlay) if (o.consoleMessages > 0) out.push(`  ${o.row}: ${o.firstMessages.join(' | ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
