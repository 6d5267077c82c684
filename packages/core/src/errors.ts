import { escapeUnprintable } from './printable';

/**
 * Every error the SDK throws or emits is a `GestureError` with a stable
 * `code`, so callers can branch on `error.code` without parsing messages.
 */
export class GestureError extends Error {
  /** Stable machine-readable code, e.g. `invalid-frame`. */
  readonly code: string;
  /** Structured details: what was expected and what was received. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/**
 * A frame that cannot be processed: wrong type, zero or mismatched size,
 * non-finite values. `details.expected` and `details.received` say why.
 *
 * @example
 * try { await recognizer.recognize({ data: new Uint8Array(3), width: 2, height: 2 }); }
 * catch (e) { if (e instanceof InvalidFrameError) console.log(e.details); }
 */
export class InvalidFrameError extends GestureError {
  constructor(message: string, details: { expected: string; received: string }) {
    super('invalid-frame', message, details);
  }
}

/** A model file that is missing, unreadable or corrupt. `details.file` names it. */
export class ModelLoadError extends GestureError {
  constructor(message: string, details: { file: string; model: string }, options?: { cause?: unknown }) {
    super('model-load', message, details, options);
  }
}

/** A TensorFlow.js backend that could not be started. */
export class BackendError extends GestureError {
  constructor(message: string, details: { backend: string; tried?: string[]; path?: string }, options?: { cause?: unknown }) {
    super('backend', message, details, options);
  }
}

/** A gesture pack that failed validation; `details.path` is the JSON path of the first problem. */
export class GesturePackError extends GestureError {
  constructor(message: string, details: { path: string }) {
    super('gesture-pack', message, details);
  }
}

/**
 * A recording that failed validation (`fromRecording()`, `validateRecording()`), or a recorder
 * that is full; `details.path` is the JSON path of the first problem, e.g. `$.frames[12].hands[0].box[2]`.
 *
 * @example
 * try { fromRecording(JSON.parse(text)); }
 * catch (e) { if (e instanceof RecordingError) console.error(e.details.path); }
 */
export class RecordingError extends GestureError {
  constructor(message: string, details: { path: string }) {
    super('recording', message, details);
  }
}

/** A call on a recognizer (or observer) after `dispose()`/`destroy()`. */
export class DisposedError extends GestureError {
  constructor(what: string) {
    super('disposed', `${what} was used after dispose(); create a new one instead.`, { what });
  }
}

/** Options that fail validation in `resolveOptions()`. */
export class InvalidOptionsError extends GestureError {
  constructor(message: string, details: { option: string; expected: string; received: string }) {
    super('invalid-options', message, details);
  }
}

/**
 * Any value as a short string for an error message, never throwing (a BigInt, a null-prototype
 * object, a cycle) and never carrying an unprintable character. An array is described by its
 * length, so a huge hostile one is never serialised.
 *
 * @example
 * describeValue(10n); // '10n'
 * describeValue([1, 2]); // 'an array of length 2'
 */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || typeof value === 'undefined' || typeof value === 'boolean') return String(value);
  if (typeof value === 'symbol' || typeof value === 'function') return typeof value;
  try {
    const text = JSON.stringify(value) ?? typeof value;
    return escapeUnprintable(text.length > 80 ? `${text.slice(0, 80)}…` : text);
  } catch {
    return typeof value;
  }
}

/** The message of anything thrown: an `Error`'s, an object's `message` field, or the value as a string. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

/** Anything thrown as an `Error` (an `Error` passes through unchanged). */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
