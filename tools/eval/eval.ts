// `npm run eval`: per-gesture accuracy of our recognizer, with fingerpose and @vladmandic/human
// scored on the same photos in the same run.
//
//   npm run eval                                  tables on stdout (data: hands/ of $GESTURE_FIXTURES or ../shared/fixtures)
//   npm run eval -- --data DIR                    any folder laid out as <class>/<image files>
//   npm run eval -- --json                        one JSON object on stdout instead
//   npm run eval -- --k 1,3,5 --seeds 5           few-shot K values and seeds (defaults)
//   npm run eval -- --few-shot a,b,c              score only these other classes few-shot, in this order
//   npm run eval -- --no-peers | --peers fingerpose[,human]
//   npm run eval -- --out docs/accuracy.md        also write the page and docs/accuracy-confusion.svg
//   npm run eval -- --json --per-image            add every image's hand (landmarks) and answers
//   npm run eval -- --cross DIR                   also few-shot across sources: register from one set, test on DIR and back
//   npm run eval -- --sweep                       also the robustness sweep (crops, zoom, brightness, blur, JPEG) on built-in photos
//   npm run eval -- --hands-cache FILE            reuse the detections stored in FILE (written when missing): classify work in seconds
//   npm run eval -- --sweep-only                  only the sweep (of --cross too): its table, or its JSON with --json
//
// Classes named like the built-ins (fist, ok, palm, one, peace) and `none` are scored as built-ins;
// every other class is scored few-shot. Ours runs in this process from packages/node/dist (run
// `npm run build` first); Human runs in a child process (human-child.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import type { BackendInfo, Frame } from '@gesture/node';
import { runJsonChild } from '../child-process';
import { commaList, integerIn, parseToolArgs } from '../cli';
import { ADDED_BUILTIN_CLASSES, FIXTURES_DIR, handshapeNote, splitPart } from '../fixtures';
import { formatSweep, runSweep, type SweepRow } from './sweep';
import { CROSS_CLASSES, NO_GESTURE_CLASS, fewShotAcross, formatCrossSource, restingHands, unregisteredClaims, type CrossSourceResult, type HandsByClass, type OtherSetScore } from './cross-source';
import { loadGestureNode } from '../gesture-node';
import { FINGERPOSE_MIN_SCORE, FINGERPOSE_TO_CLASS, FINGERPOSE_VERSION, fingerposeClassify } from '../peers/fingerpose-gestures';
import { HUMAN_RULES, mapHumanHand } from '../peers/human-mapping';
import type { HumanEvalOutput } from './human-child';
import { BUILTIN_CLASSES, NONE, confusionSvg, fewShot, otherAsBuiltin, ratio, scoreBuiltins, summarizeMs, type Answer, type Counts, type Detection, type EvalHand } from './metrics';

/** A problem with the command line or the data folder: printed without a stack trace. */
class EvalInputError extends Error {}

const IMAGE = /\.(jpe?g|png|webp|gif|avif|tiff?)$/i;

/** The command line of `npm run eval`. */
export interface EvalArgs {
  /** The photos, as `<class>/<image files>`. */
  data: string;
  json: boolean;
  ks: number[];
  seeds: number;
  /** The other classes to score few-shot, in this order; every other class when not given. */
  fewShot: string[] | undefined;
  peers: ('fingerpose' | 'human')[];
  out: string | undefined;
  perImage: boolean;
  /** A second data folder (other sources) for the cross-source few-shot protocol. */
  cross: string | undefined;
  sweep: boolean;
  /** A JSON file of detections per image file: read when it exists, written when it does not. */
  handsCache: string | undefined;
  sweepOnly: boolean;
}

const PEERS = ['fingerpose', 'human'] as const;

function parsePeer(name: string): 'fingerpose' | 'human' {
  if (!(PEERS as readonly string[]).includes(name)) throw new InvalidArgumentError(`unknown peer ${name} (fingerpose, human)`);
  return name as 'fingerpose' | 'human';
}

function parseArgs(argv: readonly string[]): EvalArgs {
  const program = new Command('npm run eval --')
    .description('Per-gesture accuracy of our recognizer, with fingerpose and @vladmandic/human on the same photos.')
    .option('--data <dir>', 'any folder laid out as <class>/<image files>', FIXTURES_DIR)
    .option('--json', 'one JSON object on stdout instead of the tables', false)
    .option('--k <list>', 'few-shot K values, integers 1–50', commaList(integerIn(1, 50)), [1, 3, 5])
    .option('--seeds <n>', 'few-shot seeds', integerIn(1), 5)
    .option('--few-shot <classes>', 'score only these other classes few-shot, in this order', commaList())
    .option('--peers <names>', 'the peers to score: fingerpose, human', commaList(parsePeer), [...PEERS])
    .option('--no-peers', 'score ours only')
    .option('--out <file>', 'also write the page (e.g. docs/accuracy.md) and its confusion SVG')
    .option('--per-image', 'with --json: add every image\'s hand (landmarks) and answers', false)
    .option('--cross <dir>', 'a second folder (other sources): few-shot registered from one set, tested on the other, both ways')
    .option('--sweep', 'also the robustness sweep on the built-in photos (of --cross too)', false)
    .option('--hands-cache <file>', 'reuse the detections stored in this JSON file, or write them there when it does not exist (stale once detect changes: delete it)')
    .option('--sweep-only', 'only the robustness sweep (of --cross too), nothing else', false);
  const opts = parseToolArgs<Omit<EvalArgs, 'ks' | 'peers'> & { k: number[]; peers: EvalArgs['peers'] | false }>(program, argv);
  if (opts.k.length === 0) {
    process.stderr.write('--k takes integers 1–50, e.g. 1,3,5\n');
    process.exit(2);
  }
  return {
    data: resolve(opts.data),
    json: opts.json,
    ks: opts.k,
    seeds: opts.seeds,
    fewShot: opts.fewShot,
    peers: opts.peers === false ? [] : opts.peers,
    out: opts.out === undefined ? undefined : resolve(opts.out),
    perImage: opts.perImage,
    cross: opts.cross === undefined ? undefined : resolve(opts.cross),
    sweep: opts.sweep,
    handsCache: opts.handsCache === undefined ? undefined : resolve(opts.handsCache),
    sweepOnly: opts.sweepOnly,
  };
}

/** `<class>/<image>` under `dir`, files sorted by name within each class. */
function scanData(dir: string): Record<string, string[]> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new EvalInputError(`--data ${dir}: not a folder`);
  const classes: Record<string, string[]> = {};
  for (const cls of readdirSync(dir).sort()) {
    const sub = join(dir, cls);
    if (!statSync(sub).isDirectory()) continue;
    const files = readdirSync(sub).filter((f) => IMAGE.test(f) && statSync(join(sub, f)).isFile()).sort().map((f) => join(sub, f));
    if (files.length > 0) classes[cls] = files;
  }
  if (Object.keys(classes).length === 0) throw new EvalInputError(`--data ${dir}: no <class>/<image> files`);
  return classes;
}

