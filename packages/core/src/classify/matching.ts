import { builtinScores } from './builtin';
import type { NormalizedLandmarks } from './normalize';
import { matchVector, referenceVectors, vectorDistance } from './match-vector';
import type { SampleModel } from './sample-model';
import { NO_GESTURE, type BuiltinGestureName, type GestureMatch } from './types';

/**
 * When a built-in rule and a custom gesture both claim a hand, the custom gesture counts as having
 * at least this many samples in the k-nearest-neighbour density ratio (see {@link claimsOverBuiltin}).
 * It keeps a one-sample gesture from winning on a noisy density estimate. The smallest value in
 * {1, 3, 5, 8, 20} with the best development accuracy.
 */
export const MIN_EFFECTIVE_SAMPLES = 3;

/**
 * The gestures a hand is matched against: the catalogue as matching sees it.
 *
 * @example
 * const candidates: MatchCandidates = { builtins: ['fist', 'palm'], custom: new Map([['rock', { meaning: 'party', model }]]), meanings: DEFAULT_MEANINGS, minScore: 0.5 };
 */
export interface MatchCandidates {
  /** The built-ins in play (enabled and not replaced by a custom gesture), in catalogue order. */
  readonly builtins: readonly BuiltinGestureName[];
  /** The custom gestures in play, in catalogue order, each with its meaning and the model learnt from its samples. */
  readonly custom: ReadonlyMap<string, { readonly meaning: string | null; readonly model: SampleModel }>;
  /** Meanings of the built-ins. */
  readonly meanings: Readonly<Record<BuiltinGestureName, string | null>>;
  /** A hand whose best gesture scores below this reads `none`. */
  readonly minScore: number;
}

/** One gesture's score for one hand; `model` is the custom gesture's sample model, `null` for a built-in. */
type BuiltinScore = { gesture: BuiltinGestureName; score: number; model: null };
type CustomScore = { gesture: string; score: number; model: SampleModel };

/**
 * The one scoring loop: every candidate's score for one hand, built-ins first, then custom. The
 * rules run once, and `vector` (the hand's match vector, computed here when not given) serves every custom gesture.
 */
function scoreCandidates(hand: NormalizedLandmarks, candidates: MatchCandidates, vector: readonly number[] = handVector(hand, candidates), up: ImageUp = UPRIGHT): (BuiltinScore | CustomScore)[] {
  const rules = candidates.builtins.length > 0 ? builtinScores(hand, up) : undefined;
  return [
    ...candidates.builtins.map((gesture): BuiltinScore => ({ gesture, score: rules![gesture], model: null })),
    ...[...candidates.custom].map(([gesture, g]): CustomScore => ({ gesture, score: g.model.score(vector), model: g.model })),
  ];
}

/** The hand's match vector when a custom gesture needs it, else `[]` (the rules alone never need one). */
function handVector(hand: NormalizedLandmarks, candidates: MatchCandidates, up: ImageUp = UPRIGHT): number[] {
  return candidates.custom.size > 0 ? matchVector(hand, up) : [];
}

/** The image's up direction in the canonical hand frame ({@link imageUp}). */
export type ImageUp = readonly [number, number];
/** An upright hand's {@link ImageUp}: what matching assumes when it is not told. */
export const UPRIGHT: ImageUp = [0, 1];

/**
 * Every candidate's score for one normalised hand, built-ins first, then custom, in catalogue
 * order (not sorted). Pass `vector` when the hand's match vector is already known, and `up`
 * ({@link imageUp}) when the hand may not be upright.
 *
 * @example
 * scoreGestures(normalizeLandmarks(landmarks), candidates); // [{ gesture: 'fist', score: 0.02 }, …, { gesture: 'rock', score: 0.91 }]
 */
export function scoreGestures(hand: NormalizedLandmarks, candidates: MatchCandidates, vector?: readonly number[], up: ImageUp = UPRIGHT): { gesture: string; score: number }[] {
  return scoreCandidates(hand, candidates, vector ?? handVector(hand, candidates, up), up).map(({ gesture, score }) => ({ gesture, score }));
}

/**
 * The best gesture for one normalised hand, or `none` (scored 1 minus the best score) when no
 * candidate reaches `minScore`. The best built-in (by rule score) and the best custom gesture (by
 * nearest-sample score) compete: when both reach `minScore`, {@link claimsOverBuiltin} decides;
 * otherwise the higher score wins. `up` ({@link imageUp}) defaults to an upright hand.
 *
 * @example
 * matchGesture(normalizeLandmarks(landmarks, 'left'), candidates); // { gesture: 'rock', meaning: 'party', score: 0.91 }
 */
export function matchGesture(hand: NormalizedLandmarks, candidates: MatchCandidates, up: ImageUp = UPRIGHT): GestureMatch {
  const vector = handVector(hand, candidates, up);
  let builtin: BuiltinScore | undefined;
  let custom: CustomScore | undefined;
  for (const candidate of scoreCandidates(hand, candidates, vector, up)) {
    if (candidate.model === null) {
      if (!builtin || candidate.score > builtin.score) builtin = candidate;
    } else if (!custom || candidate.score > custom.score) custom = candidate;
  }
  const { minScore } = candidates;
  let best: BuiltinScore | CustomScore | undefined = builtin;
  if (custom && (!builtin || custom.score >= builtin.score)) best = custom;
  if (builtin && custom && builtin.score >= minScore && custom.score >= minScore) {
    best = claimsOverBuiltin(vector, builtin.gesture, custom.model) ? custom : builtin;
  }
  if (!best || best.score < minScore) return { gesture: NO_GESTURE, meaning: null, score: 1 - (best?.score ?? 0) };
  const meaning = best.model === null ? candidates.meanings[best.gesture] ?? null : candidates.custom.get(best.gesture)?.meaning ?? null;
  return { gesture: best.gesture, meaning, score: best.score };
}

/**
 * Arbitrates a hand that a built-in rule and a custom gesture both claim, by a k-nearest-neighbour
 * density ratio with equal priors: with `n` built-in reference hands and `m` custom samples
 * (at least {@link MIN_EFFECTIVE_SAMPLES}), the custom gesture wins when its nearest sample is
 * nearer than the built-in's `round(n / m)`-th nearest reference. Both sets then hold the same
 * fraction of their hands within the compared radius, so neither wins just by having more samples.
 *
 * @example
 * claimsOverBuiltin(matchVector(hand), 'ok', threeModel); // true: the hand sits among the custom samples
 */
export function claimsOverBuiltin(vector: readonly number[], builtin: BuiltinGestureName, model: SampleModel): boolean {
  const refs = referenceVectors(builtin).map((r) => vectorDistance(vector, r)).sort((a, b) => a - b);
  const k = Math.min(refs.length, Math.max(1, Math.round(refs.length / Math.max(model.vectors.length, MIN_EFFECTIVE_SAMPLES))));
  return model.nearest(vector) < (refs[k - 1] ?? Infinity);
}
