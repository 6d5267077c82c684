// Re-exports the core, so installing this one package is enough.
export * from '@gesture/core';
export { createNodeRecognizer } from './node-recognizer';
export { loadImage } from './load-image';
export type { LoadedImage } from './load-image';
export { fromVideoFile, isVideoPath, probeVideo, videoFrames } from './video';
export type { VideoFileOptions, VideoInfo } from './video';
export { ffmpegPath } from './ffmpeg';
export { DEFAULT_BENCH_IMAGES, benchRatios, defaultFixturesDir, formatBenchTable, runStageBench, summarize } from './bench';
export type { BenchRow, StageBenchOptions, StageBenchResult, StageBenchRows } from './bench';
export { formatTable } from './table';
export { FfmpegMissingError, ImageLoadError, VideoDecodeError } from './errors';
