import { from } from 'rxjs';
import type { GestureRegistry } from '../../classify/registry';
import type { MotionEvent } from '../../events';
import { decodeFrame, type GestureRecording } from '../../recording/format';
import { motion, type MotionFrame } from '../../stages/motion';

/** The motion stage's events (default options) over a recording's detections, with the registry's custom motions. */
export function motionEventsOf(recording: GestureRecording, registry: GestureRegistry): MotionEvent[] {
  const frames: MotionFrame[] = recording.frames.map((f) => decodeFrame(f, recording.width, recording.height));
  const events: MotionEvent[] = [];
  from(frames).pipe(motion({}, registry)).subscribe((e) => events.push(e));
  return events;
}
