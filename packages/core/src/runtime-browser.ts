import { ModelLoadError } from './errors';
import type { ReadFile } from './runtime-node';

/**
 * The browser build's `runtime-node.ts` (see there): no packaged-model folder on disk, no file
 * system, no `process`.
 */

/** Never Node: this file is only in the browser build. */
export const isNode = (): boolean => false;

/** A web page serves the models itself (`DEFAULT_BROWSER_MODEL_BASE_URL`); there is no folder to point at. */
export function packagedModelsUrl(): URL | null {
  return null;
}

/** A browser cannot read `file:` URLs: says so, naming what to do instead. */
export async function readFileFunction(): Promise<ReadFile> {
  throw new ModelLoadError('file: URLs are read from disk only in Node; in a browser, serve the models over http(s) (modelBaseUrl) or pass modelHandlers.', { file: 'file:', model: 'any' });
}

/** Plain paths resolve against the page; without one, against the site root. */
export function currentDirectoryUrl(): URL {
  return new URL(typeof location !== 'undefined' && location.href ? location.href : 'file:///');
}
