import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { FrameData } from '../../types';

/** `../shared/fixtures/hands` beside the repository (or `GESTURE_FIXTURES`). Tests read photos from there; they are never copied into the project. */
export const FIXTURES_DIR = process.env.GESTURE_FIXTURES ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../../shared/fixtures/hands');

/** The five built-in gesture classes. */
export const BUILTIN_CLASSES = ['fist', 'ok', 'palm', 'one', 'peace'] as const;

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

/** The fixture split: part A when the FNV-1a hash of the file name is even (what the built-in references and thresholds were drawn from), else part B. */
export function splitPart(file: string): 'A' | 'B' {
  let h = 2166136261;
  for (const c of basename(file)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h % 2 === 0 ? 'A' : 'B';
}

/** The seeded generator (32-bit LCG) that draws few-shot samples; the classify test and the eval use seed × 7919 + K. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
