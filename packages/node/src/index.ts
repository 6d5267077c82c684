// Re-exports the core, so installing this one package is enough.
export * from '@gesture/core';
export { createNodeRecognizer } from './node-recognizer';
export { loadImage } from './load-image';
export type { LoadedImage } from './load-image';
export { fromVideoFile, isVideoPath, probeVideo, videoFrames } from './video';
export type { VideoFileOptions, VideoInfo } from './video';
export { ffmpegPath } from './ffmpeg';
export { benchRatios, formatBenchTable, runStageBench } from './bench';
export type { StageBenchOptions, StageBenchResult, StageBenchRows } from './bench';
export { summarize } from './stats';
export type { BenchRow } from './stats';
export { formatTable } from './table';
export { FfmpegMissingError, ImageLoadError, VideoDecodeError } from './errors';
