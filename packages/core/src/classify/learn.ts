import { DisposedError, errorMessage } from '../errors';
import type { DetectedHand, Detection, Frame, HandLandmarks } from '../types';
import { scoreGestures, type ImageUp, type MatchCandidates } from './matching';
import { imageUp, isHandLandmarks, normalizeLandmarks, type NormalizedLandmarks } from './normalize';
import { matchVector, vectorDistance } from './match-vector';
import type { DetectFunction } from './options';
import { PRIOR_SPREAD, type SampleModel } from './sample-model';
import type { HandSample } from './types';

/** One sample for `register()`: 21 landmarks, a hand with landmarks (e.g. a `DetectedHand`), or a frame to run detect on. */
export type RegistrationSample = HandLandmarks | HandSample | (HandSample & Pick<DetectedHand, 'presence'>) | Frame;

/** Why `register()` refused a sample (`too-short` and `no-motion` only for motion samples). */
export type RejectionReason = 'no-hand' | 'multiple-hands' | 'low-confidence' | 'invalid' | 'too-short' | 'no-motion';

/** A sample refused by {@link learnSamples}: its index in the input, why, and a sentence saying so. */
export interface RejectedSample {
  index: number;
  reason: RejectionReason;
  message: string;
}

/** What {@link learnSamples} needs from the registry's options. */
export interface LearnOptions {
  /** Detects hands in frame samples; without it a frame is rejected as `invalid`. */
  detect: DetectFunction | undefined;
  /** A detected hand whose `presence` is below this is rejected as `low-confidence`. */
  minSamplePresence: number;
}

const INVALID_LANDMARKS = 'expected 21 finite [x, y, z] landmarks';

/**
 * Turns registration samples into normalised hands: landmarks are normalised as they are, a hand
 * must reach `minSamplePresence`, and a frame goes through `detect` and must hold exactly one hand.
 * Every other sample is rejected with its index and reason; the accepted hands keep the input order.
 * A `DisposedError` from `detect` (the recognizer was disposed) rejects the whole call at once.
 *
 * @example
 * const { accepted, rejected } = await learnSamples([landmarks, frame], { detect, minSamplePresence: 0.5 });
 * rejected; // [{ index: 1, reason: 'no-hand', message: 'no hand found in the frame' }]
 */
export async function learnSamples(samples: readonly RegistrationSample[], options: LearnOptions): Promise<{ accepted: NormalizedLandmarks[]; ups: ImageUp[]; rejected: RejectedSample[] }> {
  const readings: Normalized[][] = [];
  const rejected: RejectedSample[] = [];
  for (const [index, sample] of samples.entries()) {
    const result = await normalizeSample(sample, options);
    if ('reason' in result) rejected.push({ index, ...result });
    else readings.push([result, ...(result.mirrored ? [result.mirrored] : [])]);
  }
  const chosen = agreeingReadings(readings);
  return { accepted: chosen.map((r) => r.hand), ups: chosen.map((r) => r.up), rejected };
}

type Normalized = { hand: NormalizedLandmarks; up: ImageUp; mirrored?: Normalized };

/**
 * Of each sample's readings (as detected, then mirrored when there is one), the one that agrees
 * best with the other samples: the least summed match-vector distance to the nearest reading of
 * each other sample. A landmark model that misreads a finger in one reading often reads it right
 * in the other, and a misread sample lets the gesture claim the shapes it looks like (a `three`
 * with its folded pinky read half up took `four` hands). One sample keeps its first reading.
 *
 * @example
 * agreeingReadings([[a], [b, bMirrored], [c]]); // [a, bMirrored, c] when bMirrored is nearer a and c
 */
export function agreeingReadings(readings: readonly (readonly Normalized[])[]): Normalized[] {
  // Samples given as landmarks have one reading each: nothing to choose, nothing to compute.
  if (readings.every((mine) => mine.length === 1)) return readings.map((mine) => mine[0]!);
  const vectors = readings.map((mine) => mine.map((r) => matchVector(r.hand, r.up)));
  return readings.map((mine, i) => {
    let best = 0;
    let least = Infinity;
    vectors[i]!.forEach((v, r) => {
      let cost = 0;
      vectors.forEach((theirs, j) => {
        if (j !== i) cost += Math.min(...theirs.map((w) => vectorDistance(v, w)));
      });
      if (cost < least) [best, least] = [r, cost];
    });
    return mine[best]!;
  });
}

