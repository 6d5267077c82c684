import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';
import { packageConfig } from '../../tsup.config';

const external = [/^@tensorflow\//, 'rxjs', 'vite'];

/** The browser build takes `runtime-browser.ts` wherever the sources import `runtime-node.ts`. */
const browserRuntime: Plugin = {
  name: 'gesture-browser-runtime',
  setup(build) {
    build.onResolve({ filter: /[\\/]runtime-node$/ }, (args) => ({ path: `${args.resolveDir}/${args.path.replace(/runtime-node$/, 'runtime-browser.ts')}` }));
  },
};

const entry = { index: 'src/index.ts', vite: 'src/vite.ts', replay: 'src/replay-entry.ts' };

// The ESM builds split code, so that the fitted reference data (`classify/reference-data.ts`,
// ~27 kB gzipped), which `classify/reference.ts` imports dynamically, is a chunk of its own that
// apps load only when they use custom gestures. The CommonJS build (Node only) keeps one file.
export default defineConfig([
  packageConfig({ entry, format: ['esm'], splitting: true, external }),
  packageConfig({ entry, format: ['cjs'], external, clean: false }),
  // dist/index.browser.js, for the `browser` export condition: no file system, no `process`, no
  // `new URL('../models/', import.meta.url)` (which web bundlers try to resolve at build time).
  // dist/worker.js is the module Web Worker of `worker: true`, beside both index files: they start it
  // as `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })`, which bundlers follow.
  packageConfig({ entry: { 'index.browser': 'src/index.ts', worker: 'src/worker/worker-entry.ts' }, format: ['esm'], splitting: true, dts: false, platform: 'browser', external, clean: false, shims: false, esbuildPlugins: [browserRuntime] }),
]);
