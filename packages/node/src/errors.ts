import { GestureError } from '@gesture/core';

/** An image file that is missing, empty, or cannot be decoded. `details.source` names it. */
export class ImageLoadError extends GestureError {
  constructor(message: string, details: { source: string; reason: 'missing' | 'empty' | 'corrupt' | 'unreadable' }, options?: { cause?: unknown }) {
    super('image-load', message, details, options);
  }
}
