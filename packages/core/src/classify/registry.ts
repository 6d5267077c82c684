import { describeValue, GesturePackError, InvalidOptionsError } from '../errors';
import type { DetectedFace, DetectedHand, Detection, HandLandmarks, Handedness } from '../types';
import type { Classifier } from './classifier';
import type { RegistrationSample, RejectedSample } from './learn';
import { matchGesture, scoreGestures, type MatchCandidates } from './matching';
import { imageUp, isHandLandmarks, normalizeLandmarks } from './normalize';
import { resolveGestureRegistryOptions, type GestureRegistryOptions, type ResolvedGestureRegistryOptions } from './options';
import { GESTURE_PACK_FORMAT, GESTURE_PACK_LIMITS, GESTURE_PACK_VERSION, labelProblem, normalizeLabel, validateGesturePack, type GesturePack } from './pack';
import { loadReferenceData, registrationCode } from './reference';
import { restingReason } from './resting';
import type { SampleModel } from './sample-model';
import { MOTION_GESTURES } from '../motion-options';
import { CustomMotionCatalogue } from '../motion/catalogue';
import type { CustomMotion, CustomMotionSource } from '../motion/custom-matcher';
import { isMotionSample, type MotionSample } from '../motion/track';
import type { GestureInfo, RegisterOptions, RegistrationReport } from './registration';
import {
  BUILTIN_GESTURES,
  NO_GESTURE,
  type BuiltinGestureName,
  type ClassifiedHand,
  type GestureMatch,
  type Recognition,
} from './types';

export type { RegistrationSample, RejectionReason } from './learn';

