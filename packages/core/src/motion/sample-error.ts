import { GestureError } from '../errors';

/** Why a motion sample cannot be learnt from. */
export type MotionSampleProblem = 'invalid' | 'no-hand' | 'too-short' | 'no-motion';

/**
 * A motion sample (a recording or timed landmark frames) that cannot be learnt from:
 * `details.reason` says why (`invalid`: not a recording or frames of the documented shape;
 * `no-hand`: no frame holds a hand; `too-short`: fewer than 5 frames with a hand, or under 0.2 s;
 * `no-motion`: the hand barely moves).
 *
 * @example
 * try { motionTrack(sample); }
 * catch (e) { if (e instanceof MotionSampleError) console.log(e.details.reason); }
 */
export class MotionSampleError extends GestureError {
  constructor(message: string, details: { reason: MotionSampleProblem }) {
    super('motion-sample', message, details);
  }
}
