import { from } from 'rxjs';
import { motion, type MotionFrame } from '../stages/motion';
import type { Box } from '../types';
import { MotionSampleError, type MotionSampleProblem } from './sample-error';
import { motionShape, type MotionShape } from './shape';
import { acceptanceThreshold, MotionTemplate } from './template';
import type { CustomMotion } from './custom-matcher';
import { motionTrack, type TrackPoint } from './track';

/** A motion sample refused by {@link learnMotionSamples}: its index in the input, why, and a sentence saying so. */
export interface RejectedMotionSample {
  index: number;
  reason: MotionSampleProblem;
  message: string;
}

/** The samples' movements, and the tracks they came from (to compare with the built-in motions). */
export interface LearntMotion {
  shapes: MotionShape[];
  tracks: TrackPoint[][];
  rejected: RejectedMotionSample[];
}

/**
 * Turns motion samples into movement shapes. A sample with no hand, too short, or of the wrong
 * shape is rejected with its index and reason (see `MotionSampleError`), as is one in which the
 * hand moves less than one palm size (`no-motion`).
 *
 * @example
 * const { shapes, rejected } = learnMotionSamples([recordingA, recordingB, framesC]);
 */
export function learnMotionSamples(samples: readonly unknown[]): LearntMotion {
  const learnt: LearntMotion = { shapes: [], tracks: [], rejected: [] };
  for (const [index, sample] of samples.entries()) {
    try {
      const track = motionTrack(sample);
      const shape = motionShape(track);
      if (!shape) throw new MotionSampleError('The hand barely moves in this sample (less than one palm size along its path).', { reason: 'no-motion' });
      learnt.shapes.push({ duration: shape.duration, points: shape.points });
      learnt.tracks.push(track);
    } catch (error) {
      if (!(error instanceof MotionSampleError)) throw error;
      learnt.rejected.push({ index, reason: error.details.reason as MotionSampleProblem, message: error.message });
    }
  }
  return learnt;
}

/**
 * The leave-one-out estimate: for each sample, whether the gesture learnt from the others would
 * recognise it. With 3 recordings, `{ recognised: 3, of: 3 }` says each is within what the other
 * two allow; `null` for a single sample.
 *
 * @example
 * leaveOneOut(shapes); // { recognised: 3, of: 3 }
 */
export function leaveOneOut(shapes: readonly MotionShape[]): { recognised: number; of: number } | null {
  if (shapes.length < 2) return null;
  let recognised = 0;
  shapes.forEach((shape, i) => {
    const others = new MotionTemplate(shapes.filter((_, j) => j !== i), acceptanceThreshold(shapes.filter((_, j) => j !== i)));
    if (others.distance(shape) <= others.threshold) recognised++;
  });
  return { recognised, of: shapes.length };
}

/**
 * The existing motion gesture closest to a new one, with a similarity in [0, 1]: for a built-in
 * motion (wave, swipes), the share of the new samples on which the motion stage reports it; for a
 * custom motion, the larger share of either gesture's samples that the other one accepts. `null`
 * when none is at all similar.
 *
 * @example
 * nearestMotion('circle', learnt, template, customs); // { gesture: 'wave', similarity: 0.33 }
 */
export function nearestMotion(name: string, learnt: LearntMotion, template: MotionTemplate, customs: readonly CustomMotion[]): { gesture: string; similarity: number } | null {
  const scores = new Map<string, number>();
  const add = (gesture: string, share: number) => scores.set(gesture, Math.max(scores.get(gesture) ?? 0, share));
  // Custom motions first: on a tie they are the closer (both are shapes learnt from samples).
  for (const other of customs) {
    if (other.name === name) continue;
    const theirs = learnt.shapes.filter((s) => other.template.distance(s) <= other.template.threshold).length / learnt.shapes.length;
    const mine = other.template.samples.filter((s) => template.distance(s) <= template.threshold).length / Math.max(1, other.template.samples.length);
    add(other.name, Math.max(theirs, mine));
  }
  const builtins = new Map<string, number>();
  for (const track of learnt.tracks) for (const gesture of new Set(builtinMotionsIn(track))) builtins.set(gesture, (builtins.get(gesture) ?? 0) + 1);
  for (const [gesture, count] of builtins) add(gesture, count / learnt.tracks.length);
  let nearest: { gesture: string; similarity: number } | null = null;
  for (const [gesture, similarity] of scores) if (similarity > 0 && (!nearest || similarity > nearest.similarity)) nearest = { gesture, similarity };
  return nearest;
}

/**
 * The built-in motions the motion stage (default options) reports on a sample's track. The frame is
 * taken as 10 palm sizes wide and 7.5 high (a webcam's view of a raised hand) centred on the
 * movement, since plain landmark samples carry no frame size.
 */
function builtinMotionsIn(track: readonly TrackPoint[]): string[] {
  const palm = [...track.map((p) => p.palm)].sort((a, b) => a - b)[Math.floor(track.length / 2)]!;
  const xs = track.flatMap((p) => p.landmarks.map((l) => l[0]));
  const ys = track.flatMap((p) => p.landmarks.map((l) => l[1]));
  const width = Math.max(10 * palm, (Math.max(...xs) - Math.min(...xs)) * 1.5);
  const height = Math.max(7.5 * palm, (Math.max(...ys) - Math.min(...ys)) * 1.5);
  const x0 = (Math.max(...xs) + Math.min(...xs)) / 2 - width / 2;
  const y0 = (Math.max(...ys) + Math.min(...ys)) / 2 - height / 2;
  const frames: MotionFrame[] = track.map((p) => {
    const landmarks = p.landmarks.map(([x, y, z]) => [x - x0, y - y0, z] as [number, number, number]);
    const lx = landmarks.map((l) => l[0]);
    const ly = landmarks.map((l) => l[1]);
    const box: Box = [Math.min(...lx), Math.min(...ly), Math.max(...lx) - Math.min(...lx), Math.max(...ly) - Math.min(...ly)];
    return { hands: [{ id: 1, handedness: 'right', box, landmarks }], width, height, timestamp: p.t };
  });
  const found: string[] = [];
  from(frames).pipe(motion()).subscribe((event) => found.push(event.gesture));
  return found;
}
