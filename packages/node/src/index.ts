// Re-exports the core, so installing this one package is enough.
export * from '@gesture/core';
export { createNodeRecognizer } from './node-recognizer';
export { loadImage } from './load-image';
export type { LoadedImage } from './load-image';
export { ImageLoadError } from './errors';