export type { GestureInfo, RegisterOptions, RegistrationReport } from './registration';

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
export class GestureRegistry implements Classifier, CustomMotionSource {
  private options: ResolvedGestureRegistryOptions;
  private readonly custom = new Map<string, CustomGesture>();
  private readonly motions = new CustomMotionCatalogue();
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
    const motions = this.motions.customMotions().map((m): GestureInfo => ({ name: m.name, meaning: m.meaning, kind: 'motion', samples: m.template.samples.length }));
    return [...builtins, ...custom, ...motions];
  }

  /** True when `name` is an active gesture. */
  has(name: string): boolean {
    if (typeof name === 'string') name = normalizeLabel(name);
    return this.custom.has(name) || this.motions.has(name) || this.options.builtins.includes(name as BuiltinGestureName);
  }

  /**
   * Learns a custom gesture from 1–50 samples. Hand shapes learn from landmarks, detected hands or
   * frames; **motion gestures** learn from recorded movements: `GestureRecording`s or arrays of
   * `{ timestamp, landmarks }` frames (`MotionSample`; three are enough), and are then found by the
   * motion stage (docs/motion.md). One call takes one kind of sample, not a mix. A motion sample
   * with no hand, too short or barely moving is rejected with its reason. Samples that
   * hold no usable hand, or a hand whose presence is below `minSamplePresence`, are rejected with a
   * reason; the rest replace nothing unless `replace` is set.
   * Throws `InvalidOptionsError` for a bad name, a bad sample count, a name in use (an enabled built-in, or a custom gesture registered or being
   * registered by a call still running) without `replace`, or a full registry (100 custom gestures,
   * a pack's limit). The name and meaning are stored NFC-normalised. Rejects with `DisposedError`
   * when the recognizer is disposed while frame samples are being detected (nothing is registered),
   * and with `ModelLoadError` when the chunk custom gestures load on first use (the reference data
   * and the learning code) cannot be loaded; the next call tries again.
   *
   * @example
   * const report = await registry.register('rock', [landmarksA, landmarksB], { meaning: 'party' });
   * report.accepted; // 2
   */
  async register(name: string, samples: readonly RegistrationSample[] | readonly MotionSample[], options: RegisterOptions = {}): Promise<RegistrationReport> {
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
    const motion = (samples as readonly unknown[]).some(isMotionSample);
    if (motion && !(samples as readonly unknown[]).every(isMotionSample)) fail('samples', 'all hand samples or all motion samples (recordings or timed landmark frames), not a mix', `${samples.length} samples of both kinds`);
    if (motion && (isBuiltin || (MOTION_GESTURES as readonly string[]).includes(name))) fail('name', 'a motion gesture name other than a built-in gesture\'s', name);
    // A name being registered right now counts as taken, so two concurrent calls cannot both take it.
    // A built-in's name is taken only while that built-in is enabled (`builtins`); the gesture still
    // records `replace`, so its pack says it stands in for the built-in wherever it is imported.
    const activeBuiltin = this.options.builtins.includes(name as BuiltinGestureName);
    const taken = activeBuiltin || this.custom.has(name) || this.motions.has(name) || this.registering.has(name);
    if (taken && !replace) fail('replace', `true to take the name "${name}", which is already in use`, replace);
    if (!this.custom.has(name) && !this.motions.has(name) && this.custom.size + this.motions.size + this.registering.size >= GESTURE_PACK_LIMITS.maxGestures) {
      fail('name', `a gesture already registered: the registry is full (${GESTURE_PACK_LIMITS.maxGestures} custom gestures, a gesture pack's limit)`, name);
    }
    this.registering.add(name);
    try {
      // The learning code comes with the reference data, in the chunk custom gestures load on first use.
      await loadReferenceData();
      if (motion) return this.registerMotion(name, samples as readonly MotionSample[], meaning);
      const { learnSamples, nearestGesture, forecastSamples, SampleModel } = registrationCode();
      const { accepted, ups, rejected } = await learnSamples(samples as readonly RegistrationSample[], this.options);
      const report: RegistrationReport = { gesture: name, registered: accepted.length > 0, accepted: accepted.length, rejected, nearest: null, confusable: false, leaveOneOut: null, hints: [] };
      if (accepted.length === 0) return report;
      const model = new SampleModel(accepted, ups);
      const candidates = this.candidatesWithout(name);
      report.nearest = nearestGesture(name, model, candidates);
      report.confusable = report.nearest !== null && report.nearest.similarity >= this.options.confusableSimilarity;
      Object.assign(report, forecastSamples(name, accepted, ups, candidates, rejected));
      if (report.confusable && report.nearest) report.hints.push(`it looks like ${report.nearest.gesture}: the two will be mistaken for each other.`);
      this.custom.set(name, { meaning: meaning === null ? null : normalizeLabel(meaning), replace: isBuiltin, model });
      this.motions.set(name, null);
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
    if (this.motions.set(name, null)) return true;
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
      motions: this.motions.toPack(),
    };
  }

  /**
   * Adds the gestures of a pack, replacing custom gestures of the same name. The whole pack is
   * validated first: on any problem it rejects with `GesturePackError` (with the JSON path) and changes
   * nothing, as it does when the registry would end up with more than 100 custom gestures (a pack's
   * limit). Resolves to the names imported. Asynchronous because custom gestures need the fitted
   * reference data, a chunk loaded on first use (rejects with `ModelLoadError` if it cannot be).
   *
   * @example
   * await registry.import(JSON.parse(fs.readFileSync('pack.json', 'utf8')));
   */
  async import(pack: unknown): Promise<string[]> {
    const valid = validateGesturePack(pack, BUILTIN_GESTURES, MOTION_GESTURES);
    if (valid.gestures.length > 0) await loadReferenceData();
    // After the await, so that concurrent imports cannot together pass the limit.
    const total = new Set([...this.custom.keys(), ...this.motions.names(), ...this.registering, ...valid.gestures.map((g) => g.name), ...valid.motions.map((m) => m.name)]).size;
    if (total > GESTURE_PACK_LIMITS.maxGestures) {
      throw new GesturePackError(
        `Importing this pack would make ${total} custom gestures; a registry holds at most ${GESTURE_PACK_LIMITS.maxGestures} (a gesture pack's limit). Unregister some first.`,
        { path: '$.gestures' },
      );
    }
    for (const g of valid.gestures) {
      this.custom.set(g.name, { meaning: g.meaning, replace: g.replace, model: new (registrationCode().SampleModel)(g.samples, g.ups) });
      this.motions.set(g.name, null);
    }
    for (const m of valid.motions) this.custom.delete(m.name);
    this.motions.addFromPack(valid.motions);
    return [...valid.gestures.map((g) => g.name), ...valid.motions.map((m) => m.name)];
  }

  /**
   * The custom motion gestures, for the motion stage (which reads them at every frame, so one
   * registered during a run counts at once).
   *
   * @example
   * detections$.pipe(motion({}, registry)); // wave, swipes and the registry's custom motions
   */
  customMotions(): readonly CustomMotion[] {
    return this.motions.customMotions();
  }

  /** Learns a motion gesture (names already checked, registration code loaded) and stores it when a sample was accepted. */
  private registerMotion(name: string, samples: readonly MotionSample[], meaning: string | null): RegistrationReport {
    const learnt = registrationCode().learnMotion(name, samples, this.customMotions());
    const loo = learnt.motion?.leaveOneOut ?? null;
    const leaveOneOut = loo && loo.of > 0 ? loo.recognised / loo.of : null;
    const hints = learnt.accepted === 1 ? ['only 1 recording: record the movement 3 times, at different speeds, so the acceptance threshold is measured rather than assumed.'] : [];
    const report: RegistrationReport = { gesture: name, registered: learnt.template !== null, accepted: learnt.accepted, rejected: learnt.rejected, nearest: learnt.nearest, confusable: false, leaveOneOut, hints, motion: learnt.motion };
    report.confusable = report.nearest !== null && report.nearest.similarity >= this.options.confusableSimilarity;
    if (learnt.template) {
      this.custom.delete(name);
      this.motions.set(name, { name, meaning: meaning === null ? null : normalizeLabel(meaning), template: learnt.template });
    }
    return report;
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
