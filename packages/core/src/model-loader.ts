import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { InvalidOptionsError, ModelLoadError } from './errors';
import { isResolved, markResolved, requireObject } from './option-checks';
import { currentDirectoryUrl, packagedModelsUrl, readFileFunction } from './runtime-node';

/** The models the pipeline loads. */
export type ModelName = 'handDetector' | 'handLandmarks' | 'faceDetector';

/** The file each model is read from, relative to `modelBaseUrl`. */
export const MODEL_FILES: Readonly<Record<ModelName, string>> = {
  handDetector: 'handdetect.json',
  handLandmarks: 'handlandmark-full.json',
  faceDetector: 'blazeface-front.json',
};

/** Where the models come from. */
export interface ModelOptions {
  /**
   * Folder (URL) that holds the model files. In Node a `file:` URL or a path is read from disk;
   * in the browser any URL your app serves the `@gesture/core/models/` folder at.
   * Defaults to the `models/` folder shipped inside `@gesture/core` in Node, and to `/models/` on
   * the page's origin in a browser (where `gestureAssets()` from `@gesture/core/vite` serves it).
   */
  modelBaseUrl?: string | URL;
  /** A TF.js `IOHandler` per model, overriding `modelBaseUrl` for that model. Defaults to `{}`. */
  modelHandlers?: Partial<Record<ModelName, tf.io.IOHandler>>;
}

/**
 * Validates the model options (other fields are ignored) and keeps those given. Throws
 * `InvalidOptionsError` for a `modelBaseUrl` that is not a string or URL, or `modelHandlers` that
 * are not IOHandlers of known models.
 *
 * @example
 * resolveModelOptions({ modelBaseUrl: '/static/models/' });
 */
export function resolveModelOptions(options: ModelOptions = {}): Readonly<ModelOptions> {
  if (isResolved('models', options)) return options;
  requireObject(options);
  const { modelBaseUrl, modelHandlers } = options;
  if (modelBaseUrl !== undefined && typeof modelBaseUrl !== 'string' && typeof (modelBaseUrl as { href?: unknown } | null)?.href !== 'string') {
    throw new InvalidOptionsError('Option modelBaseUrl must be a string or a URL.', { option: 'modelBaseUrl', expected: 'string | URL', received: typeof modelBaseUrl });
  }
  if (modelHandlers !== undefined) {
    const bad = typeof modelHandlers !== 'object' || modelHandlers === null ? '' : Object.entries(modelHandlers).find(([name, h]) => !Object.hasOwn(MODEL_FILES, name) || typeof h?.load !== 'function')?.[0];
    if (bad !== undefined) {
      throw new InvalidOptionsError(`Option modelHandlers${bad ? `.${bad}` : ''} must map ${Object.keys(MODEL_FILES).join(' | ')} to a TF.js IOHandler.`, { option: `modelHandlers${bad ? `.${bad}` : ''}`, expected: 'an IOHandler with load()', received: typeof modelHandlers });
    }
  }
  return markResolved('models', { ...(modelBaseUrl === undefined ? {} : { modelBaseUrl }), ...(modelHandlers === undefined ? {} : { modelHandlers }) });
}

/** Where a browser app serves the models by default: `/models/` on the page's origin, as `gestureAssets()` from `@gesture/core/vite` does. */
export const DEFAULT_BROWSER_MODEL_BASE_URL = '/models/';

/**
 * The default model folder: in Node, the `models/` folder inside this package (a `file:` URL);
 * in a browser, {@link DEFAULT_BROWSER_MODEL_BASE_URL} on the page's origin (bundlers move this
 * module, so a path relative to it would not point at the models).
 */
export function defaultModelBaseUrl(): URL {
  if (typeof location !== 'undefined' && /^https?:$/.test(location.protocol)) return new URL(DEFAULT_BROWSER_MODEL_BASE_URL, location.href);
  return packagedModelsUrl() ?? new URL(DEFAULT_BROWSER_MODEL_BASE_URL, currentDirectoryUrl());
}

const BYTES_PER_DTYPE: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

