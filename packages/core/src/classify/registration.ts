import type { MotionReport } from '../motion/register-motion';
import type { RejectedSample } from './learn';

/** Options of one `register()` call. */
export interface RegisterOptions {
  /** What the gesture means; events and results carry it. Defaults to `null`. */
  meaning?: string | null;
  /** Allow taking a name already in use (a built-in or an earlier custom gesture). Defaults to `false`. */
  replace?: boolean;
}

/**
 * What `register()` did with the samples.
 *
 * @example
 * const report = await registry.register('rock', frames, { meaning: 'party' });
 * if (report.confusable) console.warn(`rock looks like ${report.nearest?.gesture}`);
 */
export interface RegistrationReport {
  /** The gesture name. */
  gesture: string;
  /** True when at least one sample was accepted and the gesture is now registered. */
  registered: boolean;
  /** Number of samples accepted. */
  accepted: number;
  /** Samples refused, with their index in the input and why. */
  rejected: RejectedSample[];
  /** The existing gesture most similar to the new one, with a similarity in [0, 1]; `null` when there is none. */
  nearest: { gesture: string; similarity: number } | null;
  /** True when `nearest.similarity` reaches `confusableSimilarity`: the two will be mistaken for each other. */
  confusable: boolean;
  /**
   * Leave-one-out estimate in [0, 1]: the share of accepted samples recognised by the gesture
   * learnt from the other samples, among every gesture in play; `null` with fewer than 2 samples.
   */
  leaveOneOut: number | null;
  /** Plain hints when more or more varied samples would help, e.g. "3 of 5 samples are nearly identical: …". */
  hints: string[];
  /** For a motion gesture: its acceptance threshold and the leave-one-out estimate (see docs/motion.md). */
  motion?: MotionReport | null;
}

/** A gesture the registry knows. */
export interface GestureInfo {
  name: string;
  meaning: string | null;
  /** `builtin` for the rule-based hand shapes, `custom` for shapes learnt from samples, `motion` for movements learnt from recordings. */
  kind: 'builtin' | 'custom' | 'motion';
  /** Number of samples (0 for a built-in). */
  samples: number;
}
