import type { CustomMotion } from './custom-matcher';
import { learnMotionSamples, leaveOneOut, nearestMotion, type RejectedMotionSample } from './learn-motion';
import { MotionTemplate } from './template';

/** What registering a motion gesture found, for the registry's report. */
export interface MotionRegistration {
  /** The gesture learnt, or `null` when no sample was accepted. */
  template: MotionTemplate | null;
  accepted: number;
  rejected: RejectedMotionSample[];
  nearest: { gesture: string; similarity: number } | null;
  /** The acceptance threshold (a DTW distance in palm sizes) and the leave-one-out estimate. */
  motion: MotionReport | null;
}

/**
 * How a custom motion gesture was learnt: its acceptance threshold, and how many of its samples
 * the gesture learnt from the others recognises (the leave-one-out estimate of how often it will
 * recognise a new performance; `null` with one sample).
 */
export interface MotionReport {
  threshold: number;
  leaveOneOut: { recognised: number; of: number } | null;
}

/**
 * Learns a custom motion gesture from recorded samples: their shapes, the acceptance threshold,
 * the leave-one-out estimate and the closest existing motion gesture (built-in or custom).
 *
 * @example
 * const { template, nearest } = learnMotion('circle', [recA, recB, recC], registry.customMotions());
 */
export function learnMotion(name: string, samples: readonly unknown[], customs: readonly CustomMotion[]): MotionRegistration {
  const learnt = learnMotionSamples(samples);
  if (learnt.shapes.length === 0) return { template: null, accepted: 0, rejected: learnt.rejected, nearest: null, motion: null };
  const template = new MotionTemplate(learnt.shapes);
  return {
    template,
    accepted: learnt.shapes.length,
    rejected: learnt.rejected,
    nearest: nearestMotion(name, learnt, template, customs),
    motion: { threshold: template.threshold, leaveOneOut: leaveOneOut(learnt.shapes) },
  };
}