function machineInfo() {
  let lscpu: Record<string, string> = {};
  try {
    const text = execFileSync('lscpu', { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    for (const line of text.split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) lscpu[m[1]!.trim()] = m[2]!.trim();
    }
  } catch {
    lscpu = {};
  }
  const cpu = cpus();
  return {
    cpu: lscpu['Model name'] ?? cpu[0]?.model?.trim() ?? 'unknown',
    cores: Number(lscpu['CPU(s)'] ?? cpu.length),
    threadsPerCore: lscpu['Thread(s) per core'] ? Number(lscpu['Thread(s) per core']) : undefined,
    architecture: lscpu.Architecture ?? process.arch,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

function runHuman(images: readonly string[]): Promise<HumanEvalOutput> {
  return runJsonChild<HumanEvalOutput>('the Human peer', new URL('./human-child.ts', import.meta.url), [], JSON.stringify({ images }));
}

/** One photo through our pipeline. */
interface EvalImage {
  file: string;
  cls: string;
  part: 'A' | 'B';
  ms: number;
  width: number;
  height: number;
  hands: EvalHand[];
  faces: { box: [number, number, number, number]; score: number }[];
  /** The hand with the highest presence: the image's answer. */
  best: EvalHand | null;
  fingerpose?: { gesture: string; raw: string | null; score: number } | null;
  human?: { hands: number; best: ({ label: string; score: number; gestures: string[] } & { gesture: string }) | null; ms: number };
}

/** Runs the whole evaluation and returns the JSON object. `log` gets progress lines. */
export async function runEval(args: EvalArgs, log: (line: string) => void = () => {}) {
  const started = Date.now();
  const { createNodeRecognizer, loadImage, GestureRegistry } = await loadGestureNode('npm run eval');
  const all = scanData(args.data);
  const builtinClasses: string[] = [...[...BUILTIN_CLASSES, ...ADDED_BUILTIN_CLASSES].filter((c) => all[c]), ...(all[NONE] ? [NONE] : [])];
  const otherAll = Object.keys(all).filter((c) => !builtinClasses.includes(c) && c !== NO_GESTURE_CLASS);
  const fewShotClasses = args.fewShot ?? otherAll;
  for (const c of fewShotClasses) if (!all[c]) throw new EvalInputError(`--few-shot: no class folder ${c} in ${args.data}`);
  for (const c of fewShotClasses) if (builtinClasses.includes(c)) throw new EvalInputError(`--few-shot: ${c} is scored as a built-in`);
  const classes = [...builtinClasses, ...fewShotClasses, ...(all[NO_GESTURE_CLASS] ? [NO_GESTURE_CLASS] : [])];
  const crossAll = args.cross ? scanData(args.cross) : {};
  const crossHands: Record<string, EvalHand[]> = {};
  const crossImages: EvalImage[] = [];
  const extraHands: Record<string, EvalHand[]> = {};
  // Best hands of photos with a HANDSHAPE_NOTES entry (another handshape than their class's): left out of the "by handshape" protocols.
  const noted = new Set<EvalHand>();
  const note = (file: string, best: EvalHand | null) => {
    if (best && handshapeNote(file)) noted.add(best);
    return best;
  };
  const unnoted = (hands: readonly EvalHand[]) => hands.filter((h) => !noted.has(h));
  const sweep: { label: string; rows: SweepRow[] }[] = [];

  // 1. Our pipeline on every image: all hands, the best one (highest presence), time per recognize().
  // With --hands-cache, images already in the cache are not detected again (their time is the stored one).
  type Cached = { width: number; height: number; ms: number; hands: EvalHand[]; faces: EvalImage['faces'] };
  const stored = args.handsCache && existsSync(args.handsCache) ? JSON.parse(readFileSync(args.handsCache, 'utf8')) as { backend: Partial<BackendInfo>; detections: Record<string, Cached> } : undefined;
  const cache: Record<string, Cached> = stored?.detections ?? {};
  let recognizer: Awaited<ReturnType<typeof createNodeRecognizer>> | undefined;
  const live = async () => {
    if (!recognizer) {
      recognizer = await createNodeRecognizer();
      const first = all[classes[0] ?? '']?.[0];
      if (first) await recognizer.recognize(await loadImage(first)); // warm-up, untimed
    }
    return recognizer;
  };
  const detect = async (frame: Frame) => (await live()).recognize(frame);
  const detectFile = async (file: string): Promise<Cached> => {
    const hit = cache[file];
    if (hit) return hit;
    const r = await live();
    const frame = await loadImage(file);
    const t = performance.now();
    const detection = await r.recognize(frame);
    const ms = performance.now() - t;
    // Untimed: the same photo as register() reads a frame sample, each hand also read from the photo mirrored.
    const twice = await r.detector.detect(frame, { mode: 'image', mirroredReading: true });
    const hands: EvalHand[] = detection.hands.map((h) => {
      const again = twice.hands.find((o) => o.box.every((v, i) => Math.abs(v - h.box[i]!) < 1e-6))?.mirroredReading;
      return { landmarks: h.landmarks.map((p) => [...p] as typeof p), handedness: h.handedness, presence: h.presence, box: h.box, ...(again ? { mirroredReading: again.map((p) => [...p] as typeof p) } : {}) };
    });
    return (cache[file] = { width: frame.width, height: frame.height, ms, hands, faces: detection.faces });
  };
  const bestOf = (hands: readonly EvalHand[]) => [...hands].sort((a, b) => b.presence - a.presence)[0] ?? null;
  const images: EvalImage[] = [];
  try {
    for (const cls of classes) {
      for (const file of all[cls]!) {
        const { width, height, ms, hands, faces } = await detectFile(file);
        images.push({ file, cls, part: splitPart(file), ms, width, height, hands, faces, best: note(file, bestOf(hands)) });
      }
      log(`ours: ${cls} done (${all[cls]!.length} images)`);
    }
    // Classes of the cross-source protocol that this run does not score otherwise (e.g. `four` left out of --few-shot).
    for (const cls of CROSS_CLASSES.filter((c) => args.cross && all[c] && !classes.includes(c))) {
      for (const file of all[cls]!) {
        const best = note(file, bestOf((await detectFile(file)).hands));
        if (best) (extraHands[cls] ??= []).push(best);
      }
    }
    for (const cls of Object.keys(crossAll)) {
      for (const file of crossAll[cls]!) {
        const { width, height, hands, faces } = await detectFile(file);
        const best = note(file, bestOf(hands));
        crossImages.push({ file, cls, part: splitPart(file), ms: 0, width, height, hands, faces, best });
        if (best && (CROSS_CLASSES as readonly string[]).includes(cls)) (crossHands[cls] ??= []).push(best);
      }
      log(`ours: ${cls} of --cross done`);
    }
    if (args.handsCache && recognizer) writeFileSync(args.handsCache, JSON.stringify({ backend: recognizer.backend, detections: cache }));
    if (args.sweep) {
      const registry = new GestureRegistry();
      const answer = async (encoded: Uint8Array) => {
        const detection = await (await live()).recognize(await loadImage(encoded));
        const best = [...detection.hands].sort((a, b) => b.presence - a.presence)[0];
        return best ? registry.matchInScene(best, detection.faces).gesture : null;
      };
      const gesturePhotos = (list: readonly EvalImage[]) => list.filter((i) => i.cls !== NONE && ([...BUILTIN_CLASSES, ...ADDED_BUILTIN_CLASSES] as readonly string[]).includes(i.cls)).map((i) => ({ file: i.file, cls: i.cls, box: i.best?.box ?? null }));
      sweep.push({ label: basename(args.data), rows: await runSweep(gesturePhotos(images), answer, log) });
      if (crossImages.length) sweep.push({ label: basename(args.cross!), rows: await runSweep(gesturePhotos(crossImages), answer, log) });
    }
  } finally {
    recognizer?.dispose();
  }
  const backend: Partial<BackendInfo> = recognizer?.backend ?? stored?.backend ?? {};

  // 2. Built-ins alone (a registry with no custom gesture).
  const alone = new GestureRegistry({ detect });
  // Each hand in its scene (faces): a resting hand reads none (ignoreRestingHands, the default).
  const inScene = (img: EvalImage, h: EvalHand) => alone.matchInScene({ ...h, box: h.box ?? [0, 0, 0, 0] }, img.faces).gesture;
  const oursAnswer = (img: EvalImage): Answer => ({
    cls: img.cls,
    detected: img.best !== null,
    gesture: img.best ? inScene(img, img.best) : NONE,
    hands: img.hands.length,
    gestures: img.hands.map((h) => inScene(img, h)),
  });
  // The same without the resting check: the other side of the trade.
  const bareAnswer = (img: EvalImage): Answer => ({ ...oursAnswer(img), gesture: img.best ? alone.match(img.best.landmarks, img.best.handedness).gesture : NONE, gestures: img.hands.map((h) => alone.match(h.landmarks, h.handedness).gesture) });
  const resting = restingHands(images.map((img) => ({ cls: img.cls, answers: { gestures: oursAnswer(img).gestures, gesturesNoRestingCheck: bareAnswer(img).gestures } })));
  const inBuiltin = images.filter((i) => builtinClasses.includes(i.cls));
  const inOther = images.filter((i) => !builtinClasses.includes(i.cls) && i.cls !== NO_GESTURE_CLASS);
  const ours = scoreBuiltins(inBuiltin.map(oursAnswer), builtinClasses);
  const oursNoRestingCheck = scoreBuiltins(inBuiltin.map(bareAnswer), builtinClasses).overall;
  const detectionAll = Object.fromEntries(classes.map((cls): [string, Detection] => {
    const mine = images.filter((i) => i.cls === cls);
    const d = mine.filter((i) => i.best).length;
    return [cls, { detected: d, total: mine.length, rate: ratio(d, mine.length) }];
  }));
  // Overall: images that show a hand (every class but `none`).
  const withHand = images.filter((i) => i.cls !== NONE);
  const totalDetected = withHand.filter((i) => i.best).length;

  // The built-in, `none` and `no_gesture` photos of the other set (--cross), scored from one system's
  // answers to every photo there; `bare` are its answers without the resting check (a peer has none: the same answers).
  const crossBuiltinClasses = [...[...BUILTIN_CLASSES, ...ADDED_BUILTIN_CLASSES].filter((c) => crossAll[c]), ...(crossAll[NONE] ? [NONE] : [])];
  const scoreOtherSet = (answers: readonly Answer[], bare: readonly Answer[] = answers): OtherSetScore => {
    const builtins = scoreBuiltins(answers.filter((a) => crossBuiltinClasses.includes(a.cls)), crossBuiltinClasses);
    const withHand = answers.filter((a) => a.cls !== NONE && a.cls !== NO_GESTURE_CLASS);
    return {
      perClass: builtins.perClass, overall: builtins.overall, none: builtins.none.falseGestures,
      resting: restingHands(answers.map((a, i) => ({ cls: a.cls, answers: { gestures: a.gestures, gesturesNoRestingCheck: bare[i]!.gestures } }))),
      detected: { detected: withHand.filter((a) => a.detected).length, total: withHand.length },
    };
  };

  // 3. Few-shot on the other classes, with the test's protocol.
  const found = (cls: string) => images.filter((i) => i.cls === cls && i.best).map((i) => i.best!);
  const builtinHandsB = inBuiltin.filter((i) => i.cls !== NONE && i.best && i.part === 'B').map((i) => [i.cls, i.best!] as const);
  const few = fewShotClasses.length ? await fewShot({ GestureRegistry, detect, found, classes: fewShotClasses, ks: args.ks, seeds: args.seeds, builtinHandsB }) : {};
  // The same without the photos of another handshape than their class's (HANDSHAPE_NOTES), when any is among them.
  const shapedFound = (cls: string) => unnoted(found(cls));
  const fewByHandshape = fewShotClasses.some((c) => found(c).some((h) => noted.has(h))) ? await fewShot({ GestureRegistry, detect, found: shapedFound, classes: fewShotClasses, ks: args.ks, seeds: args.seeds, builtinHandsB }) : undefined;
  log('ours: few-shot done');
  let crossSource: CrossSourceResult | undefined;
  if (args.cross) {
    const here = Object.fromEntries(CROSS_CLASSES.map((c) => [c, extraHands[c] ?? found(c)]));
    const name = (dir: string) => basename(dir);
    const [a, b] = [name(args.data), name(args.cross)];
    const protocols = async (mine: HandsByClass, theirs: HandsByClass) => ({
      directions: [
        { label: `${a} → ${b}`, ...(await fewShotAcross(GestureRegistry, mine, theirs, args.ks, args.seeds)) },
        { label: `${b} → ${a}`, ...(await fewShotAcross(GestureRegistry, theirs, mine, args.ks, args.seeds)) },
      ],
      within: [
        { label: `within ${a}`, ...(await fewShotAcross(GestureRegistry, mine, null, args.ks, args.seeds)) },
        { label: `within ${b}`, ...(await fewShotAcross(GestureRegistry, theirs, null, args.ks, args.seeds)) },
      ],
      claims: [{ label: a, perK: await unregisteredClaims(GestureRegistry, mine, args.ks, args.seeds) }, { label: b, perK: await unregisteredClaims(GestureRegistry, theirs, args.ks, args.seeds) }],
    });
    const { directions: dirs, within, claims } = await protocols(here, crossHands);
    // The same with the photos of another handshape than their class's left out (HANDSHAPE_NOTES), when any were scored.
    const shaped = (set: HandsByClass) => Object.fromEntries(Object.entries(set).map(([c, hands]) => [c, unnoted(hands)]));
    const left = [...images, ...crossImages].filter((i) => i.best && noted.has(i.best) && (CROSS_CLASSES as readonly string[]).includes(i.cls)).map((i) => displayPath(i.file));
    const byHandshape = noted.size > 0 ? { left, ...(await protocols(shaped(here), shaped(crossHands))) } : undefined;
    // Built-ins and resting hands on the other set too, with the same registry (the peers' are added in 4).
    crossSource = { other: args.cross, otherSet: scoreOtherSet(crossImages.map(oursAnswer), crossImages.map(bareAnswer)), directions: dirs, within, claims, ...(byHandshape ? { byHandshape } : {}) };
    log('ours: cross-source done');
  }

  // 4. Peers.
  const extraClassScore = (answers: readonly Answer[], cls: string) => {
    const mine = answers.filter((a) => a.cls === cls);
    const detected = mine.filter((a) => a.detected);
    const correct = detected.filter((a) => a.gesture === cls).length;
    return { correct, detected: detected.length, total: mine.length, accuracyDetected: ratio(correct, detected.length), accuracyAll: ratio(correct, mine.length) };
  };
  /** fingerpose on our hands of one photo; `time` gets the classify time of the answer hand. */
  const fingerposeAnswer = (img: EvalImage, time?: (ms: number) => void): Answer => {
    // Timed: fingerpose on the image's answer hand only (the other hands are for the per-hand counts).
    const t = performance.now();
    const best = img.best ? fingerposeClassify(img.best.landmarks) : null;
    if (img.best) time?.(performance.now() - t);
    const gestures = img.hands.map((h) => (h === img.best ? best!.gesture : fingerposeClassify(h.landmarks).gesture));
    img.fingerpose = best ? { gesture: best.gesture, raw: best.raw, score: best.score } : null;
    return { cls: img.cls, detected: img.best !== null, gesture: best ? best.gesture : NONE, hands: img.hands.length, gestures };
  };
  /** Human's hands of one photo as an answer; its best hand (highest score) is the photo's. */
  const humanAnswer = (img: EvalImage, r: HumanEvalOutput['images'][number]): Answer => {
    const best = [...r.hands].sort((a, b) => b.score - a.score)[0] ?? null;
    img.human = { hands: r.hands.length, best: best ? { ...best, gesture: mapHumanHand(best) } : null, ms: r.ms };
    return { cls: img.cls, detected: best !== null, gesture: best ? mapHumanHand(best) : NONE, hands: r.hands.length, gestures: r.hands.map(mapHumanHand) };
  };
  const scoreFingerpose = () => {
    const fpTimes: number[] = [];
    const answer = (img: EvalImage) => fingerposeAnswer(img, (ms) => fpTimes.push(ms));
    const builtinAnswers = inBuiltin.map(answer);
    const otherAnswers = inOther.map(answer);
    const scored = {
      version: FINGERPOSE_VERSION,
      input: 'our landmarks (same hands as ours)',
      minScore: FINGERPOSE_MIN_SCORE,
      gestures: FINGERPOSE_TO_CLASS,
      descriptionsOurs: ['fist', 'ok', 'palm', 'one'],
      ...scoreBuiltins(builtinAnswers, builtinClasses),
      otherAsBuiltin: otherAsBuiltin(otherAnswers),
      extraClasses: all.thumbs_up && fewShotClasses.includes('thumbs_up') ? { thumbs_up: extraClassScore(otherAnswers, 'thumbs_up') } : {},
      timing: { classifyOnly: summarizeMs(fpTimes) },
    };
    log('fingerpose: done');
    return scored;
  };
  const scoreHuman = async () => {
    log('human: running its hand pipeline in a child process');
    const result = await runHuman(images.map((i) => i.file));
    const answers = images.map((img, i) => humanAnswer(img, result.images[i]!));
    const builtinAnswers = answers.filter((a) => builtinClasses.includes(a.cls));
    const otherAnswers = answers.filter((a) => !builtinClasses.includes(a.cls));
    const scored = {
      version: result.version,
      models: result.models,
      backend: `${result.backend.name}${result.backend.simd ? '-simd' : ''}`,
      input: 'the same image files, its own hand detector and landmarks',
      mapping: HUMAN_RULES,
      detectionAll: Object.fromEntries(classes.map((cls): [string, Detection] => {
        const mine = answers.filter((a) => a.cls === cls);
        const d = mine.filter((a) => a.detected).length;
        return [cls, { detected: d, total: mine.length, rate: ratio(d, mine.length) }];
      })),
      detectionOverall: (() => {
        const mine = answers.filter((a) => a.cls !== NONE);
        const d = mine.filter((a) => a.detected).length;
        return { detected: d, total: mine.length, rate: ratio(d, mine.length) };
      })(),
      ...scoreBuiltins(builtinAnswers, builtinClasses),
      otherAsBuiltin: otherAsBuiltin(otherAnswers),
      extraClasses: all.thumbs_up && fewShotClasses.includes('thumbs_up') ? { thumbs_up: extraClassScore(otherAnswers, 'thumbs_up') } : {},
      timing: summarizeMs(result.images.map((r) => r.ms)),
    };
    log('human: done');
    return scored;
  };
  const fingerpose = args.peers.includes('fingerpose') ? scoreFingerpose() : undefined;
  const human = args.peers.includes('human') ? await scoreHuman() : undefined;
  const peers = { ...(fingerpose ? { fingerpose } : {}), ...(human ? { human } : {}) };
  // The peers on the other set's photos too, scored like ours there.
  if (crossSource && crossImages.length) {
    const there: NonNullable<CrossSourceResult['otherSet']['peers']> = {};
    if (fingerpose) there.fingerpose = scoreOtherSet(crossImages.map((img) => fingerposeAnswer(img)));
    if (human) {
      log('human: the other set');
      const result = await runHuman(crossImages.map((i) => i.file));
      there.Human = scoreOtherSet(crossImages.map((img, i) => humanAnswer(img, result.images[i]!)));
    }
    crossSource.otherSet.peers = there;
  }

  const out = {
    version: 1,
    date: new Date().toISOString(),
    data: args.data,
    options: { ks: args.ks, seeds: args.seeds, peers: args.peers, fewShot: fewShotClasses, fewShotGiven: args.fewShot !== undefined },
    machine: { ...machineInfo(), backend: `${backend.name ?? 'unknown'}${backend.simd ? '-simd' : ''}` },
    classes: { builtin: builtinClasses, fewShot: fewShotClasses, images: Object.fromEntries(classes.map((c) => [c, all[c]!.length])) },
    images: images.length,
    detection: { perClass: detectionAll, overall: { detected: totalDetected, total: withHand.length, rate: ratio(totalDetected, withHand.length) } },
    builtin: { ...ours, otherAsBuiltin: otherAsBuiltin(inOther.map(oursAnswer)), overallNoRestingCheck: oursNoRestingCheck },
    resting,
    fewShot: few,
    ...(fewByHandshape ? { fewShotByHandshape: fewByHandshape } : {}),
    crossSource,
    sweep: sweep.length ? sweep : undefined,
    timing: { recognize: summarizeMs(images.map((i) => i.ms)) },
    peers,
    seconds: (Date.now() - started) / 1000,
    /** With `--per-image` only (left out of the JSON otherwise). */
    perImage: !args.perImage ? undefined : images.map((i) => ({
      file: relative(args.data, i.file), cls: i.cls, part: i.part, ms: i.ms, hands: i.hands.length, best: i.best,
      gesture: i.best ? inScene(i, i.best) : null,
      ...(i.fingerpose !== undefined ? { fingerpose: i.fingerpose } : {}),
      ...(i.human !== undefined ? { human: i.human } : {}),
    })),
  };
  return out;
}

/** What `runEval()` returns: the JSON of `npm run eval -- --json`. */
export type EvalResult = Awaited<ReturnType<typeof runEval>>;
/** What the report tables read of each system's scores. */
type SystemScore = Omit<EvalResult['builtin'], 'overallNoRestingCheck'> & { extraClasses?: Record<string, Counts> };

// ---------------------------------------------------------------- formatting

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)} %`);
const frac = (a: number, b: number) => `${a}/${b}`;
const msf = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(1));
const table = (header: readonly string[], rows: readonly (readonly string[])[]) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function systems(r: EvalResult): [string, SystemScore][] {
  return [['ours', r.builtin], ...(r.peers.fingerpose ? [['fingerpose', r.peers.fingerpose] as [string, SystemScore]] : []), ...(r.peers.human ? [['Human', r.peers.human] as [string, SystemScore]] : [])];
}

/** The report body (markdown), used for stdout and docs/accuracy.md. */
export function formatReport(r: EvalResult, { svgName, command }: { svgName?: string; command?: string } = {}): string {
  const L: string[] = [];
  const sys = systems(r);
  const builtins = r.classes.builtin.filter((c) => c !== NONE);
  const hasNone = r.classes.builtin.includes(NONE);
  L.push(`Data: \`${displayPath(r.data)}\` — ${r.images} images, ${Object.keys(r.classes.images).length} classes. Run ${r.date.slice(0, 10)} on ${r.machine.cpu} (${r.machine.cores} cores, ${r.machine.architecture}), Node ${r.machine.node}, ours on TF.js ${r.machine.backend}; took ${Math.round(r.seconds)} s.`);
  if (command) L.push('', `Command: \`${command}\``);
  if (builtins.length) {
    L.push('', '### Summary', '');
    const det = (n: string) => (n === 'Human' ? r.peers.human!.detectionOverall : r.detection.overall);
    L.push(table(['system', 'hands found (photos with a hand)', 'built-in top-1, detected', 'built-in top-1, all photos', 'macro P / R', ...(hasNone ? ['false gestures on `none`'] : []), ...(r.classes.fewShot.length ? ['other classes read as a built-in'] : []), 'ms / image (median)'], sys.map(([n, s]) => {
      const d = det(n);
      const t = n === 'Human' ? r.peers.human!.timing.medianMs : n === 'ours' ? r.timing.recognize.medianMs : (r.timing.recognize.medianMs ?? 0) + (r.peers.fingerpose!.timing.classifyOnly.medianMs ?? 0);
      return [n, `${frac(d.detected, d.total)} (${pct(d.rate)})${n === 'fingerpose' ? ' (ours)' : ''}`, `${frac(s.overall.correct, s.overall.detected)} (${pct(s.overall.accuracyDetected)})`, `${frac(s.overall.correct, s.overall.total)} (${pct(s.overall.accuracyAll)})`, `${pct(s.macro.precision)} / ${pct(s.macro.recall)}`, ...(hasNone ? [frac(s.none.falseGestures.images, s.none.images)] : []), ...(r.classes.fewShot.length ? [`${frac(s.otherAsBuiltin.asBuiltin, s.otherAsBuiltin.detected)} (${pct(s.otherAsBuiltin.rate)})`] : []), `${msf(t)}${n === 'fingerpose' ? ' (ours + its classify)' : ''}`];
    })));
    const k = Object.values(r.fewShot);
    if (k.length) L.push('', `Few-shot (ours only; no peer learns from examples): ${k.map((f) => `K=${f.k} ${pct(f.mean)} (min ${pct(f.min)})`).join(', ')}, over ${r.options.seeds} seed${r.options.seeds === 1 ? '' : 's'}.`);
  }
  L.push('', '### Hand detection rate per class', '');
  const detHeader = ['class', 'images', 'ours', ...(r.peers.human ? ['Human'] : [])];
  L.push(table(detHeader, Object.entries(r.detection.perClass).map(([c, d]) => [c, String(d.total), `${frac(d.detected, d.total)} (${pct(d.rate)})`, ...(r.peers.human ? [(() => { const h = r.peers.human.detectionAll[c]!; return `${frac(h.detected, h.total)} (${pct(h.rate)})`; })()] : [])])));
  L.push('', `Images that show a hand (every class but \`none\`): ours ${frac(r.detection.overall.detected, r.detection.overall.total)} (${pct(r.detection.overall.rate)})${r.peers.human ? `, Human ${frac(r.peers.human.detectionOverall.detected, r.peers.human.detectionOverall.total)} (${pct(r.peers.human.detectionOverall.rate)})` : ''}. ${r.peers.fingerpose ? 'fingerpose has no detector: it reads our landmarks, so its detection is ours. ' : ''}For \`none\` (no hand in the photo) a detection is a false hand.`);

  if (builtins.length) {
    L.push('', '### Built-in gestures: top-1 accuracy', '');
    L.push('"detected": among images where the system found a hand; "all": every image, a missed hand counted as an error. Built-ins alone (no custom gesture registered).', '');
    const header = ['class', ...sys.flatMap(([n]) => [`${n} detected`, `${n} all`])];
    const rows = builtins.map((c) => [c, ...sys.flatMap(([, s]) => [`${frac(s.perClass[c]!.correct, s.perClass[c]!.detected)} (${pct(s.perClass[c]!.accuracyDetected)})`, pct(s.perClass[c]!.accuracyAll)])]);
    rows.push(['**overall**', ...sys.flatMap(([, s]) => [`**${frac(s.overall.correct, s.overall.detected)} (${pct(s.overall.accuracyDetected)})**`, `**${frac(s.overall.correct, s.overall.total)} (${pct(s.overall.accuracyAll)})**`])]);
    L.push(table(header, rows));

    L.push('', '### Precision and recall', '');
    L.push(`Over every image of ${[...builtins, ...(hasNone ? [NONE] : [])].map((c) => `\`${c}\``).join(', ')}; recall counts a missed hand as an error; precision is "–" when the class was never answered.`, '');
    const prHeader = ['class', ...sys.flatMap(([n]) => [`${n} P`, `${n} R`])];
    const prRows = builtins.map((c) => [c, ...sys.flatMap(([, s]) => [pct(s.precisionRecall[c]!.precision), pct(s.precisionRecall[c]!.recall)])]);
    prRows.push(['macro', ...sys.flatMap(([, s]) => [pct(s.macro.precision), pct(s.macro.recall)])]);
    L.push(table(prHeader, prRows));

    L.push('', '### Confusion matrices', '');
    if (svgName) L.push(`![confusion matrices](${svgName})`, '');
    for (const [n, s] of sys) {
      const { rows, columns, matrix } = s.confusion;
      L.push(`**${n}** (rows: true class, columns: answer)`, '');
      L.push(table(['true \\ answer', ...columns], rows.map((row, i) => [row, ...matrix[i]!.map(String)])), '');
    }
  }
  if (hasNone) {
    if (L[L.length - 1] !== '') L.push('');
    L.push('### False hands and false gestures on `none`', '');
    L.push(table(['system', 'images with a false hand', 'false hands', 'images with a false gesture', 'gestures'], sys.map(([n, s]) => [n, `${frac(s.none.falseHands.images, s.none.images)} (${pct(s.none.falseHands.rate)})`, String(s.none.falseHands.hands), `${frac(s.none.falseGestures.images, s.none.images)} (${pct(s.none.falseGestures.rate)})`, Object.entries(s.none.falseGestures.byGesture).map(([g, k]) => `${g} ×${k}`).join(', ') || '–'])));
    L.push('');
  }
  if (r.resting.images > 0) {
    if (L[L.length - 1] !== '') L.push('');
    L.push('### Resting hands (`no_gesture`): both sides of the trade', '');
    L.push('People with relaxed hands (hanging, on the chest, touching the head): a photo with any hand read as a gesture is a false gesture. Ours reads a resting hand as `none` (`ignoreRestingHands`, the default: fingers hanging down, a hand over the head, or a relaxed open hand or fist on the body seen from the back, placed against the face box).', '');
    const o = r.builtin.overall;
    const bare = r.builtin.overallNoRestingCheck;
    L.push(table(['ours', '`no_gesture` photos giving a gesture', 'built-in top-1, detected'], [
      ['with the resting check (default)', frac(r.resting.withGesture, r.resting.images), `${frac(o.correct, o.detected)} (${pct(o.accuracyDetected)})`],
      ['without it (`ignoreRestingHands: false`)', frac(r.resting.withGestureNoRestingCheck, r.resting.images), `${frac(bare.correct, bare.detected)} (${pct(bare.accuracyDetected)})`],
    ]));
    L.push('');
  }
  if (r.classes.fewShot.length) {
    L.push('### Other classes read as a built-in (open set)', '');
    L.push(`Detected hands of ${r.classes.fewShot.map((c) => `\`${c}\``).join(', ')} with no custom gesture registered: a built-in answer is wrong (they should read \`none\`).`, '');
    L.push(table(['system', 'read as a built-in', 'which'], sys.map(([n, s]) => [n, `${frac(s.otherAsBuiltin.asBuiltin, s.otherAsBuiltin.detected)} (${pct(s.otherAsBuiltin.rate)})`, Object.entries(s.otherAsBuiltin.byGesture).map(([g, k]) => `${g} ×${k}`).join(', ') || '–'])));
    const extra = sys.filter(([, s]) => s.extraClasses && Object.keys(s.extraClasses).length);
    if (extra.length) {
      L.push('', 'Peers\' own `thumbs up` gesture on the `thumbs_up` photos (ours has no built-in thumbs up; see few-shot):', '');
      L.push(table(['system', 'detected', 'all'], extra.map(([n, s]) => { const t = s.extraClasses!.thumbs_up!; return [n, `${frac(t.correct, t.detected)} (${pct(t.accuracyDetected)})`, pct(t.accuracyAll)]; })));
    }
    L.push('', '### Few-shot custom gestures (ours)', '');
    L.push(`Each of ${r.classes.fewShot.map((c) => `\`${c}\``).join(', ')} registered from K detected hands (seeds 1–${r.options.seeds}), the rest scored among all of them plus the built-ins; pooled top-1 over held-out detected hands. No peer learns gestures from examples.`, '');
    const ks = Object.values(r.fewShot);
    L.push(table(['K', 'mean', 'min', 'built-ins with customs (part B): mean', 'min'], ks.map((f) => [String(f.k), pct(f.mean), pct(f.min), pct(f.builtinsWithCustoms?.mean), pct(f.builtinsWithCustoms?.min)])));
    const last = ks[ks.length - 1];
    if (last) {
      L.push('', `Per class at K=${last.k} (all seeds pooled):`, '');
      L.push(table(['class', 'correct', 'rate', 'wrong answers'], Object.entries(last.perClass).map(([c, v]) => [c, frac(v.correct, v.total), pct(v.rate), Object.entries(v.answers ?? {}).filter(([g]) => g !== c).map(([g, n]) => `${g} ×${n}`).join(', ') || '–'])));
    }
    const shaped = r.fewShotByHandshape ? Object.values(r.fewShotByHandshape) : [];
    const shapedLast = shaped[shaped.length - 1];
    if (shapedLast) {
      const perClass = Object.entries(shapedLast.perClass).filter(([c, v]) => v.total !== last?.perClass[c]?.total);
      L.push('', `By handshape (the photos of \`HANDSHAPE_NOTES\` in tools/fixtures.ts left out, see "Few-shot across sources"): ${shaped.map((f) => `K=${f.k} ${pct(f.mean)} (min ${pct(f.min)})`).join(', ')}; built-ins with customs at K=${shapedLast.k} ${pct(shapedLast.builtinsWithCustoms?.mean)} (min ${pct(shapedLast.builtinsWithCustoms?.min)}); ${perClass.map(([c, v]) => `\`${c}\` ${frac(v.correct, v.total)}${Object.entries(v.answers ?? {}).filter(([g]) => g !== c).map(([g, n]) => `, ${g} ×${n}`).join('')}`).join('; ')}.`);
    }
    L.push('');
  }
  if (r.crossSource) L.push(formatCrossSource(r.crossSource), '');
  if (r.sweep) L.push(formatSweep(r.sweep), '');
  L.push('### Time per image', '');
  const timeRows = [['ours: `recognize()` (detector, landmarks, faces; decode excluded)', msf(r.timing.recognize.medianMs), msf(r.timing.recognize.meanMs), msf(r.timing.recognize.p95Ms), String(r.timing.recognize.n)]];
  if (r.peers.fingerpose) { const t = r.peers.fingerpose.timing.classifyOnly; timeRows.push(['fingerpose: classify our landmarks only (no detector)', t.medianMs?.toFixed(3) ?? '–', t.meanMs?.toFixed(3) ?? '–', t.p95Ms?.toFixed(3) ?? '–', String(t.n)]); }
  if (r.peers.human) { const t = r.peers.human.timing; timeRows.push([`Human ${r.peers.human.version}: \`detect()\` hand + gesture`, msf(t.medianMs), msf(t.meanMs), msf(t.p95Ms), String(t.n)]); }
  L.push(table(['what', 'median ms', 'mean ms', 'p95 ms', 'n'], timeRows));
  return L.join('\n');
}

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..' + '/..') ? rel : p;
}