async function normalizeSample(sample: RegistrationSample, options: LearnOptions): Promise<Normalized | Omit<RejectedSample, 'index'>> {
  if (Array.isArray(sample)) {
    const hand = isHandLandmarks(sample) ? normalizeLandmarks(sample) : null;
    return hand ? { hand, up: imageUp(sample) } : { reason: 'invalid', message: INVALID_LANDMARKS };
  }
  if (typeof sample === 'object' && sample !== null && 'landmarks' in sample) {
    const presence: unknown = 'presence' in sample ? sample.presence : 1;
    if (typeof presence !== 'number' || !(presence >= 0 && presence <= 1)) {
      return { reason: 'invalid', message: `expected a presence in [0, 1], received ${typeof presence === 'number' ? String(presence) : typeof presence}` };
    }
    if (presence < options.minSamplePresence) {
      return { reason: 'low-confidence', message: `hand presence ${presence.toFixed(2)} is below minSamplePresence ${options.minSamplePresence}` };
    }
    const handedness = sample.handedness === 'left' ? 'left' : 'right';
    const hand = isHandLandmarks(sample.landmarks) ? normalizeLandmarks(sample.landmarks, handedness) : null;
    if (!hand) return { reason: 'invalid', message: INVALID_LANDMARKS };
    const second: unknown = (sample as HandSample).mirroredReading;
    const again = isHandLandmarks(second) ? normalizeLandmarks(second, handedness) : null;
    return { hand, up: imageUp(sample.landmarks, handedness), ...(again ? { mirrored: { hand: again, up: imageUp(second as HandLandmarks, handedness) } } : {}) };
  }
  const { detect } = options;
  if (!detect) return { reason: 'invalid', message: 'a frame was given but the registry has no detect function' };
  let detection: Detection;
  try {
    detection = await detect(sample);
  } catch (error) {
    // The recognizer was disposed: the other samples cannot be detected either, so stop here.
    if (error instanceof DisposedError) throw error;
    return { reason: 'invalid', message: errorMessage(error) };
  }
  if (detection.hands.length === 0) return { reason: 'no-hand', message: 'no hand found in the frame' };
  if (detection.hands.length > 1) return { reason: 'multiple-hands', message: `${detection.hands.length} hands found; show one hand per sample` };
  return normalizeSample(detection.hands[0] as DetectedHand, options);
}

/**
 * The existing gesture most similar to a new one learnt from `model`, with its similarity in
 * [0, 1]: the larger of each existing gesture's mean score over the new samples and the new
 * gesture's mean score over that gesture's samples (0 for a built-in, which has none). The
 * candidate named `name` (the gesture being replaced) is skipped; `null` when nothing is left.
 *
 * @example
 * nearestGesture('rock', new SampleModel(accepted), candidates); // { gesture: 'one', similarity: 0.01 }
 */
export function nearestGesture(name: string, model: SampleModel, candidates: MatchCandidates): { gesture: string; similarity: number } | null {
  // Forward: each existing gesture's mean score over the new samples (their vectors are already in the model).
  // Custom gestures are compared at the one-sample width (PRIOR_SPREAD), whatever their sample
  // counts: the question is whether the two shapes look alike, and a region that narrows with K
  // would hide the same handshape registered twice with 5 samples each.
  const forward = new Map<string, number>();
  model.samples.forEach((sample, i) => {
    for (const { gesture, score } of scoreGestures(sample, candidates, model.vectors[i], model.ups[i])) {
      const custom = candidates.custom.get(gesture)?.model;
      forward.set(gesture, (forward.get(gesture) ?? 0) + (custom ? custom.score(model.vectors[i]!, PRIOR_SPREAD) : score) / model.samples.length);
    }
  });
  let nearest: { gesture: string; similarity: number } | null = null;
  for (const [gesture, mine] of forward) {
    if (gesture === name) continue;
    const theirs = candidates.custom.get(gesture)?.model.vectors ?? [];
    const backward = theirs.length > 0 ? mean(theirs.map((v) => model.score(v, PRIOR_SPREAD))) : 0;
    const similarity = Math.max(mine, backward);
    if (!nearest || similarity > nearest.similarity) nearest = { gesture, similarity };
  }
  return nearest;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}
