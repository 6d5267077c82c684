import { describeValue, InvalidOptionsError } from './errors';

/** One option's test: true when the value is acceptable. */
export type Check = (value: unknown) => boolean;

export const fraction: Check = (v) => typeof v === 'number' && v >= 0 && v <= 1;
export const positiveInt: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
export const bool: Check = (v) => typeof v === 'boolean';
export const milliseconds: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
export const positiveMilliseconds: Check = (v) => milliseconds(v) && (v as number) > 0;

/** Throws `InvalidOptionsError` unless `options` is an object (the first thing every resolver checks). */
export function requireObject(options: unknown): asserts options is object {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionsError(`Options must be an object, got ${options === null ? 'null' : typeof options}.`, { option: '', expected: 'object', received: describeValue(options) });
  }
}

/** Runs each `[check, expected]` on the field of the same name; throws `InvalidOptionsError` naming the first bad one. */
export function validate(resolved: object, checks: Record<string, readonly [Check, string]>): void {
  for (const [key, [check, expected]] of Object.entries(checks)) {
    const value = (resolved as Record<string, unknown>)[key];
    if (!check(value)) {
      throw new InvalidOptionsError(`Option ${key} must be ${expected}, got ${describeValue(value)}.`, { option: key, expected, received: describeValue(value) });
    }
  }
}

/** A copy of `value` without its `undefined` fields (so they take the default). */
export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The fields of `from` named in `keys` (missing ones `undefined`). */
export function pick<K extends string>(from: object, keys: readonly K[]): Partial<Record<K, unknown>> {
  return Object.fromEntries(keys.map((key) => [key, (from as Record<string, unknown>)[key]])) as Partial<Record<K, unknown>>;
}

const resolvedObjects = new WeakMap<object, string>();

/**
 * Freezes an options section a resolver has filled in and validated, and remembers it under
 * `kind` (`'events'`, `'detector'`, …), so a stage or factory handed it (by `resolveOptions()`,
 * once, at the entry point) uses it as it is instead of validating it again.
 */
export function markResolved<T extends object>(kind: string, options: T): Readonly<T> {
  resolvedObjects.set(Object.freeze(options), kind);
  return options;
}

/** True for an object `markResolved(kind, …)` returned. */
export function isResolved(kind: string, options: unknown): boolean {
  return typeof options === 'object' && options !== null && resolvedObjects.get(options) === kind;
}
