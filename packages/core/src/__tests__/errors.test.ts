import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidFrameError, InvalidOptionsError, ModelLoadError, DisposedError } from '../errors';
import { MODEL_FILES } from '../model-loader';
import { createGestureRecognizer, type GestureRecognizer } from '../recognizer';
import type { Frame } from '../types';
import { decodeFixture, fixtureFiles } from './helpers/fixtures';

const MODELS_DIR = fileURLToPath(new URL('../../models/', import.meta.url));

let recognizer: GestureRecognizer;
beforeAll(async () => {
  recognizer = await createGestureRecognizer({ backend: 'wasm' });
});
afterAll(() => recognizer?.dispose());

describe('bad frames give InvalidFrameError and leak nothing', () => {
  const rgba = (w: number, h: number) => new Uint8Array(w * h * 4);
  const cases: [string, () => Frame][] = [
    ['a string', () => 'frame.jpg' as unknown as Frame],
    ['null', () => null as unknown as Frame],
    ['an empty object', () => ({}) as unknown as Frame],
    ['zero width', () => ({ data: new Uint8Array(0), width: 0, height: 10 })],
    ['negative height', () => ({ data: rgba(4, 4), width: 4, height: -4 })],
    ['fractional width', () => ({ data: rgba(4, 4), width: 3.5, height: 4 })],
    ['data shorter than width × height × 4', () => ({ data: rgba(4, 4), width: 8, height: 8 })],
    ['data of an RGB size declared RGBA', () => ({ data: new Uint8Array(4 * 4 * 3), width: 4, height: 4 })],
    ['Float32Array data full of NaN', () => ({ data: new Float32Array(16).fill(NaN) as unknown as Uint8Array, width: 2, height: 2 })],
    ['a plain array', () => ({ data: [1, 2, 3] as unknown as Uint8Array, width: 1, height: 1, channels: 3 })],
    ['channels 2', () => ({ data: rgba(2, 2), width: 2, height: 2, channels: 2 as 3 })],
    ['a NaN-filled float tensor', () => tf.fill([4, 4, 3], NaN) as tf.Tensor3D],
    ['an infinite float tensor', () => tf.fill([4, 4, 3], Infinity) as tf.Tensor3D],
    ['a 2-D tensor', () => tf.zeros([4, 4]) as unknown as tf.Tensor3D],
    ['a tensor with 5 channels', () => tf.zeros([4, 4, 5]) as tf.Tensor3D],
    ['an empty tensor', () => tf.zeros([0, 4, 3]) as tf.Tensor3D],
    ['a bool tensor', () => tf.zeros([4, 4, 3], 'bool') as tf.Tensor3D],
  ];
  it.each(cases)('%s', async (_name, make) => {
    const frame = make();
    const before = tf.memory().numTensors;
    const error = await recognizer.recognize(frame).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFrameError);
    expect((error as InvalidFrameError).code).toBe('invalid-frame');
    expect((error as InvalidFrameError).details).toHaveProperty('expected');
    expect((error as InvalidFrameError).details).toHaveProperty('received');
    expect(tf.memory().numTensors).toBe(before);
    if (frame instanceof tf.Tensor) frame.dispose();
  });

  it('a disposed tensor', async () => {
    const t = tf.zeros([4, 4, 3]) as tf.Tensor3D;
    t.dispose();
    await expect(recognizer.recognize(t)).rejects.toBeInstanceOf(InvalidFrameError);
  });

  it('good frames still work after bad ones', async () => {
    await recognizer.recognize({ data: new Uint8Array(3), width: 9, height: 9 }).catch(() => undefined);
    const result = await recognizer.recognize(await decodeFixture(fixtureFiles('palm')[0]!));
    expect(result.hands.length).toBe(1);
  });

  it('accepts an RGB tensor and RGB bytes the same as RGBA bytes', async () => {
    const photo = await decodeFixture(fixtureFiles('fist')[0]!);
    const rgb = new Uint8Array(photo.width * photo.height * 3);
    for (let i = 0, j = 0; i < photo.data.length; i += 4, j += 3) rgb.set(photo.data.subarray(i, i + 3), j);
    const fromRgba = await recognizer.recognize(photo);
    const fromRgb = await recognizer.recognize({ data: rgb, width: photo.width, height: photo.height, channels: 3 });
    const tensor = tf.tensor3d(rgb, [photo.height, photo.width, 3], 'int32');
    const fromTensor = await recognizer.recognize(tensor);
    tensor.dispose();
    expect(fromRgb.hands[0]!.landmarks).toEqual(fromRgba.hands[0]!.landmarks);
    expect(fromTensor.hands[0]!.landmarks).toEqual(fromRgba.hands[0]!.landmarks);
  });
});

