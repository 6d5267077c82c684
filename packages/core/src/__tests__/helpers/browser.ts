/**
 * Real-Chromium testing helpers: launch Debian's Chromium through `playwright-core` with the flags
 * this machine needs, serve folders (and in-memory files) on 127.0.0.1 with optional COOP/COEP
 * headers, and bundle a test page with esbuild into a temporary folder. Everything started here is
 * torn down by its `close()` (both are also `Symbol.asyncDispose`, for `await using`).
 *
 * @example
 * import { bundlePage, hasChromium, launchChromium, serveStatic } from './helpers/browser';
 *
 * describe.skipIf(!hasChromium())('my page', () => {
 *   it('runs', async () => {
 *     const bundle = await bundlePage({ entry: new URL('./browser/page.ts', import.meta.url) });
 *     const server = await serveStatic({ routes: { '/': bundle.dir, '/models/': MODELS_DIR }, crossOriginIsolated: true });
 *     const chromium = await launchChromium({ webgl: false, fakeCamera: true });
 *     try {
 *       const page = await chromium.open(`${server.url}/index.html`);
 *       expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
 *     } finally {
 *       await chromium.close();
 *       await server.close();
 *       await bundle.remove();
 *     }
 *   });
 * });
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';

/** `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium` (installed by `.ci/run`), else `undefined`. */
/** The timing loop of the browser test page, for the Node row of `npm run bench -- --browser`. */
export { timeColdAndTracked } from './time-frames';

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** Whether a Chromium to drive is installed (use with `describe.skipIf(!hasChromium())`). */
export function hasChromium(): boolean {
  return chromiumPath() !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Static server
// ---------------------------------------------------------------------------------------------

/** What one route serves: a folder or file on disk, or a file's content (string or bytes). */
export type RouteTarget = string | URL | { content: string | Uint8Array; type?: string };

/** Options of `serveStatic()`. */
export interface ServeOptions {
  /**
   * URL path → what it serves. A key ending in `/` is a prefix mapped to a folder (`'/models/'`:
   * `packages/core/models`); any other key is one exact path (`'/index.html': { content }`).
   * The longest matching key wins. Defaults to `{}`.
   */
  routes?: Record<string, RouteTarget>;
  /**
   * Send `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`
   * (plus `Cross-Origin-Resource-Policy: same-origin`) on every response, so the page is
   * `crossOriginIsolated` (SharedArrayBuffer, WASM threads). Defaults to `false`.
   */
  crossOriginIsolated?: boolean;
  /** Extra headers on every response. Defaults to `{}`. */
  headers?: Record<string, string>;
}

/** A running server from `serveStatic()`. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly url: string;
  /** Every request so far: path and status, in order (to assert what the page fetched). */
  readonly requests: readonly { path: string; status: number }[];
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.y4m': 'application/octet-stream',
  '.mjpeg': 'video/x-motion-jpeg',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
};

const toPath = (target: string | URL): string => (target instanceof URL ? fileURLToPath(target) : target);

/**
 * Serves folders and in-memory files on 127.0.0.1 (a free port), for pages opened in Chromium.
 * Unknown paths get 404; `..` never leaves a routed folder.
 */
