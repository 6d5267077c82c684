import { createGestureRecognizer, type GestureRecognizer, type RecognizerOptions } from '@gesture/core';

/**
 * `createGestureRecognizer()` with Node defaults: the WASM-SIMD backend (CPU if WASM cannot
 * start) and the models shipped inside `@gesture/core`, read from disk.
 *
 * @example
 * import { createNodeRecognizer, loadImage } from '@gesture/node';
 * const recognizer = await createNodeRecognizer();
 * console.log((await recognizer.recognize(await loadImage('hand.jpg'))).hands);
 */
export function createNodeRecognizer(options: RecognizerOptions = {}): Promise<GestureRecognizer> {
  return createGestureRecognizer({ backend: 'wasm', ...options });
}