describe('models', () => {
  function modelDir(mutate?: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'gesture-models-'));
    for (const json of Object.values(MODEL_FILES)) {
      copyFileSync(join(MODELS_DIR, json), join(dir, json));
      copyFileSync(join(MODELS_DIR, json.replace('.json', '.bin')), join(dir, json.replace('.json', '.bin')));
    }
    mutate?.(dir);
    return dir;
  }

  it('a missing model file raises ModelLoadError naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gesture-empty-'));
    const error = await createGestureRecognizer({ backend: 'wasm', modelBaseUrl: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).details.file).toMatch(/\.json$/);
    expect((error as ModelLoadError).message).toContain(dir);
  });

  it('a truncated weights file raises ModelLoadError naming the .bin file', async () => {
    const dir = modelDir((d) => {
      const bin = join(d, 'handlandmark-full.bin');
      writeFileSync(bin, readFileSync(bin).subarray(0, 1000));
    });
    const before = tf.memory().numTensors;
    const error = await createGestureRecognizer({ backend: 'wasm', modelBaseUrl: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).details.file).toBe(join(dir, 'handlandmark-full.bin'));
    // The models that did load were released again.
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a model.json that is not JSON raises ModelLoadError', async () => {
    const dir = modelDir((d) => writeFileSync(join(d, 'blazeface-front.json'), '{"modelTopology": '));
    const error = await createGestureRecognizer({ backend: 'wasm', modelBaseUrl: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).details.file).toBe(join(dir, 'blazeface-front.json'));
  });

  it('loads from a copied folder given as modelBaseUrl', async () => {
    const local = await createGestureRecognizer({ backend: 'wasm', modelBaseUrl: modelDir() });
    const result = await local.recognize(await decodeFixture(fixtureFiles('peace')[0]!));
    expect(result.hands).toHaveLength(1);
    local.dispose();
  });
});

describe('options and lifecycle', () => {
  it.each([
    [{ maxHands: 0 }, 'maxHands'],
    [{ maxHands: 2.5 }, 'maxHands'],
    [{ minPresence: 1.5 }, 'minPresence'],
    [{ minDetectorScore: Number.NaN }, 'minDetectorScore'],
    [{ backend: 'metal' }, 'backend'],
    [{ mirror: 'yes' }, 'mirror'],
    [{ redetectEvery: 0 }, 'redetectEvery'],
    [{ refinePasses: -1 }, 'refinePasses'],
    [{ refinePasses: 1.5 }, 'refinePasses'],
    [{ retryOnMiss: 'yes' }, 'retryOnMiss'],
    [{ stillFalsePalmMs: -1 }, 'stillFalsePalmMs'],
  ])('%o raises InvalidOptionsError naming %s', async (options, name) => {
    const error = await createGestureRecognizer(options as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect((error as InvalidOptionsError).details.option).toBe(name);
  });

  it('dispose() releases every tensor, and later calls throw DisposedError', async () => {
    const before = tf.memory().numTensors;
    const local = await createGestureRecognizer({ backend: 'wasm' });
    await local.recognize(await decodeFixture(fixtureFiles('ok')[0]!));
    local.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(local.recognize({ data: new Uint8Array(4), width: 1, height: 1 })).rejects.toBeInstanceOf(DisposedError);
    local.dispose();
  });
});