export async function serveStatic(options: ServeOptions = {}): Promise<StaticServer> {
  const routes = Object.entries(options.routes ?? {}).sort(([a], [b]) => b.length - a.length);
  const common: Record<string, string> = {
    'Cache-Control': 'no-store',
    ...(options.crossOriginIsolated
      ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' }
      : {}),
    ...options.headers,
  };
  const requests: { path: string; status: number }[] = [];

  const send = (res: ServerResponse, path: string, status: number, body: string | Uint8Array, type = 'text/plain; charset=utf-8') => {
    requests.push({ path, status });
    res.writeHead(status, { ...common, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const route = routes.find(([key]) => (key.endsWith('/') ? path.startsWith(key) : path === key));
    if (!route) return send(res, path, 404, `not found: ${path}`);
    const [key, target] = route;
    if (typeof target === 'object' && !(target instanceof URL)) {
      return send(res, path, 200, target.content, target.type ?? TYPES[extname(path)] ?? 'application/octet-stream');
    }
    let file = toPath(target);
    if (key.endsWith('/')) {
      const root = resolve(file);
      file = normalize(join(root, path.slice(key.length) || 'index.html'));
      if (file !== root && !file.startsWith(root + sep)) return send(res, path, 403, 'forbidden');
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      return send(res, path, 200, body, TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
    } catch {
      return send(res, path, 404, `not found: ${path}`);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, req.url ?? '', 500, String(error));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return { url: `http://127.0.0.1:${port}`, requests, close, [Symbol.asyncDispose]: close };
}

// ---------------------------------------------------------------------------------------------
// Chromium
// ---------------------------------------------------------------------------------------------

/** Options of `launchChromium()`. */
export interface LaunchOptions {
  /**
   * `true`: WebGL2 through SwiftShader (a CPU emulation: `--enable-unsafe-swiftshader`, GPU left on).
   * `false`: `--disable-gpu --disable-software-rasterizer`, and Playwright's default
   * `--enable-unsafe-swiftshader` dropped: no WebGL at all. (In Chromium 156, `--disable-gpu`
   * alone still gives a SwiftShader WebGL2, and `--disable-webgl` / `--disable-3d-apis` leave it
   * on `OffscreenCanvas`, which TF.js uses.) Defaults to `false`.
   */
  webgl?: boolean;
  /**
   * A fake camera for `getUserMedia()`, permission granted without a prompt. `true`: Chromium's
   * built-in test pattern; `{ file }`: a `.y4m` or `.mjpeg` clip played in a loop. Defaults to `false`.
   */
  fakeCamera?: boolean | { file: string };
  /** More Chromium flags, appended after the defaults. Defaults to `[]`. */
  args?: string[];
  /** Options of the browser context `open()` pages live in (viewport, permissions…). Defaults to `{}`. */
  context?: BrowserContextOptions;
  /**
   * Called with every console message and uncaught page error (`[pageerror] …`) of every page,
   * for debugging. Defaults to printing them when `$GESTURE_BROWSER_LOG` is set, else nothing.
   */
  onLog?: (line: string) => void;
}

/** A running Chromium from `launchChromium()`. */
export interface ChromiumSession {
  readonly browser: Browser;
  /** The one context `open()` creates pages in (fresh profile, torn down by `close()`). */
  readonly context: BrowserContext;
  /** A new page at `url`, loaded (`load` event). */
  open(url: string): Promise<Page>;
  /** Closes every page and the browser (Playwright deletes the temporary profile). */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** The flags every launch gets (the sandbox and network off, a quiet profile). */
export const BASE_CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Chromium's flags for `options` (the fresh `--user-data-dir` is Playwright's own). */
export function chromiumArgs(options: Pick<LaunchOptions, 'webgl' | 'fakeCamera' | 'args'> = {}): string[] {
  const args = [...BASE_CHROMIUM_ARGS];
  args.push(...(options.webgl ? ['--enable-unsafe-swiftshader'] : ['--disable-gpu', '--disable-software-rasterizer']));
  if (options.fakeCamera) {
    args.push('--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream');
    if (typeof options.fakeCamera === 'object') args.push(`--use-file-for-fake-video-capture=${options.fakeCamera.file}`);
  }
  return [...args, ...(options.args ?? [])];
}

/**
 * Launches Chromium (headless, a fresh profile in a temporary folder) with the flags for `options`.
 * Throws if no Chromium is installed (check `hasChromium()` first).
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: install Debian `chromium` (see .ci/run) or set $CHROMIUM_PATH.');
  const { chromium } = await import('playwright-core');
  const log = options.onLog ?? (process.env.GESTURE_BROWSER_LOG ? (line: string) => process.stderr.write(`${line}\n`) : undefined);
  // Playwright gives every launch a fresh profile in a temporary folder and deletes it on close.
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: chromiumArgs(options),
    // Playwright turns SwiftShader on by default; with it, WebGL works even under --disable-gpu.
    ignoreDefaultArgs: options.webgl ? [] : ['--enable-unsafe-swiftshader'],
    timeout: 60_000,
  });
  const context = await browser.newContext({
    ...(options.fakeCamera ? { permissions: ['camera', 'microphone'] } : {}),
    ...options.context,
  });
  if (log) {
    context.on('console', (message: ConsoleMessage) => log(`[console.${message.type()}] ${message.text()}`));
    context.on('weberror', (error) => log(`[pageerror] ${error.error().message}`));
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    await browser.close().catch(() => {});
  };
  return {
    browser,
    context,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

// ---------------------------------------------------------------------------------------------
// Test page bundles
// ---------------------------------------------------------------------------------------------

/** Options of `bundlePage()`. */
export interface BundleOptions {
  /** The page's TypeScript/JavaScript entry (bundled with everything it imports). */
  entry: string | URL;
  /** The HTML written beside the bundle as `index.html`. Defaults to a page that loads `page.js` as a module. */
  html?: string;
  /** esbuild `define`s (e.g. `{ 'process.env.NODE_ENV': '"production"' }`). Defaults to `NODE_ENV` = `"production"`. */
  define?: Record<string, string>;
  /** Minify the bundle (identifiers too), as a production build does. Defaults to `false`. */
  minify?: boolean;
  /** Folder to write into. Defaults to a fresh temporary folder (`os.tmpdir()`), removed by `remove()`. */
  outdir?: string;
}

/** A bundled test page from `bundlePage()`: `dir` holds `index.html` and `page.js`. */
export interface PageBundle {
  readonly dir: string;
  /** Deletes `dir` (only when `bundlePage()` created it). */
  remove(): Promise<void>;
}

/** The default `index.html` of `bundlePage()`. */
export const DEFAULT_PAGE_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>test</title></head><body><script type="module" src="./page.js"></script></body></html>';

/**
 * Bundles `entry` for the browser (ESM, es2022, minified off, with a source map) into a
 * temporary folder with an `index.html`. Built output never lands in the repository.
 */
export async function bundlePage(options: BundleOptions): Promise<PageBundle> {
  const { build } = await import('esbuild');
  const created = options.outdir === undefined;
  const dir = options.outdir ?? (await mkdtemp(join(tmpdir(), 'gesture-page-')));
  await build({
    entryPoints: { page: toPath(options.entry) },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: dir,
    sourcemap: 'linked',
    logLevel: 'error',
    define: options.define ?? { 'process.env.NODE_ENV': '"production"' },
    minify: options.minify ?? false,
  });
  await writeFile(join(dir, 'index.html'), options.html ?? DEFAULT_PAGE_HTML);
  return {
    dir,
    remove: async () => {
      if (created) await rm(dir, { recursive: true, force: true });
    },
  };
}
