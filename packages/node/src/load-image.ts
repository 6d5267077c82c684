import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { FRAME_LIMITS, type FrameData } from '@gesture/core';
import { ImageLoadError } from './errors';

/** A decoded image: RGBA pixels ready for `recognize()`. */
export interface LoadedImage extends FrameData {
  channels: 4;
  /**
   * How much the image was scaled down to fit one frame's pixel budget (`FRAME_LIMITS` of
   * `@gesture/core`, 4096×4096): `1` when it fits as it is, e.g. `0.63` for a 48-MP photo.
   * `width`, `height` and every landmark found in it are in the scaled image's pixels.
   */
  scale: number;
}

/**
 * The most pixels `loadImage()` decodes: 50 megapixels (200 MB of RGBA). Full-size photos of
 * 48-MP phones (8000×6000) and 45-MP cameras fit; a 1-bit PNG "bomb" of 12000×12000 (144 MP,
 * 17.5 KB on disk, several GB to decode) is refused from its header, before any pixel is decoded.
 */
export const DEFAULT_MAX_IMAGE_PIXELS = 50_000_000;

/** Options of `loadImage()`. */
export interface LoadImageOptions {
  /**
   * The largest `width × height` to decode; a bigger image throws `ImageLoadError` with
   * `reason: 'too-large'` without being decoded. Defaults to `DEFAULT_MAX_IMAGE_PIXELS` (50 000 000).
   */
  maxPixels?: number;
}

/**
 * Decodes an image file or buffer (JPEG, PNG, WebP, the first frame of a GIF, and whatever else
 * `sharp` reads) into an RGBA frame, with EXIF orientation applied. The header is read first: an
 * image over the pixel budget is refused before decoding; one over a frame's budget (4096×4096)
 * is decoded and scaled down to fit it (`scale` says by how much). Throws `ImageLoadError`
 * (`details.reason`: `missing`, `empty`, `corrupt`, `unreadable`, `too-large`).
 *
 * @example
 * const frame = await loadImage('photo.jpg');
 * const { hands } = await recognizer.recognize(frame);
 */
export async function loadImage(source: string | Uint8Array, options: LoadImageOptions = {}): Promise<LoadedImage> {
  const limit = options.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  if (!(Number.isSafeInteger(limit) && limit > 0)) {
    throw new ImageLoadError(`Option maxPixels must be a positive integer, got ${String(options.maxPixels)}.`, { source: typeof source === 'string' ? source : '<buffer>', reason: 'unreadable' });
  }
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
  const input = { pages: 1, limitInputPixels: limit } as const;
  let width: number | undefined;
  let height: number | undefined;
  let orientation: number | undefined;
  try {
    // Reading the header decodes no pixel, so it runs unlimited and reports the real size.
    ({ width, height, orientation } = await sharp(bytes, { pages: 1, limitInputPixels: false }).metadata());
  } catch (cause) {
    throw new ImageLoadError(`Cannot decode image ${name}: ${(cause as Error).message}.`, { source: name, reason: 'corrupt' }, { cause });
  }
  if (width !== undefined && height !== undefined && width * height > limit) {
    throw new ImageLoadError(
      `Image ${name} is ${width}×${height} (${(width * height / 1e6).toFixed(1)} megapixels), over the limit of ${limit} pixels (${(limit / 1e6).toFixed(1)} MP); it was not decoded. Resize it, or raise the limit with loadImage(…, { maxPixels }).`,
      { source: name, reason: 'too-large', width, height, pixels: width * height, limit },
    );
  }
  try {
    // limitInputPixels is a second guard, for formats whose header does not give the full size.
    // An image larger than one frame may be (a 48-MP photo) is scaled down to fit, so it can be recognised.
    const scale = width && height ? Math.min(1, Math.sqrt(FRAME_LIMITS.maxPixels / (width * height))) : 1;
    let image = sharp(bytes, input).rotate();
    if (scale < 1) {
      // EXIF orientations 5–8 turn the image a quarter: the box to fit is the other way round.
      const [w, h] = (orientation ?? 1) >= 5 ? [height!, width!] : [width!, height!];
      image = image.resize({ width: Math.floor(w * scale), height: Math.floor(h * scale), fit: 'inside' });
    }
    const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: 4, scale };
  } catch (cause) {
    const tooLarge = /pixel limit/i.test((cause as Error).message);
    throw new ImageLoadError(
      tooLarge ? `Image ${name} is over the limit of ${limit} pixels; it was not decoded.` : `Cannot decode image ${name}: ${(cause as Error).message}.`,
      { source: name, reason: tooLarge ? 'too-large' : 'corrupt', ...(tooLarge ? { limit } : {}) },
      { cause },
    );
  }
}
