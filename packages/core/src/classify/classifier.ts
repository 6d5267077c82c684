import type { Detection } from '../types';
import type { Recognition } from './types';

/**
 * What the `classify()` stage needs: something that gives every hand of a detection its gesture,
 * meaning and score. `GestureRegistry` is the one the SDK ships; tests and apps may pass their own.
 *
 * @example
 * const upsideDown: Classifier = { classify: (d) => registry.classify({ ...d, hands: d.hands.map(flip) }) };
 * frames$.pipe(pace(pipe(detect(detector), classify(upsideDown))));
 */
export interface Classifier {
  classify(detection: Detection): Recognition;
}
