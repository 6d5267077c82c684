import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../fixtures';
import { OPTIMIZED_MODELS, modelJsonText, originalModel, shippedModel, type ModelFiles } from '../models/optimize-models';

// The palm detector and landmark model ship with rewritten graphs (tools/models/optimize-models.ts):
// the shipped files must be exactly the tool's output from the upstream files, and each rewritten
// model must give what the upstream one gives, on a real photo.

const load = (m: ModelFiles): Promise<GraphModel> =>
  loadGraphModel(
    tf.io.fromMemory({
      modelTopology: m.json.modelTopology as never,
      weightSpecs: m.json.weightsManifest[0]!.weights as never,
      weightData: m.bin.buffer.slice(m.bin.byteOffset, m.bin.byteOffset + m.bin.byteLength) as ArrayBuffer,
    }),
  );

/** A fixture palm photo as a float `[1, size, size, 3]` tensor in `range`. */
async function photo(file: string, size: number, range: [number, number]): Promise<tf.Tensor4D> {
  const { default: sharp } = await import('sharp');
  const { data } = await sharp(join(FIXTURES_DIR, 'palm', file)).resize(size, size, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return tf.tidy(() => tf.add(tf.mul(tf.div(tf.tensor4d(new Float32Array(data), [1, size, size, 3]), 255), range[1] - range[0]), range[0])) as tf.Tensor4D;
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('the shipped palm detector and landmark model are the rewritten upstream models', () => {
  it.each(OPTIMIZED_MODELS.map((m) => [m.name, m] as const))('%s: the shipped files are the tool output (`npm run models`)', (name, { rewrite }) => {
    const { json, bin } = rewrite(originalModel(name));
    const shipped = shippedModel(name);
    expect(readFileSync(shipped.json, 'utf8')).toBe(modelJsonText(json));
    expect(Buffer.compare(readFileSync(shipped.bin), Buffer.from(bin))).toBe(0);
  });

  it('handdetect: no transposed convolution is left, and the output on a photo is the upstream one, bit for bit', async () => {
    const upstream = originalModel('handdetect');
    const rewritten = OPTIMIZED_MODELS[0].rewrite(upstream);
    expect(upstream.json.modelTopology.node.filter((n) => n.op === 'Conv2DBackpropInput')).toHaveLength(2);
    expect(rewritten.json.modelTopology.node.filter((n) => n.op === 'Conv2DBackpropInput')).toHaveLength(0);
    const [a, b] = await Promise.all([load(upstream), load(rewritten)]);
    const input = await photo('subhih__pic00067.jpg', 256, [-1, 1]);
    const [ya, yb] = [a.execute(input) as tf.Tensor, b.execute(input) as tf.Tensor];
    expect(yb.shape).toEqual([1, 2944, 19]);
    expect((await tf.max(tf.abs(tf.sub(ya, yb))).data())[0]).toBe(0);
    tf.dispose([input, ya, yb]);
    a.dispose();
    b.dispose();
  });

  it('handlandmark-full: convolutions fused with their bias and Relu6; landmarks within 0.001 px of the upstream ones, presence and handedness within 1e-5', async () => {
    const upstream = originalModel('handlandmark-full');
    const rewritten = OPTIMIZED_MODELS[1].rewrite(upstream);
    const count = (m: ModelFiles, op: string) => m.json.modelTopology.node.filter((n) => n.op === op).length;
    expect(count(rewritten, '_FusedConv2D') + count(rewritten, 'FusedDepthwiseConv2dNative')).toBe(38);
    expect(count(rewritten, 'Relu6')).toBe(0);
    const [a, b] = await Promise.all([load(upstream), load(rewritten)]);
    // A close-up that the hand fills: the landmark model's input.
    const input = await photo('sld__5_IMG_4039.jpg', 224, [0, 1]);
    const outputs = ['Identity', 'Identity_1', 'Identity_2'];
    const [ya, yb] = [a.execute(input, outputs) as tf.Tensor[], b.execute(input, outputs) as tf.Tensor[]];
    const diff = async (i: number) => (await tf.max(tf.abs(tf.sub(ya[i]!, yb[i]!))).data())[0]!;
    expect(await diff(0)).toBeLessThan(1e-3);
    expect(await diff(1)).toBeLessThan(1e-5);
    expect(await diff(2)).toBeLessThan(1e-5);
    // The photo is a hand: the comparison is on a real answer, not on zeros.
    expect((await ya[1]!.data())[0]).toBeGreaterThan(0.5);
    tf.dispose([input, ...ya, ...yb]);
    a.dispose();
    b.dispose();
  });
});