function expectedWeightBytes(specs: tf.io.WeightsManifestEntry[]): number {
  return specs.reduce((sum, spec) => {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const dtype = spec.quantization?.dtype ?? spec.dtype;
    return sum + count * (BYTES_PER_DTYPE[dtype] ?? 4);
  }, 0);
}

/** An IOHandler that reads a graph model and its weight files from disk (Node). */
export function fileModelHandler(modelUrl: URL, model: string): tf.io.IOHandler {
  return {
    async load() {
      const readFile = await readFileFunction();
      const read = async (url: URL) => {
        try {
          return await readFile(url);
        } catch (cause) {
          throw new ModelLoadError(`Cannot read model file ${url.pathname} for ${model}: ${(cause as Error).message}`, { file: url.pathname, model }, { cause });
        }
      };
      let json: tf.io.ModelJSON;
      try {
        json = JSON.parse(new TextDecoder().decode(await read(modelUrl))) as tf.io.ModelJSON;
      } catch (cause) {
        if (cause instanceof ModelLoadError) throw cause;
        throw new ModelLoadError(`Model file ${modelUrl.pathname} for ${model} is not valid JSON.`, { file: modelUrl.pathname, model }, { cause });
      }
      if (!json || typeof json !== 'object' || !json.modelTopology || !Array.isArray(json.weightsManifest)) {
        throw new ModelLoadError(`Model file ${modelUrl.pathname} for ${model} is not a TF.js graph model (no modelTopology/weightsManifest).`, { file: modelUrl.pathname, model });
      }
      const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
      const buffers: Uint8Array[] = [];
      for (const group of json.weightsManifest) {
        for (const path of group.paths) buffers.push(await read(new URL(path, modelUrl)));
      }
      const total = buffers.reduce((n, b) => n + b.byteLength, 0);
      const expected = expectedWeightBytes(weightSpecs);
      if (total !== expected) {
        const file = new URL(json.weightsManifest[0]?.paths[0] ?? '', modelUrl).pathname;
        throw new ModelLoadError(`Weights of ${model} are corrupt: ${file} holds ${total} bytes, the model needs ${expected}.`, { file, model });
      }
      const weightData = new Uint8Array(total);
      let offset = 0;
      for (const b of buffers) {
        weightData.set(b, offset);
        offset += b.byteLength;
      }
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs,
        weightData: weightData.buffer,
      } as tf.io.ModelArtifacts;
    },
  };
}

function toUrl(base: string | URL): URL {
  if (base instanceof URL) return base;
  if (/^[a-z][a-z0-9+.-]*:/i.test(base) && !/^[a-z]:[\\/]/i.test(base)) return new URL(base.endsWith('/') ? base : `${base}/`);
  // A plain path: resolve against the page in a browser, or the file system in Node.
  const withSlash = base.endsWith('/') || base.endsWith('\\') ? base : `${base}/`;
  if (typeof location !== 'undefined' && location.href) return new URL(withSlash, location.href);
  return new URL(withSlash.replace(/\\/g, '/'), currentDirectoryUrl());
}

/**
 * Loads one of the pipeline's graph models. A missing, unreadable or corrupt file raises
 * `ModelLoadError` naming the file.
 */
export async function loadModel(name: ModelName, options: ModelOptions): Promise<GraphModel> {
  const handler = options.modelHandlers?.[name];
  const url = new URL(MODEL_FILES[name], toUrl(options.modelBaseUrl ?? defaultModelBaseUrl()));
  const file = url.protocol === 'file:' ? url.pathname : url.href;
  try {
    if (handler) return await loadGraphModel(handler);
    if (url.protocol === 'file:') return await loadGraphModel(fileModelHandler(url, name));
    return await loadGraphModel(url.href);
  } catch (cause) {
    if (cause instanceof ModelLoadError) throw cause;
    throw new ModelLoadError(`Cannot load the ${name} model from ${handler ? 'its IOHandler' : file}: ${(cause as Error)?.message ?? cause}`, { file: handler ? `IOHandler(${name})` : file, model: name }, { cause });
  }
}
