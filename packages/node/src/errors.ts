import { GestureError } from '@gesture/core';

/** An image file that is missing, empty, or cannot be decoded. `details.source` names it. */
export class ImageLoadError extends GestureError {
  constructor(message: string, details: { source: string; reason: 'missing' | 'empty' | 'corrupt' | 'unreadable' }, options?: { cause?: unknown }) {
    super('image-load', message, details, options);
  }
}

/** No usable ffmpeg binary: neither one on the PATH nor the `@ffmpeg-installer/ffmpeg` package. */
export class FfmpegMissingError extends GestureError {
  constructor(message: string, details: { tried: string[] }, options?: { cause?: unknown }) {
    super('ffmpeg-missing', message, details, options);
  }
}

/** A video file that is missing, unreadable, corrupt or truncated. Frames decoded before the problem were already delivered. */
export class VideoDecodeError extends GestureError {
  constructor(message: string, details: { source: string; framesRead: number; stderr?: string }, options?: { cause?: unknown }) {
    super('video-decode', message, details, options);
  }
}
