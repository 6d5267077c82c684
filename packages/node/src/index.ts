// Re-exports the core, so installing this one package is enough.
export * from '@gesture/core';
export { createNodeRecognizer } from './node-recognizer';
export { DEFAULT_MAX_IMAGE_PIXELS, loadImage } from './load-image';
export type { LoadedImage, LoadImageOptions } from './load-image';
export { MAX_FPS, MIN_FPS, VIDEO_DEMUXERS, fromVideoFile, isVideoPath, probeVideo, videoFrames } from './video';
export type { VideoFileOptions, VideoInfo } from './video';
export { ffmpegPath } from './ffmpeg';
export { benchRatios, formatBenchTable, runStageBench } from './bench';
export type { StageBenchOptions, StageBenchResult, StageBenchRows } from './bench';
export { summarize } from './stats';
export type { BenchRow } from './stats';
export { formatTable } from './table';
export { FfmpegMissingError, ImageLoadError, VideoDecodeError } from './errors';
export type { ImageLoadReason } from './errors';
export { escapeControl } from './terminal-text';
export { motionSampleFromVideo } from './motion-sample';
export type { MotionSampleFromVideoOptions } from './motion-sample';
