import { describeValue, GesturePackError, InvalidOptionsError } from '../errors';
import type { DetectedFace, DetectedHand, Detection, HandLandmarks, Handedness } from '../types';
import type { Classifier } from './classifier';
import { learnSamples, nearestGesture, type RegistrationSample, type RejectedSample } from './learn';
import { matchGesture, scoreGestures, type MatchCandidates } from './matching';
import { imageUp, isHandLandmarks, normalizeLandmarks } from './normalize';
import { resolveGestureRegistryOptions, type GestureRegistryOptions, type ResolvedGestureRegistryOptions } from './options';
import { GESTURE_PACK_FORMAT, GESTURE_PACK_LIMITS, GESTURE_PACK_VERSION, labelProblem, normalizeLabel, validateGesturePack, type GesturePack } from './pack';
import { forecastSamples } from './report';
import { restingReason } from './resting';
import { SampleModel } from './sample-model';
import {
  BUILTIN_GESTURES,
  NO_GESTURE,
  type BuiltinGestureName,
  type ClassifiedHand,
  type GestureMatch,
  type Recognition,
} from './types';

export type { RegistrationSample, RejectionReason } from './learn';

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
}

/** A gesture the registry knows. */
export interface GestureInfo {
  name: string;
  meaning: string | null;
  /** `builtin` for the rule-based gestures, `custom` for gestures learnt from samples. */
  kind: 'builtin' | 'custom';
  /** Number of samples (0 for a built-in). */
  samples: number;
}

interface CustomGesture {
  meaning: string | null;
  replace: boolean;
  model: SampleModel;
}

function fail(option: string, expected: string, received: unknown): never {
  throw new InvalidOptionsError(`${option}: expected ${expected}, received ${describeValue(received)}.`, { option, expected, received: describeValue(received) });
}

/**
 * All gestures a recognizer knows, built-in and custom, in one place: the catalogue, and its
 * gesture packs. It is the pipeline's {@link Classifier}; the matching itself is in `matching.ts`,
 * and turning samples into a gesture in `learn.ts`.
 *
 * @example
 * const registry = new GestureRegistry({ detect: (frame) => detector.detect(frame, 0) });
 * const report = await registry.register('rock', [frame1, frame2, frame3], { meaning: 'party' });
 * registry.match(hand.landmarks, hand.handedness); // { gesture: 'rock', meaning: 'party', score: 0.93 }
 * localStorage.pack = JSON.stringify(registry.export());
 */
export class GestureRegistry implements Classifier {
  private options: ResolvedGestureRegistryOptions;
  private readonly custom = new Map<string, CustomGesture>();
  /** Names whose `register()` is still learning its samples: reserved until it ends. */
  private readonly registering = new Set<string>();

  constructor(options: GestureRegistryOptions = {}) {
    this.options = resolveGestureRegistryOptions(options);
  }

  /**
   * Merges partial options into the current ones (validated as a whole).
   *
   * @example
   * registry.setOptions({ meanings: { palm: 'hello' } });
   */
  setOptions(options: GestureRegistryOptions): void {
    const { detect, builtins, meanings, minScore, minSamplePresence, confusableSimilarity, ignoreRestingHands } = this.options;
    this.options = resolveGestureRegistryOptions({
      detect, builtins, minScore, minSamplePresence, confusableSimilarity, ignoreRestingHands, ...options,
      meanings: { ...meanings, ...options.meanings },
    });
  }

  /** The resolved options in use. */
  getOptions(): Readonly<ResolvedGestureRegistryOptions> {
    return this.options;
  }

  /**
   * Every active gesture: enabled built-ins not replaced by a custom gesture, then custom gestures.
   *
   * @example
   * registry.list().map((g) => g.name); // ['fist', 'ok', 'palm', 'one', 'peace', 'rock']
   */
  list(): GestureInfo[] {
    const builtins = this.activeBuiltins().map((name): GestureInfo => ({ name, meaning: this.options.meanings[name], kind: 'builtin', samples: 0 }));
    const custom = [...this.custom].map(([name, g]): GestureInfo => ({ name, meaning: g.meaning, kind: 'custom', samples: g.model.samples.length }));
    return [...builtins, ...custom];
  }

  /** True when `name` is an active gesture. */
  has(name: string): boolean {
    if (typeof name === 'string') name = normalizeLabel(name);
    return this.custom.has(name) || this.options.builtins.includes(name as BuiltinGestureName);
  }

