/**
 * What the core does differently in Node: where the packaged models are, reading files, the
 * current directory. The browser build (`dist/index.browser.js`, the `browser` export condition)
 * swaps this file for `runtime-browser.ts`, so no Node-only code reaches a web bundle.
 * Sits directly in `src/` so that `../models/` is the package's `models/` from `src/` and `dist/`.
 */

/** True in Node (not in a browser or a worker with `window`). */
export const isNode = (): boolean => typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';

/** Reads a whole file. */
export type ReadFile = (path: URL | string) => Promise<Uint8Array>;

/** The `models/` folder shipped inside this package, as a `file:` URL. */
export function packagedModelsUrl(): URL | null {
  return new URL('../models/', import.meta.url);
}

const nodeFsModule = 'node:fs/promises';

/** Node's `readFile`, imported on first use (so importing the package reads nothing). */
export async function readFileFunction(): Promise<ReadFile> {
  const fs = (await import(/* @vite-ignore */ /* webpackIgnore: true */ nodeFsModule)) as { readFile: ReadFile };
  return fs.readFile;
}

/** The current directory as a `file:` URL ending in `/`, what a plain path is relative to. */
export function currentDirectoryUrl(): URL {
  const cwd = typeof process !== 'undefined' && process.cwd ? `${process.cwd().replace(/\\/g, '/')}/` : '/';
  return new URL(`file://${cwd.startsWith('/') ? '' : '/'}${cwd}`);
}
