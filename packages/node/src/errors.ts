import { GestureError } from '@gesture/core';

/** Why an image could not be loaded (`ImageLoadError`'s `details.reason`). */
export type ImageLoadReason = 'missing' | 'empty' | 'corrupt' | 'unreadable' | 'too-large';

/**
 * An image file that is missing, empty, cannot be decoded, or is larger than the pixel budget
 * (`reason: 'too-large'`, with `width`, `height`, `pixels` and `limit`). `details.source` names it.
 */
export class ImageLoadError extends GestureError {
  constructor(
    message: string,
    details: { source: string; reason: ImageLoadReason; width?: number; height?: number; pixels?: number; limit?: number },
    options?: { cause?: unknown },
  ) {
    super('image-load', message, details, options);
  }
}

/** No usable ffmpeg binary: neither one on the PATH nor the `@ffmpeg-installer/ffmpeg` package. */
export class FfmpegMissingError extends GestureError {
  constructor(message: string, details: { tried: string[] }, options?: { cause?: unknown }) {
    super('ffmpeg-missing', message, details, options);
  }
}

/**
 * A video file that is missing, unreadable, corrupt or truncated, or not a plain video container
 * (a playlist or concat list: `details.format`). Frames decoded before the problem were already delivered.
 */
export class VideoDecodeError extends GestureError {
  constructor(message: string, details: { source: string; framesRead: number; stderr?: string; format?: string }, options?: { cause?: unknown }) {
    super('video-decode', message, details, options);
  }
}
