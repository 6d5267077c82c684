import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FrameData } from '../../types';
import { FIXTURES_DIR } from '../../../../../tools/fixtures';

// The fixtures folder, the split and the seeded generator are defined once, for the tests and the tools.
export { BUILTIN_CLASSES, FIXTURES_DIR, FIXTURES_ROOT, handshapeNote, seededRandom, splitPart, MOTION_NEGATIVE_CLIPS, SWIPE_SEGMENTS } from '../../../../../tools/fixtures';

/** Every image file of one fixture class, sorted. */
export function fixtureFiles(cls: string): string[] {
  const dir = join(FIXTURES_DIR, cls);
  return readdirSync(dir)
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f) && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}

/** How to alter a photo before decoding: mirror it (a right hand becomes a left hand) and/or turn it (degrees, clockwise; grey corners). */
export interface FixtureTransform {
  mirror?: boolean;
  rotateDeg?: number;
}

/** Decodes a fixture photo to RGBA with EXIF rotation applied, then the optional `transform`. */
export async function decodeFixture(file: string, transform: FixtureTransform = {}): Promise<FrameData> {
  let image = sharp(file).rotate();
  if (transform.mirror) image = image.flop();
  if (transform.rotateDeg) image = image.rotate(transform.rotateDeg, { background: '#808080' });
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: 4 };
}
