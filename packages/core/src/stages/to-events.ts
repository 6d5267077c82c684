import { connect, filter, merge, type Observable, type OperatorFunction } from 'rxjs';
import type { Recognition } from '../classify/types';
import type { ResolvedEventOptions } from '../event-options';
import type { GestureEvent } from '../events';
import type { ResolvedMotionOptions } from '../motion-options';
import type { CustomMotionSource } from '../motion/custom-matcher';
import { motion } from './motion';
import { debounce } from './debounce';
import type { PaceEvent } from './pace';
import { presence } from './presence';

/**
 * The last step of `events()` and of a replay: per-frame results go to `debounce()`,
 * `presence()` and `motion()`; the events `pace()` and the backend add (frame errors, dropped frames, a lost
 * WebGL context) pass through as they are. `custom` (the registry) holds the custom motion gestures.
 *
 * @example
 * detections$.pipe(classify(registry), toEvents(resolveEventOptions({ minHoldMs: 300 }), resolveMotionOptions())).subscribe(console.log);
 */
export function toEvents(options: ResolvedEventOptions, motions: ResolvedMotionOptions, custom?: CustomMotionSource): OperatorFunction<Recognition | PaceEvent, GestureEvent> {
  return connect((out: Observable<Recognition | PaceEvent>) =>
    merge(
      out.pipe(filter((o): o is PaceEvent => 'type' in o)),
      out.pipe(
        filter((o): o is Recognition => !('type' in o)),
        connect((results) => merge(results.pipe(debounce(options)), results.pipe(presence(options)), results.pipe(motion(motions, custom)))),
      ),
    ),
  );
}
