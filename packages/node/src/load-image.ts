import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { FrameData } from '@gesture/core';
import { ImageLoadError } from './errors';

/** A decoded image: RGBA pixels ready for `recognize()`. */
export interface LoadedImage extends FrameData {
  channels: 4;
}

/**
 * Decodes an image file or buffer (JPEG, PNG, WebP, the first frame of a GIF, and whatever else
 * `sharp` reads) into an RGBA frame, with EXIF orientation applied. Throws `ImageLoadError`
 * (`details.reason`: `missing`, `empty`, `corrupt`, `unreadable`).
 *
 * @example
 * const frame = await loadImage('photo.jpg');
 * const { hands } = await recognizer.recognize(frame);
 */
export async function loadImage(source: string | Uint8Array): Promise<LoadedImage> {
  const name = typeof source === 'string' ? source : `<buffer of ${source?.byteLength ?? 0} bytes>`;
  let bytes: Uint8Array;
  if (typeof source === 'string') {
    try {
      bytes = await readFile(source);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      throw new ImageLoadError(`Cannot read image ${source}: ${code === 'ENOENT' ? 'no such file' : (cause as Error).message}.`, { source, reason: code === 'ENOENT' ? 'missing' : 'unreadable' }, { cause });
    }
  } else if (source instanceof Uint8Array) {
    bytes = source;
  } else {
    throw new ImageLoadError(`loadImage() takes a file path or a Uint8Array/Buffer, got ${typeof source}.`, { source: String(source), reason: 'unreadable' });
  }
  if (bytes.byteLength === 0) throw new ImageLoadError(`Image ${name} is empty (0 bytes).`, { source: name, reason: 'empty' });
  try {
    const { data, info } = await sharp(bytes, { pages: 1 }).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: 4 };
  } catch (cause) {
    throw new ImageLoadError(`Cannot decode image ${name}: ${(cause as Error).message}.`, { source: name, reason: 'corrupt' }, { cause });
  }
}