/** The page's account of what was fitted on which photos (issue #14's additions; docs/gestures.md has the rest). */
const FITTED = [
  '- **Built-ins** `thumbs_up`, `thumbs_down`, `call`, `rock` are rules (`packages/core/src/classify/builtin.ts`) written before measuring; `hands/` has photos of `thumbs_up` and `rock` only, and they were checked on its part A. **There are no `thumbs_down` or `call` photos in `hands/`**, so those two have no development photos at all: one condition, `call`\'s thumb, was loosened (from "sticking out" to "not tucked") after seeing 4 of 21 `hands-b/call` photos missed, so `hands-b` is **not** a held-out figure for `call`. No `i_love_you` built-in: there are no photos of it in either set.',
  '- **Built-in reference hands** (used only when a custom gesture and a built-in both claim a hand): part A of each built-in class of `hands/`; `thumbs_down` uses the `thumbs_up` hands turned upside down; `call` has none.',
  '- **Resting hands** (`packages/core/src/classify/resting.ts`): round thresholds set from the geometry they name (fingers 30° below horizontal, a hand centre 0.4 face heights above the face, 0.7 below it, back of the hand to the camera), not fitted; the cues were chosen after looking at the 9 `hands-b/no_gesture` photos that gave a gesture, so **`no_gesture` is not a held-out figure** either. The same rules cost nothing on the gesture photos of `hands/` and one photo (`palm`, a cut-out hand pointing down) on `hands-b/`.',
  '- **Few-shot** (`packages/core/src/classify/sample-model.ts`, `match-vector.ts`, `augment.ts`, `reference-data.ts`; re-chosen for #14 on `hands/` **part A only**, `hands-b/` unseen by every fitted number):',
  '  - **Whitening** (the metric): pooled within-class covariance of part A of every class of `hands/` but `three` (131 hands of 14 classes; `three` left out because 9 of its 15 photos show another handshape than the other 6, the `ok` handshape (see the known limit below): two gestures under one label, not variation within one). Before: part A of the seed five plus **all** of `four` and `asl_digit_6` (their part B included).',
  '  - **Acceptance width** 1.5 for one sample, narrowing as K^-0.15 with K samples (1.18 at K=5), **finger-bend weight** 1.25, **orientation weight** 3: chosen on a grid (width 1–2, shrink 0–0.3, bend weight 1–3, orientation 1.5 or 3) by the best mean of two part-A protocols, (a) `ok`/`one`/`palm`/`peace` registered as customs (no built-ins) from K = 1, 3, 5 hands of one source of part A (sld or subhih) and recognised on the other source, each class also left out in turn and its hands claimed by a custom counted against it above 5 %; (b) the within-set protocols below restricted to part A. One constraint was not part A: the classify test requires the registration report to call `asl_digit_6` confusable with `three` (one handshape, two sources; the first five photos of each class, either part), which ruled out bend weight 1.5 (1.6 points better on the protocols). `tools/eval/fewshot-dev.ts` reruns both protocols for the shipped constants. Before: width 1.25, bend weight 1, orientation 3, picked on grids whose figures covered both sets.',
  '  - **Registration report**: a custom gesture\'s similarity to an existing custom gesture is scored at the one-sample width, whatever K, so the narrowing above does not hide one handshape registered twice.',
  '  - **Views** of each sample turned ±25° about the wrist in 3-D: set a priori and kept (removing them changed nothing on part A\'s within-set protocols, which have too little viewpoint variety to choose them).',
  '  - **Turned around** (2026-12-01): each sample also stands for itself turned half a turn about the image\'s vertical axis, its other side toward the camera (`turnedAround` in `augment.ts`; to the match vector, which never reads the sign of depth, the same as its mirror image). It has no number to fit. **It was not chosen on part A:** it came from looking at why `hands → hands-b` missed MediaPipe\'s own thumbs-up test photo (`hands-b/thumbs_up/mps__gesture_recognizer-android__hand_thumb_up.jpg`: nails forward, fingers pointing right; every `hands/thumbs_up` photo shows the knuckles, fingers pointing left). Part A\'s protocols (`tools/eval/fewshot-dev.ts`) give exactly the same figures with and without it, claims included, so part A neither supports nor refutes it. On `hands-b` it took `hands → hands-b` from 95.7 to 97.1 % at K=1 and K=5 (that photo) and within `hands-b` from 95.2/97.1/95.8 to 96.2/97.8/96.6 % (K=1/3/5); no figure of either set fell and the claims stayed 1.9 % and 0 %. So `hands → hands-b` is not a held-out figure for this one choice.',
  '  - **Two readings of a frame sample** (2026-12-01): `register()` reads each frame sample as it is and mirrored left to right, and keeps the reading nearer the other samples (`agreeingReadings` in `learn.ts`; docs/gestures.md, method step 0); the eval\'s few-shot protocols register the cached hands with their mirrored readings, as `register()` does with photos, and match with one reading, as `recognize()` does. It has no number to fit. **It was not chosen on part A:** it came from the one README-shaped `hands/three` photo (part B) whose folded pinky is read half up, which let `three` claim `four` in the by-handshape claims. Part A\'s protocols (`tools/eval/fewshot-dev.ts`, as labelled and `BY_HANDSHAPE=1`) moved by one hand either way (cross-source K=3 subhih → sld 100 → 99.7 %, six-class K=3 85.5 → 86.4 %), so part A neither supports nor refutes it. With it, the by-handshape claims on `hands` are 2.2 % at K=3 and K=5 (were 20.9 and 27.1 %; 8.4 % at K=1 is unchanged: one sample has no others to agree with); every `hands-b` figure and `hands → hands-b` are unchanged; the as-labelled six-class table fell at K=3/5 (78.3/83.3 → 76.1/80.8 %, all in `three`, whose two handshapes are meant to disagree). So the `hands` claims are not a held-out figure for this one choice.',
  '  - So every few-shot figure on `hands-b/` below is held out: it was scored three times during this work (after the first part-A choice, after the new whitening, after the confusable constraint) and no choice followed from it (the new whitening cost `hands → hands-b` K=5 4–5 points there and was kept), except the turned-around view above. Figures within `hands/` include the part A hands the metric was fitted on, and `hands-b → hands` scores them too.',
  '  - **Known limit, `hands/three` holds two handshapes:** 9 of its 15 photos (8 of them with a hand found) show the middle, ring and pinky fingers up and the thumb holding the index down, the `ok` / ASL-9 handshape, not the README\'s index, middle and ring up with the thumb over the pinky (the other 6, and every `hands-b/three` photo). Found on 2026-12-01 by looking at each photo: of the three raised fingers, the longest (the middle finger) is the one at the end next to the folded finger. The landmark model reads every one of them that way, so the built-in `ok` is right about their shape and keeps them in every protocol that scores `hands/three` (`hands-b → hands`, within `hands`, the six-class table), and `three` samples drawn from them can take real `ok` hands. Until then this page called it a landmark-model failure; it is not. The photos are listed in `HANDSHAPE_NOTES` (tools/fixtures.ts, with the reason), and "Few-shot across sources" also shows every protocol without them ("by handshape").',
].join('\n');

