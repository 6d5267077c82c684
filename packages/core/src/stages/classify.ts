import { map, type OperatorFunction } from 'rxjs';
import type { Classifier } from '../classify/classifier';
import type { GestureRegistryOptions } from '../classify/options';
import { GestureRegistry } from '../classify/registry';
import type { Recognition } from '../classify/types';
import type { Detection } from '../types';

/**
 * The classify stage: gives every hand of each detection its `gesture`, `meaning` and `score`
 * (hands keep `presence` and every other detect field). Pass the recognizer's registry
 * (`recognizer.gestures`) so that custom gestures registered later take effect at once, any other
 * `Classifier`, or registry options to build a private one.
 *
 * @example
 * frames$.pipe(pace(pipe(detect(recognizer.detector), classify(recognizer.gestures))))
 *   .subscribe((r) => 'hands' in r && console.log(r.hands.map((h) => h.gesture)));
 */
export function classify(classifier: Classifier | GestureRegistryOptions = {}): OperatorFunction<Detection, Recognition> {
  const gestures = isClassifier(classifier) ? classifier : new GestureRegistry(classifier);
  return map((detection) => gestures.classify(detection));
}

function isClassifier(value: Classifier | GestureRegistryOptions): value is Classifier {
  return typeof (value as Partial<Classifier>)?.classify === 'function';
}
