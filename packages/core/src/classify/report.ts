import { matchGesture, type ImageUp, type MatchCandidates } from './matching';
import type { NormalizedLandmarks } from './normalize';
import { vectorDistance } from './match-vector';
import { PRIOR_SPREAD, SampleModel } from './sample-model';

/**
 * Two samples closer than this (match-vector distance, a fifth of the acceptance unit) are nearly
 * identical: the second teaches the gesture almost nothing new. Set a priori.
 */
export const NEAR_IDENTICAL_DISTANCE = 0.2 * PRIOR_SPREAD;

/** What the registration report predicts from the samples themselves. */
export interface SampleForecast {
  /**
   * Leave-one-out estimate: the share of samples that the gesture learnt from the other samples
   * recognises (among every gesture in play), in [0, 1]; `null` with fewer than 2 samples.
   */
  leaveOneOut: number | null;
  /** Plain sentences on what more or more varied samples would fix; empty when nothing stands out. */
  hints: string[];
}

/**
 * Predicts how well a gesture learnt from `samples` will do: a leave-one-out estimate against the
 * gestures in play (`candidates`, without the new one) and hints such as "3 of 5 samples are
 * nearly identical".
 *
 * @example
 * forecastSamples('rock', accepted, ups, candidates); // { leaveOneOut: 0.8, hints: ['3 of 5 samples are nearly identical: …'] }
 */
export function forecastSamples(name: string, samples: readonly NormalizedLandmarks[], ups: readonly ImageUp[], candidates: MatchCandidates): SampleForecast {
  const hints: string[] = [];
  const n = samples.length;
  if (n === 1) hints.push('only 1 sample: 3–5 samples, shown at slightly different angles and distances, make the gesture more reliable.');
  const model = new SampleModel(samples, ups);
  const twins = new Set<number>();
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (vectorDistance(model.vectors[i]!, model.vectors[j]!) < NEAR_IDENTICAL_DISTANCE) twins.add(i).add(j);
    }
  }
  if (twins.size > 0) hints.push(`${twins.size} of ${n} samples are nearly identical: vary the angle, the distance or the hand a little between samples.`);
  if (n < 2) return { leaveOneOut: null, hints };
  let recognised = 0;
  const missed: string[] = [];
  for (let i = 0; i < n; i++) {
    const rest = new SampleModel(samples.filter((_, j) => j !== i), ups.filter((_, j) => j !== i));
    const custom = new Map(candidates.custom);
    custom.set(name, { meaning: null, model: rest });
    const { gesture } = matchGesture(samples[i]!, { ...candidates, custom }, ups[i]);
    if (gesture === name) recognised += 1;
    else missed.push(gesture);
  }
  const leaveOneOut = recognised / n;
  if (leaveOneOut < 0.8) {
    const others = [...new Set(missed.filter((g) => g !== 'none'))];
    hints.push(`${n - recognised} of ${n} samples are not recognised from the others${others.length ? ` (read as ${others.join(', ')})` : ''}: add samples like them, or check they all show the same gesture.`);
  }
  return { leaveOneOut, hints };
}