function pageFor(r: EvalResult, svgName: string): string {
  const cmd = ['npm run eval --', ...(r.data !== FIXTURES_DIR ? [`--data ${displayPath(r.data)}`] : []), `--k ${r.options.ks.join(',')}`, `--seeds ${r.options.seeds}`, ...(r.options.fewShotGiven ? [`--few-shot ${r.options.fewShot.join(',')}`] : []), ...(r.crossSource ? [`--cross ${displayPath(r.crossSource.other)}`] : []), ...(r.sweep ? ['--sweep'] : []), ...(r.options.peers.length === 0 ? ['--no-peers'] : r.options.peers.length === 2 ? [] : [`--peers ${r.options.peers.join(',')}`]), '--out docs/accuracy.md'].join(' ');
  const fp = r.peers.fingerpose;
  const human = r.peers.human;
  return `# Accuracy

Per-gesture accuracy of our recognizer on real photos, with two peers scored **on the same photos in the
same run**: [fingerpose](https://github.com/andypotato/fingerpose) (on the same landmarks as ours) and
[@vladmandic/human](https://github.com/vladmandic/human) (its own hand pipeline). Generated by
\`tools/eval/eval.ts\`; do not edit by hand, rerun it.

## Reproduce

\`\`\`sh
npm run build
${cmd}            # this page and ${svgName}
npm run eval -- --json                            # one JSON object with every number below
npm run eval -- --data DIR --no-peers             # any folder laid out as <class>/<image files>
npm run eval -- --no-peers --hands-cache FILE    # detections stored in FILE once, reused after: classification work reruns in seconds
npx tsx tools/eval/fewshot-dev.ts FILE            # the part-A protocols that chose the few-shot constants (FILE from --hands-cache)
BY_HANDSHAPE=1 npx tsx tools/eval/fewshot-dev.ts FILE  # the same without the HANDSHAPE_NOTES photos
\`\`\`

- **Machine** (\`lscpu\`): ${r.machine.cpu}, ${r.machine.cores} CPUs${r.machine.threadsPerCore ? ` (${r.machine.threadsPerCore} thread per core)` : ''}, ${r.machine.architecture}; ${r.machine.platform}, Node ${r.machine.node}.
- **Date:** ${r.date}.
- **Ours:** \`createNodeRecognizer()\` defaults (TF.js ${r.machine.backend}, 1 thread; MediaPipe palm detector + hand landmark **full** model), each image recognised once in image mode (palm-detector crop, then one refinement pass from the landmarks; when the whole frame gives no hand, the detector looks again on the frame with a margin and on each end square of a wide frame, \`retryOnMiss\`, docs/detect.md); the hand with the highest presence is the image's answer. Classification with \`GestureRegistry\` (built-ins alone, or with the few-shot classes registered).
${fp ? `- **fingerpose ${fp.version}:** fed our landmarks for every detected hand. Gestures: its published \`VictoryGesture\` (→ peace) and \`ThumbsUpGesture\` (→ thumbs_up), plus **fist, ok, palm and one descriptions that we wrote** with its documented \`GestureDescription\` API (\`tools/peers/fingerpose-gestures.ts\`; written once from the shapes in docs/gestures.md and not tuned on these photos; fingerpose cannot express "thumb tip touches index tip", so \`ok\` is approximated by curls). Decision: \`estimate(landmarks, ${fp.minScore})\` as in its README, highest score wins, nothing ≥ ${fp.minScore} reads \`none\`.\n` : ''}${human ? `- **@vladmandic/human ${human.version}:** its own pipeline (models ${human.models.join(', ')}, TF.js ${human.backend}) in a child process on the same files, result cache and frame skipping off, \`gesture\` on; its highest-scoring hand is the image's answer, mapped to our classes by the first rule that applies (\`tools/peers/human-mapping.ts\`, fixed before scoring): ${human.mapping.map((m) => `${m.when} → ${m.gesture}`).join('; ')}; anything else (\`middle finger\`, \`<finger> forward\`, other \`<finger> up\`, labels face/tip/pinchtip) → \`none\`. Its \`<finger> up\` strings are positional (the highest finger), so \`index up\` → one is generous to it on some images and wrong on others.\n` : ''}- **Split / what was fitted:** the built-in rule thresholds were checked on part A of fist/ok/palm/one/peace (FNV-1a hash of the file name even); the whitening matrix comes from part A of every class but \`three\`, the built-in reference hands from part A of every built-in class \`hands/\` has (docs/gestures.md). See "What was fitted, and on what" below for the built-ins, resting-hand rules and few-shot constants added in #14, and what of \`hands-b/\` was seen while choosing them. So "built-ins alone" is close to a held-out number (the rules are not fitted), "built-ins with customs" is reported on part B only, and the few-shot classes' part A hands shaped the whitening, so few-shot figures within \`hands/\` are not held out (those on \`hands-b/\` are)${r.options.fewShot.includes('four') || r.options.fewShot.includes('asl_digit_6') ? '' : ' (\`--few-shot\` lists the evaluation classes in the order of the classify test, so its numbers are the ones that test prints)'}.

## What was fitted, and on what

${FITTED}

## Results

${formatReport(r, { svgName })}
`;
}