  /**
   * Learns a custom gesture from 1–50 samples (landmarks, detected hands or frames). Samples that
   * hold no usable hand, or a hand whose presence is below `minSamplePresence`, are rejected with a
   * reason; the rest replace nothing unless `replace` is set.
   * Throws `InvalidOptionsError` for a bad name, a bad sample count, a name in use (an enabled built-in, or a custom gesture registered or being
   * registered by a call still running) without `replace`, or a full registry (100 custom gestures,
   * a pack's limit). The name and meaning are stored NFC-normalised. Rejects with `DisposedError`
   * when the recognizer is disposed while frame samples are being detected (nothing is registered).
   *
   * @example
   * const report = await registry.register('rock', [landmarksA, landmarksB], { meaning: 'party' });
   * report.accepted; // 2
   */
  async register(name: string, samples: readonly RegistrationSample[], options: RegisterOptions = {}): Promise<RegistrationReport> {
    this.checkName(name);
    name = normalizeLabel(name);
    if (typeof options !== 'object' || options === null) fail('options', 'an object or undefined', options);
    const { meaning = null, replace = false } = options;
    const meaningProblem = meaning === null ? null : labelProblem(meaning);
    if (meaningProblem !== null) fail('meaning', `${meaningProblem}, or null`, meaning);
    if (typeof replace !== 'boolean') fail('replace', 'a boolean', replace);
    if (!Array.isArray(samples) || samples.length < GESTURE_PACK_LIMITS.minSamples || samples.length > GESTURE_PACK_LIMITS.maxSamples) {
      fail('samples', `an array of ${GESTURE_PACK_LIMITS.minSamples}–${GESTURE_PACK_LIMITS.maxSamples} samples`, Array.isArray(samples) ? `${samples.length} samples` : typeof samples);
    }
    const isBuiltin = (BUILTIN_GESTURES as readonly string[]).includes(name);
    // A name being registered right now counts as taken, so two concurrent calls cannot both take it.
    // A built-in's name is taken only while that built-in is enabled (`builtins`); the gesture still
    // records `replace`, so its pack says it stands in for the built-in wherever it is imported.
    const activeBuiltin = this.options.builtins.includes(name as BuiltinGestureName);
    const taken = activeBuiltin || this.custom.has(name) || this.registering.has(name);
    if (taken && !replace) fail('replace', `true to take the name "${name}", which is already in use`, replace);
    if (!this.custom.has(name) && this.custom.size + this.registering.size >= GESTURE_PACK_LIMITS.maxGestures) {
      fail('name', `a gesture already registered: the registry is full (${GESTURE_PACK_LIMITS.maxGestures} custom gestures, a gesture pack's limit)`, name);
    }
    this.registering.add(name);
    try {
      const { accepted, ups, rejected } = await learnSamples(samples, this.options);
      const report: RegistrationReport = { gesture: name, registered: accepted.length > 0, accepted: accepted.length, rejected, nearest: null, confusable: false, leaveOneOut: null, hints: [] };
      if (accepted.length === 0) return report;
      const model = new SampleModel(accepted, ups);
      const candidates = this.candidatesWithout(name);
      report.nearest = nearestGesture(name, model, candidates);
      report.confusable = report.nearest !== null && report.nearest.similarity >= this.options.confusableSimilarity;
      Object.assign(report, forecastSamples(name, accepted, ups, candidates));
      if (report.confusable && report.nearest) report.hints.push(`it looks like ${report.nearest.gesture}: the two will be mistaken for each other.`);
      this.custom.set(name, { meaning: meaning === null ? null : normalizeLabel(meaning), replace: isBuiltin, model });
      return report;
    } finally {
      this.registering.delete(name);
    }
  }

  /**
   * Removes a gesture. A custom gesture that replaced a built-in brings the built-in back; a
   * built-in that is not replaced is disabled. Returns false when `name` was not active.
   *
   * @example
   * registry.unregister('rock'); // true
   */
  unregister(name: string): boolean {
    if (typeof name === 'string') name = normalizeLabel(name);
    if (this.custom.delete(name)) return true;
    const builtins = this.options.builtins.filter((b) => b !== name);
    if (builtins.length === this.options.builtins.length) return false;
    this.options = { ...this.options, builtins };
    return true;
  }

  /**
   * The best gesture for one hand, or `none` when no gesture scores `minScore`. The best built-in and
   * the best custom gesture compete on score; when both reach `minScore`, the one whose own examples
   * (the built-in's reference hands, the custom gesture's samples) are denser around the hand wins,
   * so the winner is not always the top entry of {@link scores}.
   *
   * @example
   * registry.match(hand.landmarks, hand.handedness); // { gesture: 'palm', meaning: 'question', score: 0.97 }
   */
  match(landmarks: HandLandmarks, handedness: Handedness = 'right'): GestureMatch {
    const hand = isHandLandmarks(landmarks) ? normalizeLandmarks(landmarks, handedness) : null;
    return hand ? matchGesture(hand, this.candidates(), imageUp(landmarks, handedness)) : { gesture: NO_GESTURE, meaning: null, score: 1 };
  }

