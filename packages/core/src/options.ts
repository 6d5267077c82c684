import type { BackendOptions } from './backend';
import { DEFAULT_HAND_DETECTOR_OPTIONS, type HandDetectorOptions } from './detect/hand-detector';
import { InvalidOptionsError } from './errors';
import type { ModelOptions } from './model-loader';

/** Everything `createGestureRecognizer()` accepts. */
export interface RecognizerOptions extends BackendOptions, ModelOptions, HandDetectorOptions {}

/** The recognizer's options with every default filled in. */
export type ResolvedRecognizerOptions = Required<HandDetectorOptions> & Required<Pick<BackendOptions, 'backend'>> & Omit<BackendOptions, 'backend'> & ModelOptions;

type Check = (value: unknown) => boolean;
const fraction: Check = (v) => typeof v === 'number' && v >= 0 && v <= 1;
const positiveInt: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const bool: Check = (v) => typeof v === 'boolean';

const CHECKS: Record<keyof Required<HandDetectorOptions> | 'backend', [Check, string]> = {
  maxHands: [(v) => positiveInt(v) && (v as number) <= 8, 'an integer in 1..8'],
  minDetectorScore: [fraction, 'a number in [0, 1]'],
  minPresence: [fraction, 'a number in [0, 1]'],
  minTrackingPresence: [fraction, 'a number in [0, 1]'],
  minFullFramePresence: [fraction, 'a number in [0, 1]'],
  redetectEvery: [positiveInt, 'an integer ≥ 1'],
  faces: [bool, 'a boolean'],
  minFaceScore: [fraction, 'a number in [0, 1]'],
  mirror: [bool, 'a boolean'],
  backend: [(v) => v === 'auto' || v === 'webgl' || v === 'wasm' || v === 'cpu', "'auto' | 'webgl' | 'wasm' | 'cpu'"],
};

/**
 * Copies `options`, fills in every default and validates each field. Throws
 * `InvalidOptionsError` naming the first bad option.
 */
export function resolveOptions(options: RecognizerOptions = {}): ResolvedRecognizerOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionsError(`Options must be an object, got ${options === null ? 'null' : typeof options}.`, { option: '', expected: 'object', received: String(options) });
  }
  const resolved = { ...DEFAULT_HAND_DETECTOR_OPTIONS, backend: 'auto', ...stripUndefined(options) } as ResolvedRecognizerOptions;
  for (const [key, [check, expected]] of Object.entries(CHECKS)) {
    const value = (resolved as unknown as Record<string, unknown>)[key];
    if (!check(value)) {
      throw new InvalidOptionsError(`Option ${key} must be ${expected}, got ${JSON.stringify(value)}.`, { option: key, expected, received: JSON.stringify(value) ?? String(value) });
    }
  }
  if (resolved.wasmPath !== undefined && typeof resolved.wasmPath !== 'string') {
    throw new InvalidOptionsError('Option wasmPath must be a string.', { option: 'wasmPath', expected: 'string', received: typeof resolved.wasmPath });
  }
  return resolved;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
