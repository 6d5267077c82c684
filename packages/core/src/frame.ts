import * as tf from '@tensorflow/tfjs-core';
import { InvalidFrameError } from './errors';
import type { Frame, FrameData } from './types';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value !== 'object') return typeof value;
  return (value as object).constructor?.name ?? 'object';
}

function isFrameData(frame: unknown): frame is FrameData {
  return typeof frame === 'object' && frame !== null && 'data' in frame && 'width' in frame && 'height' in frame;
}

/**
 * Size bounds of one frame, checked before any pixel is copied. A frame becomes a float32 RGB
 * tensor (12 bytes a pixel), so 4096×4096 (16.8 megapixels, 4K and 12-MP photos fit) is about
 * 200 MB; beyond that a single frame can exhaust a browser tab or the 4 GB WASM heap, and the
 * models see a 192–256 px crop anyway. Downscale larger images first.
 */
export const FRAME_LIMITS = {
  /** Longest side, in pixels. */
  maxSide: 16384,
  /** Most pixels (width × height) in one frame: 4096 × 4096. */
  maxPixels: 4096 * 4096,
} as const;

function checkSize(width: unknown, height: unknown): void {
  const ok = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= FRAME_LIMITS.maxSide;
  if (!ok(width) || !ok(height)) {
    throw new InvalidFrameError(`Frame size must be positive integers up to ${FRAME_LIMITS.maxSide}, got ${String(width)}×${String(height)}.`, {
      expected: `width and height: integers in 1..${FRAME_LIMITS.maxSide}`,
      received: `${String(width)}×${String(height)}`,
    });
  }
  if ((width as number) * (height as number) > FRAME_LIMITS.maxPixels) {
    throw new InvalidFrameError(`Frame has ${String(width)}×${String(height)} pixels, over the budget of ${FRAME_LIMITS.maxPixels} (4096×4096); downscale it first.`, {
      expected: `at most ${FRAME_LIMITS.maxPixels} pixels (4096×4096)`,
      received: `${String(width)}×${String(height)} = ${(width as number) * (height as number)} pixels`,
    });
  }
}

function checkFrameData(frame: FrameData): void {
  const { data, width, height } = frame;
  const channels = frame.channels ?? 4;
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) {
    throw new InvalidFrameError(`Frame data must be a Uint8Array or Uint8ClampedArray of RGB(A) bytes, got ${describe(data)}.`, {
      expected: 'Uint8Array | Uint8ClampedArray',
      received: describe(data),
    });
  }
  if (channels !== 3 && channels !== 4) {
    throw new InvalidFrameError(`Frame channels must be 3 (RGB) or 4 (RGBA), got ${String(channels)}.`, { expected: '3 | 4', received: String(channels) });
  }
  checkSize(width, height);
  if (data.length !== width * height * channels) {
    throw new InvalidFrameError(`Frame data holds ${data.length} bytes; ${width}×${height}×${channels} needs ${width * height * channels}.`, {
      expected: `${width * height * channels} bytes (${width}×${height}×${channels})`,
      received: `${data.length} bytes`,
    });
  }
}

function fromFrameData(frame: FrameData): tf.Tensor3D {
  checkFrameData(frame);
  const { data, width, height } = frame;
  const channels = frame.channels ?? 4;
  if (channels === 3) return tf.tensor3d(new Float32Array(data), [height, width, 3], 'float32');
  // One JS pass drops alpha while converting to float32: uploading RGBA and slicing alpha off on
  // the backend costs about 5× more on WASM (≈ 25 ms against ≈ 5 ms for 800×600, npm run bench).
  const rgb = new Float32Array(width * height * 3);
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    rgb[j] = data[i]!;
    rgb[j + 1] = data[i + 1]!;
    rgb[j + 2] = data[i + 2]!;
  }
  return tf.tensor3d(rgb, [height, width, 3], 'float32');
}