function textOutput(r: EvalResult): string {
  return `${formatReport(r)}\n`;
}

/** `--sweep-only`: the robustness sweep of the built-in gesture photos (of `--cross` too), and nothing else. */
async function runSweepOnly(args: EvalArgs, log: (line: string) => void): Promise<{ label: string; rows: SweepRow[] }[]> {
  const { createNodeRecognizer, loadImage, GestureRegistry } = await loadGestureNode('npm run eval');
  const recognizer = await createNodeRecognizer();
  const registry = new GestureRegistry();
  const gestures: readonly string[] = [...BUILTIN_CLASSES, ...ADDED_BUILTIN_CLASSES];
  const best = async (input: string | Uint8Array) => {
    const detection = await recognizer.recognize(await loadImage(input));
    return { detection, hand: [...detection.hands].sort((a, b) => b.presence - a.presence)[0] };
  };
  try {
    const sets = [];
    for (const dir of [args.data, ...(args.cross ? [args.cross] : [])]) {
      const photos = [];
      for (const [cls, files] of Object.entries(scanData(dir)).filter(([c]) => gestures.includes(c))) {
        for (const file of files) photos.push({ file, cls, box: (await best(file)).hand?.box ?? null });
      }
      const answer = async (encoded: Uint8Array) => {
        const { detection, hand } = await best(encoded);
        return hand ? registry.matchInScene(hand, detection.faces).gesture : null;
      };
      sets.push({ label: basename(dir), rows: await runSweep(photos, answer, log) });
    }
    return sets;
  } finally {
    recognizer.dispose();
  }
}

async function main() {
  const args = parseArgs(process.argv);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (args.sweepOnly) {
    const sets = await runSweepOnly(args, log);
    process.stdout.write(args.json ? `${JSON.stringify(sets, null, 2)}\n` : `${formatSweep(sets)}\n`);
    return;
  }
  const result = await runEval(args, args.json ? () => {} : log);
  if (args.out) {
    const svgName = `${basename(args.out).replace(/\.md$/i, '')}-confusion.svg`;
    mkdirSync(dirname(args.out), { recursive: true });
    const panels = systems(result).map(([name, s]) => ({ name, subtitle: `top-1 ${pct(s.overall.accuracyDetected)} detected, ${pct(s.overall.accuracyAll)} all`, confusion: s.confusion }));
    writeFileSync(join(dirname(args.out), svgName), confusionSvg(panels));
    writeFileSync(args.out, pageFor(result, svgName));
    if (!args.json) log(`wrote ${relative(process.cwd(), args.out)} and ${svgName}`);
  }
  process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : textOutput(result));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof EvalInputError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(error instanceof EvalInputError ? 2 : 1);
  });
}
