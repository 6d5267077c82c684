/** Keys that could reach an object's prototype chain; refused anywhere in a pack or a recording. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Throws the caller's named error for the JSON path `path`: what was expected, what was received. */
export type JsonFail = (path: string, expected: string, received: unknown) => never;

/**
 * Checks `value` is a plain object with exactly `keys` (all required) plus any of `optional`,
 * refusing prototype keys first.
 *
 * @example
 * const hand = checkObject(value, '$.frames[0].hands[1]', ['id', 'box'], fail);
 */
export function checkObject(value: unknown, path: string, keys: readonly string[], fail: JsonFail, optional: readonly string[] = []): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) fail(path, 'a plain object', value);
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) fail(`${path}.${key}`, 'no prototype key', key);
    if (!keys.includes(key) && !optional.includes(key)) fail(`${path}.${key}`, `only the keys ${[...keys, ...optional].join(', ')}`, `extra key ${JSON.stringify(key)}`);
  }
  for (const key of keys) if (!Object.hasOwn(value, key)) fail(`${path}.${key}`, `required key "${key}"`, undefined);
  return value as Record<string, unknown>;
}

/**
 * Checks `value` is an array of `min`–`max` items without holes (`[1, , 3]`) and returns a plain copy of it.
 *
 * @example
 * const frames = checkArray(recording.frames, '$.frames', 0, 216_000, fail);
 */
export function checkArray(value: unknown, path: string, min: number, max: number, fail: JsonFail): unknown[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) fail(path, `an array of ${min}–${max} items`, value);
  // A plain, dense copy: every index is visited (`.map` skips holes), and the copy has none of the
  // input's own properties (a `constructor` key on an array would hijack `.map` through Symbol.species).
  const items: unknown[] = [];
  for (let i = 0; i < value.length; i += 1) {
    if (!Object.hasOwn(value, i)) fail(`${path}[${i}]`, 'an item (arrays may not have holes)', 'a hole');
    items.push(value[i]);
  }
  return items;
}