function fromTensor(frame: tf.Tensor): tf.Tensor3D {
  if (frame.isDisposed) throw new InvalidFrameError('Frame tensor is already disposed.', { expected: 'a live tf.Tensor3D', received: 'a disposed tensor' });
  const [height, width, channels] = frame.shape;
  if (frame.rank !== 3 || (channels !== 3 && channels !== 4)) {
    throw new InvalidFrameError(`Frame tensor must be [height, width, 3|4], got [${frame.shape.join(', ')}].`, {
      expected: '[height, width, 3 | 4]',
      received: `[${frame.shape.join(', ')}]`,
    });
  }
  checkSize(width, height);
  if (frame.dtype !== 'int32' && frame.dtype !== 'float32') {
    throw new InvalidFrameError(`Frame tensor dtype must be int32 or float32 (0–255), got ${frame.dtype}.`, { expected: 'int32 | float32', received: frame.dtype });
  }
  if (frame.dtype === 'float32') {
    const bad = tf.tidy(() => tf.any(tf.logicalNot(tf.isFinite(frame))).dataSync()[0]);
    if (bad) throw new InvalidFrameError('Frame tensor holds NaN or infinite values.', { expected: 'finite values in 0..255', received: 'NaN or ±Infinity' });
  }
  return tf.tidy(() => {
    const rgb = channels === 4 ? tf.slice(frame, [0, 0, 0], [height!, width!, 3]) : frame;
    return tf.cast(rgb, 'float32') as tf.Tensor3D;
  });
}

function fromBrowserSource(frame: Frame): tf.Tensor3D {
  const { width, height } = browserSourceSize(frame);
  checkSize(width, height);
  try {
    return tf.tidy(() => tf.cast(tf.browser.fromPixels(frame as Parameters<typeof tf.browser.fromPixels>[0], 3), 'float32'));
  } catch (cause) {
    throw new InvalidFrameError(`Cannot read pixels from ${describe(frame)}: ${(cause as Error).message}`, { expected: 'a readable image source', received: describe(frame) });
  }
}

const browserSourceNames = ['HTMLVideoElement', 'HTMLImageElement', 'HTMLCanvasElement', 'ImageBitmap', 'ImageData', 'OffscreenCanvas'];

function isBrowserSource(frame: unknown): boolean {
  return browserSourceNames.some((name) => {
    const ctor = (globalThis as Record<string, unknown>)[name];
    return typeof ctor === 'function' && frame instanceof (ctor as new () => unknown);
  });
}

/**
 * Turns any supported frame into an RGB `[height, width, 3]` float32 tensor (0–255) that the
 * caller owns and must dispose. Throws `InvalidFrameError` (and allocates nothing) for anything else.
 */
/**
 * The size of a `FrameData` frame or a browser source (`<video>`, image, canvas, bitmap), checked
 * as `frameToTensor()` would (`InvalidFrameError`), without reading the pixels: a frame no model
 * looks at costs nothing. `null` for a tensor (or anything else), whose size comes with its
 * conversion.
 */
export function frameDataSize(frame: Frame): { width: number; height: number } | null {
  if (frame instanceof tf.Tensor) return null;
  if (isBrowserSource(frame)) {
    const { width, height } = browserSourceSize(frame);
    checkSize(width, height);
    return { width, height };
  }
  if (!isFrameData(frame)) return null;
  checkFrameData(frame);
  return { width: frame.width, height: frame.height };
}

function browserSourceSize(frame: Frame): { width: number; height: number } {
  const source = frame as HTMLVideoElement & HTMLImageElement & ImageData;
  return { width: source.videoWidth ?? source.naturalWidth ?? source.width, height: source.videoHeight ?? source.naturalHeight ?? source.height };
}

export function frameToTensor(frame: Frame): tf.Tensor3D {
  if (frame instanceof tf.Tensor) return fromTensor(frame);
  if (isBrowserSource(frame)) return fromBrowserSource(frame);
  if (isFrameData(frame)) return fromFrameData(frame);
  throw new InvalidFrameError(`Unsupported frame: ${describe(frame)}.`, {
    expected: '{ data: Uint8Array, width, height, channels? }, a tf.Tensor3D, or a video/image/canvas/ImageBitmap/ImageData',
    received: describe(frame),
  });
}
