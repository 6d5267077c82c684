import type { Detection } from '../types';
import type { Recognition } from './types';

/**
 * What the `classify()` stage needs: something that gives every hand of a detection its
 * `gesture`, `meaning` and `score`. `GestureRegistry` is one; a test or an app may bring its own.
 *
 * @example
 * const classifier: Classifier = new GestureRegistry();
 * classifier.classify(await detector.detect(frame)).hands[0]?.gesture; // 'palm'
 */
export interface Classifier {
  /** Classifies every hand of one detection; hands keep all their detect fields, and `score` becomes the gesture score. */
  classify(detection: Detection): Recognition;
}
