import type { RejectedSample } from './learn';
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
 * nearly identical" or "1 of 5 samples is not recognised from the others (index 3, …)". `rejected`
 * (the samples `register()` refused) makes those indices the caller's, not positions in `samples`.
 *
 * @example
 * forecastSamples('rock', accepted, ups, candidates); // { leaveOneOut: 0.8, hints: ['1 of 5 samples is not recognised from the others (index 4, read as one): …'] }
 */
export function forecastSamples(name: string, samples: readonly NormalizedLandmarks[], ups: readonly ImageUp[], candidates: MatchCandidates, rejected: readonly Pick<RejectedSample, 'index'>[] = []): SampleForecast {
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
  // The caller's index of each accepted sample: the input positions `register()` did not refuse.
  const refused = new Set(rejected.map((r) => r.index));
  const indices: number[] = [];
  for (let i = 0; indices.length < n; i++) if (!refused.has(i)) indices.push(i);
  const missed: { index: number; gesture: string }[] = [];
  for (let i = 0; i < n; i++) {
    const rest = new SampleModel(samples.filter((_, j) => j !== i), ups.filter((_, j) => j !== i));
    const custom = new Map(candidates.custom);
    custom.set(name, { meaning: null, model: rest });
    const { gesture } = matchGesture(samples[i]!, { ...candidates, custom }, ups[i]);
    if (gesture !== name) missed.push({ index: indices[i]!, gesture });
  }
  // Every sample the others miss is named, even one of five: it is either a gesture of its own or
  // a bad detection, and a single one already lets the gesture claim the hands it looks like.
  if (missed.length > 0) {
    const one = missed.length === 1;
    const others = [...new Set(missed.map((m) => m.gesture).filter((g) => g !== 'none'))];
    const which = `${one ? 'index' : 'indices'} ${missed.map((m) => m.index).join(', ')}${others.length ? `, read as ${others.join(', ')}` : ''}`;
    hints.push(`${missed.length} of ${n} samples ${one ? 'is' : 'are'} not recognised from the others (${which}): add samples like ${one ? 'it' : 'them'}, or check they all show the same gesture.`);
  }
  return { leaveOneOut: (n - missed.length) / n, hints };
}
