import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClip } from '../../../core/src/__tests__/helpers/clip';
import { fixtureFiles } from '../../../core/src/__tests__/helpers/fixtures';
import { runCli, type CliCommands } from '../cli/program';
import { ImageLoadError, VideoDecodeError } from '../errors';
import { loadImage } from '../load-image';
import { MAX_FPS, MIN_FPS, videoFrames } from '../video';

// Seeded and reproducible: a failure prints its seed and path; rerun with GESTURE_FUZZ_SEED=<seed>.
const SEED = Number(process.env.GESTURE_FUZZ_SEED ?? 17_2026);
const runs = (numRuns: number) => ({ seed: SEED, numRuns });
const dir = mkdtempSync(join(tmpdir(), 'gesture-fuzz-'));
const REASONS = ['missing', 'empty', 'corrupt', 'unreadable', 'too-large'];

/** Truncates `bytes` at a random length, then overwrites a few random positions. */
const mutated = (bytes: Uint8Array) =>
  fc.record({ cut: fc.integer({ min: 0, max: bytes.length }), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 16 }) }).map(({ cut, flips }) => {
    const copy = bytes.slice(0, cut);
    for (const [at, value] of flips) if (copy.length) copy[at % copy.length] = value;
    return copy;
  });

let jpeg: Uint8Array;
let png: Uint8Array;
let clip: Uint8Array;

beforeAll(async () => {
  // Real photos, made small so each case decodes quickly.
  const photo = sharp(fixtureFiles('palm')[0]!).resize(96, 72);
  jpeg = new Uint8Array(await photo.clone().jpeg().toBuffer());
  png = new Uint8Array(await photo.clone().png().toBuffer());
  const clipPath = join(dir, 'real.mkv');
  await buildClip(clipPath, [{ image: fixtureFiles('fist')[0]!, seconds: 1 }], { width: 96, height: 72, fps: 5 });
  clip = new Uint8Array(readFileSync(clipPath));
});

/** loadImage() either decodes a whole RGBA frame or throws ImageLoadError with a code and a reason. */
async function checkImage(bytes: Uint8Array): Promise<void> {
  try {
    const frame = await loadImage(bytes);
    expect(frame.data.length).toBe(frame.width * frame.height * 4);
  } catch (error) {
    expect(error).toBeInstanceOf(ImageLoadError);
    expect((error as ImageLoadError).code).toBe('image-load');
    expect(REASONS).toContain((error as ImageLoadError).details.reason);
  }
}

/** The decoder either yields whole frames and ends, or throws VideoDecodeError with `framesRead`. */
async function checkVideo(bytes: Uint8Array, name: string): Promise<void> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  let frames = 0;
  try {
    for await (const { frame } of videoFrames(file)) {
      expect(frame.data.length).toBe(frame.width * frame.height * 4);
      frames += 1;
    }
  } catch (error) {
    expect(error).toBeInstanceOf(VideoDecodeError);
    expect((error as VideoDecodeError).code).toBe('video-decode');
    expect((error as VideoDecodeError).details.framesRead).toBe(frames);
  }
}

describe('fuzz: loadImage()', () => {
  it('random bytes: an ImageLoadError with a reason, never a crash (100 cases)', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), checkImage), runs(100));
  });

  it('truncated and mutated real JPEG and PNG photos (2 × 60 cases)', async () => {
    await fc.assert(fc.asyncProperty(mutated(jpeg), checkImage), runs(60));
    await fc.assert(fc.asyncProperty(mutated(png), checkImage), runs(60));
  });
});

describe('fuzz: videoFrames()', () => {
  it('random bytes and truncated/mutated real clips: whole frames or a VideoDecodeError (2 × 40 cases)', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), (bytes) => checkVideo(bytes, 'random.mp4')), runs(40));
    await fc.assert(fc.asyncProperty(mutated(clip), (bytes) => checkVideo(bytes, 'cut.mkv')), runs(40));
  }, 120_000);
});

describe('fuzz: CLI argument parsing (in-process)', () => {
  const TOKENS = ['recognize', 'register', 'bench', 'record', 'replay', '-o', 'out.json', 'help', 'rock', 'x.jpg', 'dir/', '--json', '--pack', 'p.json', '--fps', '--frames', '--images', '--backend', 'wasm', 'cpu', 'metal', '--meaning', '--replace', '--help', '-h', '--', '-', '--no-json', '--fps=10', '0', '-1', '1e-300', '1e300', 'NaN', 'Infinity', '0.1', '240', '241', '5', '3.5', '', ' ', '\u001b[2J', 'caf\u00e9', '\u202e'];
  it('every argument vector runs a command with valid options, or exits 0 (help) or 2 with a message, never a stack trace (200 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })), { maxLength: 8 }), async (argv) => {
        let out = '';
        let ran = false;
        const commands: CliCommands = {
          recognize: async (inputs, options) => {
            ran = true;
            expect(inputs.length).toBeGreaterThan(0);
            if (options.fps !== undefined) expect(options.fps >= MIN_FPS && options.fps <= MAX_FPS).toBe(true);
            return 0;
          },
          register: async (_name, inputs, options) => {
            ran = true;
            expect(inputs.length).toBeGreaterThan(0);
            expect(typeof options.pack).toBe('string');
            return 0;
          },
          bench: async (options) => {
            ran = true;
            if (options.frames !== undefined) expect(Number.isInteger(options.frames) && options.frames > 0).toBe(true);
            return 0;
          },
          record: async (video, options) => {
            ran = true;
            expect(typeof video).toBe('string');
            expect(typeof options.output).toBe('string');
            if (options.fps !== undefined) expect(options.fps >= MIN_FPS && options.fps <= MAX_FPS).toBe(true);
            return 0;
          },
          replay: async (recordings) => {
            ran = true;
            expect(recordings.length).toBeGreaterThan(0);
            return 0;
          },
        };
        const code = await runCli(argv, commands, { writeOut: (s) => (out += s), writeErr: (s) => (out += s), outputError: (s, write) => write(s) });
        expect([0, 2]).toContain(code);
        if (code === 2) expect(out).toMatch(/error|gesture:|Usage/);
        if (!ran && code === 0) expect(out).toMatch(/Usage/);
        expect(out).not.toMatch(/\n\s+at \S+ \(/);
      }),
      runs(200),
    );
  });
});
