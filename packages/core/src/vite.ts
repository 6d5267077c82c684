// `@gesture/core/vite`: a Vite plugin for apps that use @gesture in the browser. Node-only (build
// time); the browser entry of the package never imports it.
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** URL path → file on disk: the models shipped in @gesture/core and TF.js's WASM binaries. */
function gestureFiles(): Map<string, string> {
  const models = join(dirname(require.resolve('@gesture/core/package.json')), 'models');
  const wasm = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  return new Map([
    ...readdirSync(models).map((file) => [`models/${file}`, join(models, file)] as const),
    ...readdirSync(wasm).filter((file) => file.endsWith('.wasm')).map((file) => [`wasm/${file}`, join(wasm, file)] as const),
  ]);
}

/**
 * Serves `/models/*` (the models shipped in `@gesture/core`) and `/wasm/*.wasm` (TF.js's WASM
 * binaries) from the installed packages in `vite` dev, and copies them into the build, so the app
 * needs no network: pass `modelBaseUrl: '/models/'` and `wasmPath: '/wasm/'` to the recognizer.
 *
 * @example
 * // vite.config.ts
 * import { gestureAssets } from '@gesture/core/vite';
 * export default defineConfig({ plugins: [react(), gestureAssets()] });
 */
export function gestureAssets(): Plugin {
  const files = gestureFiles();
  return {
    name: 'gesture-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(server.config.base, '');
        const file = files.get(path);
        if (!file) return next();
        res.setHeader('Content-Type', path.endsWith('.wasm') ? 'application/wasm' : path.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const [fileName, file] of files) this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
    },
  };
}
