import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FRAME_LIMITS } from '@gesture/core';
import { ImageLoadError } from '../errors';
import { DEFAULT_MAX_IMAGE_PIXELS, loadImage } from '../load-image';
import { fixtureFiles } from '../../../core/src/__tests__/helpers/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'gesture-images-'));

describe('loadImage', () => {
  it('decodes a JPEG file to RGBA', async () => {
    const frame = await loadImage(fixtureFiles('palm')[0]!);
    expect(frame.channels).toBe(4);
    expect(frame.data.length).toBe(frame.width * frame.height * 4);
  });

  it('decodes PNG, WebP and the first frame of a GIF from buffers', async () => {
    const rgb = Buffer.alloc(8 * 6 * 3, 200);
    const raw = { raw: { width: 8, height: 6, channels: 3 as const } };
    for (const format of ['png', 'webp', 'gif'] as const) {
      const encoded = await sharp(rgb, raw).toFormat(format).toBuffer();
      const frame = await loadImage(encoded);
      expect([frame.width, frame.height, frame.data.length]).toEqual([8, 6, 8 * 6 * 4]);
    }
  });

  it('applies EXIF orientation', async () => {
    const file = join(dir, 'rotated.jpg');
    // A 40×20 image tagged "rotate 90° clockwise" (orientation 6) reads as 20×40.
    writeFileSync(file, await sharp(Buffer.alloc(40 * 20 * 3, 90), { raw: { width: 40, height: 20, channels: 3 } }).jpeg().withMetadata({ orientation: 6 }).toBuffer());
    const frame = await loadImage(file);
    expect([frame.width, frame.height]).toEqual([20, 40]);
  });

  const garbage: [string, () => string | Uint8Array, string][] = [
    ['a missing file', () => join(dir, 'nope.jpg'), 'missing'],
    ['an empty file', () => (writeFileSync(join(dir, 'empty.jpg'), ''), join(dir, 'empty.jpg')), 'empty'],
    ['a text file named .jpg', () => (writeFileSync(join(dir, 'text.jpg'), 'hello, not a photo'), join(dir, 'text.jpg')), 'corrupt'],
    ['a truncated JPEG', () => (writeFileSync(join(dir, 'cut.jpg'), readFileSync(fixtureFiles('fist')[0]!).subarray(0, 300)), join(dir, 'cut.jpg')), 'corrupt'],
    ['an empty buffer', () => new Uint8Array(0), 'empty'],
    ['random bytes', () => Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 251), 'corrupt'],
    ['a folder', () => dir, 'unreadable'],
    ['a number', () => 42 as unknown as string, 'unreadable'],
  ];
  it.each(garbage)('%s gives ImageLoadError', async (_name, make, reason) => {
    const error = await loadImage(make()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageLoadError);
    expect((error as ImageLoadError).code).toBe('image-load');
    expect((error as ImageLoadError).details.reason).toBe(reason);
  });

  it('refuses a 1-bit 12000×12000 PNG (a few KB) from its header, naming the limit, without decoding it', async () => {
    // 144 megapixels: about 18 KB on disk, 576 MB as RGBA and several GB while sharp decodes it.
    const bomb = join(dir, 'bomb.png');
    await sharp({ create: { width: 12000, height: 12000, channels: 3, background: '#000' } }).png({ palette: true, colours: 2, compressionLevel: 9 }).toFile(bomb);
    const before = process.memoryUsage().rss;
    const error = await loadImage(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageLoadError);
    expect((error as ImageLoadError).details).toMatchObject({ reason: 'too-large', width: 12000, height: 12000, pixels: 144_000_000, limit: DEFAULT_MAX_IMAGE_PIXELS });
    expect((error as Error).message).toMatch(/50000000 pixels/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    // The budget is an option; a small one refuses a real photo, and sharp's own limit backs it.
    const photo = fixtureFiles('fist')[0]!;
    const small = await loadImage(photo, { maxPixels: 1000 }).catch((e: unknown) => e);
    expect((small as ImageLoadError).details).toMatchObject({ reason: 'too-large', limit: 1000 });
  }, 60_000);

  it('scales an image over one frame\'s budget (a 24-MP photo) down to fit it, so it can be recognised', async () => {
    const big = join(dir, 'big.jpg');
    await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#888' } }).jpeg().toFile(big);
    const image = await loadImage(big);
    expect(image.width * image.height).toBeLessThanOrEqual(FRAME_LIMITS.maxPixels);
    expect(image.width / image.height).toBeCloseTo(1.5, 2);
    expect(image.scale).toBeCloseTo(Math.sqrt(FRAME_LIMITS.maxPixels / 24_000_000), 3);
    expect(image.data.length).toBe(image.width * image.height * 4);
    // A photo that fits is left as it is.
    expect((await loadImage(fixtureFiles('fist')[0]!)).scale).toBe(1);
  }, 60_000);
});
