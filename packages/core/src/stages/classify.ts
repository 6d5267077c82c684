import { map, type OperatorFunction } from 'rxjs';
import { GestureRegistry } from '../classify/registry';
import type { GestureRegistryOptions } from '../classify/options';
import type { Recognition } from '../classify/types';
import type { Detection } from '../types';

/**
 * The classify stage: gives every hand of each detection its `gesture`, `meaning` and `score`
 * (hands keep `presence` and every other detect field). Pass the recognizer's registry so that
 * custom gestures registered later take effect at once, or options to build a private one.
 *
 * @example
 * const registry = new GestureRegistry();
 * frames$.pipe(detect(detector), classify(registry)).subscribe((r) => console.log(r.hands.map((h) => h.gesture)));
 */
export function classify(registry: GestureRegistry | GestureRegistryOptions = {}): OperatorFunction<Detection, Recognition> {
  const gestures = registry instanceof GestureRegistry ? registry : new GestureRegistry(registry);
  return map((detection) => gestures.classify(detection));
}