  /**
   * Scores of every active gesture for one hand, highest first.
   *
   * @example
   * registry.scores(hand.landmarks, 'left')[0]; // { gesture: 'fist', score: 0.96 }
   */
  scores(landmarks: HandLandmarks, handedness: Handedness = 'right'): { gesture: string; score: number }[] {
    const hand = isHandLandmarks(landmarks) ? normalizeLandmarks(landmarks, handedness) : null;
    if (!hand) return [];
    return scoreGestures(hand, this.candidates(), undefined, imageUp(landmarks, handedness)).sort((a, b) => b.score - a.score);
  }

  /**
   * Classifies every hand of a detection; hands keep all their detect fields, and `score` becomes the
   * gesture score. With `ignoreRestingHands` (the default) a resting hand (hanging, on the head, or
   * relaxed on the body; see `restingReason()`) reads `none` with score 1.
   *
   * @example
   * const result = registry.classify(await detector.detect(frame, 0));
   * result.hands[0]?.meaning; // 'question'
   */
  classify(detection: Detection): Recognition {
    return { ...detection, hands: detection.hands.map((hand): ClassifiedHand => ({ ...hand, ...this.matchInScene(hand, detection.faces) })) };
  }

  /**
   * {@link match} for a detected hand in its frame: like `match()`, but a resting hand reads `none`
   * when `ignoreRestingHands` is on (the faces place the hand against the body).
   *
   * @example
   * registry.matchInScene(detection.hands[0], detection.faces); // { gesture: 'none', meaning: null, score: 1 }
   */
  matchInScene(hand: Pick<DetectedHand, 'landmarks' | 'handedness' | 'box'>, faces: readonly DetectedFace[]): GestureMatch {
    const match = this.match(hand.landmarks, hand.handedness);
    if (match.gesture === NO_GESTURE || !this.options.ignoreRestingHands || !isHandLandmarks(hand.landmarks)) return match;
    return restingReason(hand, faces, match.gesture) === null ? match : { gesture: NO_GESTURE, meaning: null, score: 1 };
  }

  /**
   * The custom gestures as a JSON-serialisable gesture pack (normalised landmarks, never images).
   *
   * @example
   * fs.writeFileSync('pack.json', JSON.stringify(registry.export()));
   */
  export(): GesturePack {
    return {
      format: GESTURE_PACK_FORMAT,
      version: GESTURE_PACK_VERSION,
      gestures: [...this.custom].map(([name, g]) => ({
        name,
        meaning: g.meaning,
        replace: g.replace,
        samples: g.model.samples.map((s) => s.map((p) => [...p] as typeof p)),
        ups: g.model.ups.map(([x, y]): [number, number] => [x, y]),
      })),
    };
  }

  /**
   * Adds the gestures of a pack, replacing custom gestures of the same name. The whole pack is
   * validated first: on any problem it throws `GesturePackError` (with the JSON path) and changes nothing,
   * as it does when the registry would end up with more than 100 custom gestures (a pack's limit).
   * Returns the names imported.
   *
   * @example
   * registry.import(JSON.parse(fs.readFileSync('pack.json', 'utf8')));
   */
  import(pack: unknown): string[] {
    const valid = validateGesturePack(pack, BUILTIN_GESTURES);
    const total = new Set([...this.custom.keys(), ...this.registering, ...valid.gestures.map((g) => g.name)]).size;
    if (total > GESTURE_PACK_LIMITS.maxGestures) {
      throw new GesturePackError(
        `Importing this pack would make ${total} custom gestures; a registry holds at most ${GESTURE_PACK_LIMITS.maxGestures} (a gesture pack's limit). Unregister some first.`,
        { path: '$.gestures' },
      );
    }
    for (const g of valid.gestures) this.custom.set(g.name, { meaning: g.meaning, replace: g.replace, model: new SampleModel(g.samples, g.ups) });
    return valid.gestures.map((g) => g.name);
  }

  private checkName(name: unknown): asserts name is string {
    const problem = labelProblem(name);
    if (problem !== null) fail('name', problem, name);
    if (name === NO_GESTURE) fail('name', 'a name other than "none"', name);
  }

  /** The built-ins in play: those enabled and not replaced by a custom gesture of the same name. */
  private activeBuiltins(): BuiltinGestureName[] {
    return this.options.builtins.filter((name) => !this.custom.has(name));
  }

  /** The gestures in play, as matching sees them. */
  private candidates(): MatchCandidates {
    const { meanings, minScore } = this.options;
    return { builtins: this.activeBuiltins(), custom: this.custom, meanings, minScore };
  }

  /** The gestures in play other than `name` (the one being registered or replaced). */
  private candidatesWithout(name: string): MatchCandidates {
    const candidates = this.candidates();
    const custom = new Map(candidates.custom);
    custom.delete(name);
    return { ...candidates, builtins: candidates.builtins.filter((b) => b !== name), custom };
  }
}
