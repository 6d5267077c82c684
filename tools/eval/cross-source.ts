// Cross-source few-shot, open-set claims and resting hands for `npm run eval` (issue #14): pure
// functions over the hands the eval found (no models here).
import type { GestureRegistry } from '@gesture/node';
import { BUILTIN_CLASSES, seededRandom } from '../fixtures';
import { mean, ratio, type EvalHand } from './metrics';

/**
 * The classes registered as custom gestures in the cross-source protocol, with only the seed five
 * built-ins active (issue #14): MediaPipe's and HaGRID's four plus three and four.
 */
export const CROSS_CLASSES = ['thumbs_up', 'thumbs_down', 'call', 'rock', 'three', 'four'] as const;

/** People with relaxed hands: no photo of it should give a gesture. */
export const NO_GESTURE_CLASS = 'no_gesture';

/** Detected best hands per class, files sorted by name. */
export type HandsByClass = Readonly<Record<string, readonly EvalHand[]>>;

/** One K of a few-shot run: pooled top-1 per seed, its mean and min, and per class (seeds pooled). */
export interface FewShotRun {
  k: number;
  mean: number | null;
  min: number | null;
  perClass: Record<string, { correct: number; total: number; rate: number | null; answers: Record<string, number> }>;
}

type Registry = typeof GestureRegistry;

/** Registers `classes` from K seeded samples each of `from` (seed five built-ins only); returns the registry and the hands not drawn. */
async function registerK(Registry: Registry, from: HandsByClass, classes: readonly string[], k: number, seed: number) {
  const random = seededRandom(seed * 7919 + k);
  const registry = new Registry({ builtins: [...BUILTIN_CLASSES] });
  const rest: Record<string, EvalHand[]> = {};
  for (const cls of classes) {
    const shuffled = (from[cls] ?? []).map((h) => [random(), h] as const).sort((a, b) => a[0] - b[0]).map(([, h]) => h);
    if (shuffled.length <= k) continue;
    await registry.register(cls, shuffled.slice(0, k));
    rest[cls] = shuffled.slice(k);
  }
  return { registry, rest };
}

/**
 * Few-shot top-1: the classes of {@link CROSS_CLASSES} present in `from` (and in `to` when given)
 * registered from K hands of `from`; scored on every hand of those classes in `to`, or, without
 * `to`, on the hands of `from` not drawn (within one set).
 */
export async function fewShotAcross(Registry: Registry, from: HandsByClass, to: HandsByClass | null, ks: readonly number[], seeds: number): Promise<{ classes: string[]; runs: FewShotRun[] }> {
  const classes = CROSS_CLASSES.filter((c) => (from[c]?.length ?? 0) > 1 && (!to || (to[c]?.length ?? 0) > 0));
  const runs: FewShotRun[] = [];
  for (const k of ks) {
    const perSeed: number[] = [];
    const perClass: FewShotRun['perClass'] = Object.fromEntries(classes.map((c) => [c, { correct: 0, total: 0, rate: null, answers: {} }]));
    for (let seed = 1; seed <= seeds; seed++) {
      const { registry, rest } = await registerK(Registry, from, classes, k, seed);
      let correct = 0;
      let total = 0;
      for (const cls of classes) {
        for (const h of to ? to[cls]! : rest[cls] ?? []) {
          const { gesture } = registry.match(h.landmarks, h.handedness);
          const row = perClass[cls]!;
          row.total += 1;
          row.answers[gesture] = (row.answers[gesture] ?? 0) + 1;
          total += 1;
          if (gesture === cls) {
            row.correct += 1;
            correct += 1;
          }
        }
      }
      if (total > 0) perSeed.push(correct / total);
    }
    for (const row of Object.values(perClass)) row.rate = ratio(row.correct, row.total);
    runs.push({ k, mean: mean(perSeed), min: perSeed.length ? Math.min(...perSeed) : null, perClass });
  }
  return { classes, runs };
}

/**
 * Open set: for each class of {@link CROSS_CLASSES} in `set`, the others are registered (K samples
 * each) and its hands scored; a hand claimed by a custom gesture is an error. Pooled over classes
 * and seeds.
 */
export async function unregisteredClaims(Registry: Registry, set: HandsByClass, ks: readonly number[], seeds: number) {
  const classes = CROSS_CLASSES.filter((c) => (set[c]?.length ?? 0) > 1);
  return Promise.all(ks.map(async (k) => {
    let claimed = 0;
    let hands = 0;
    const byGesture: Record<string, number> = {};
    for (let seed = 1; seed <= seeds; seed++) {
      for (const held of classes) {
        const { registry } = await registerK(Registry, set, classes.filter((c) => c !== held), k, seed);
        for (const h of set[held]!) {
          hands += 1;
          const { gesture } = registry.match(h.landmarks, h.handedness);
          if (gesture !== 'none' && !(BUILTIN_CLASSES as readonly string[]).includes(gesture)) {
            claimed += 1;
            byGesture[`${held} → ${gesture}`] = (byGesture[`${held} → ${gesture}`] ?? 0) + 1;
          }
        }
      }
    }
    return { k, claimed, hands, rate: ratio(claimed, hands), byGesture };
  }));
}

/** `no_gesture` photos: how many give any gesture (any hand, resting check on and off). */
export function restingHands(images: readonly { cls: string; answers: { gestures: string[]; gesturesNoRestingCheck: string[] } }[]) {
  const mine = images.filter((i) => i.cls === NO_GESTURE_CLASS);
  const withGesture = (key: 'gestures' | 'gesturesNoRestingCheck') => mine.filter((i) => i.answers[key].some((g) => g !== 'none')).length;
  return { images: mine.length, withGesture: withGesture('gestures'), withGestureNoRestingCheck: withGesture('gesturesNoRestingCheck') };
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)} %`);
const table = (header: readonly string[], rows: readonly (readonly string[])[]) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** One system's built-ins, `none` and resting hands on the other set. */
export interface OtherSetScore {
  perClass: Record<string, { correct: number; detected: number; total: number; accuracyDetected: number | null }>;
  overall: { correct: number; detected: number; total: number; accuracyDetected: number | null };
  none: { images: number; rate: number | null };
  resting: ReturnType<typeof restingHands>;
  /** Photos showing a gesture (not `none`, not `no_gesture`) where a hand was found. */
  detected: { detected: number; total: number };
}

/** The cross-source part of the eval, as it appears in the JSON. */
export interface CrossSourceResult {
  other: string;
  /** The built-ins (and resting hands) on the other set, scored like the main set's; `peers` the same for each peer scored. */
  otherSet: OtherSetScore & { peers?: Partial<Record<'fingerpose' | 'Human', OtherSetScore>> };
  directions: Protocol[];
  within: Protocol[];
  claims: Claims[];
  /**
   * The same protocols with the photos of another handshape than their class's left out
   * (`HANDSHAPE_NOTES` in tools/fixtures.ts; `left` lists them); absent when none was scored.
   */
  byHandshape?: { left: string[]; directions: Protocol[]; within: Protocol[]; claims: Claims[] };
}

type Protocol = { label: string; classes: string[]; runs: FewShotRun[] };
type Claims = { label: string; perK: Awaited<ReturnType<typeof unregisteredClaims>> };

/** Markdown for the cross-source part: summary per direction and K, then per-class tables. */
export function formatCrossSource(r: CrossSourceResult): string {
  const o = r.otherSet;
  const peers = Object.entries(o.peers ?? {});
  const L: string[] = [`### Built-ins on the other set (\`${r.other.split('/').pop()}\`${peers.length ? `, ours and ${peers.map(([n]) => n).join(', ')}` : ', ours'})`, ''];
  L.push(`Same registry and resting check as above; hands found on its gesture photos: ${o.detected.detected}/${o.detected.total} (${pct(ratio(o.detected.detected, o.detected.total))}); \`none\` photos with a gesture: ${o.none.images}; \`no_gesture\` photos giving a gesture: ${o.resting.withGesture}/${o.resting.images} (${o.resting.withGestureNoRestingCheck}/${o.resting.images} without the resting check).`, '');
  if (peers.length) {
    L.push('Each peer on the same photos, read as on the main set (fingerpose on our hands, Human with its own pipeline; neither has a resting check, and a class it has no gesture for counts as wrong):', '');
    L.push(table(['system', 'hands found (gesture photos)', 'built-ins top-1, detected', '`none` photos with a gesture', '`no_gesture` photos with a gesture'], [['ours', o] as const, ...peers].map(([n, p]) => [n, `${p.detected.detected}/${p.detected.total} (${pct(ratio(p.detected.detected, p.detected.total))})`, `${p.overall.correct}/${p.overall.detected} (${pct(p.overall.accuracyDetected)})`, String(p.none.images), `${p.resting.withGesture}/${p.resting.images}`])), '');
  }
  const systems = [['ours', o] as const, ...peers];
  const cell = (v: { correct: number; detected: number; total: number; accuracyDetected: number | null } | undefined) => (v ? [`${v.correct}/${v.detected} (${pct(v.accuracyDetected)})`, `${v.correct}/${v.total}`] : ['–', '–']);
  const header = peers.length ? ['class', ...systems.flatMap(([n]) => [`${n} detected`, `${n} all`])] : ['class', 'detected', 'all'];
  L.push(table(header, [...Object.keys(o.perClass).map((c) => [c, ...systems.flatMap(([, p]) => cell(p.perClass[c]))]), ['**overall**', ...systems.flatMap(([, p]) => cell(p.overall).map((x) => `**${x}**`))]]));
  L.push('', '### Few-shot across sources (ours)', '');
  L.push(`Only the seed five built-ins active; ${CROSS_CLASSES.map((c) => `\`${c}\``).join(', ')} registered as custom gestures from K detected hands of one set (those it has), scored on every detected hand of the same classes in the other set ("A → B"), or on the rest of the same set ("within"). Pooled top-1 per seed; mean and min over seeds.`, '');
  L.push(...protocolTables(r));
  const shaped = r.byHandshape;
  if (shaped) {
    L.push('', '#### The same by handshape', '');
    L.push(`The ${shaped.left.length} detected photos below show another handshape than their class folder's README gives (\`HANDSHAPE_NOTES\` in tools/fixtures.ts: found by looking at the photos, not from our landmarks). They are left out of samples and tests here; everything else is as above.`, '');
    L.push(...shaped.left.map((f) => `- \`${f}\``), '');
    L.push(...protocolTables(shaped));
  }
  return L.join('\n');
}

/** The summary table, the claims table and the per-class tables of one set of few-shot protocols. */
function protocolTables(r: { directions: Protocol[]; within: Protocol[]; claims: Claims[] }): string[] {
  const L: string[] = [];
  const all = [...r.directions, ...r.within];
  L.push(table(['protocol', 'classes', ...all[0]!.runs.map((run) => `K=${run.k} mean (min)`)], all.map((d) => [d.label, d.classes.join(', '), ...d.runs.map((run) => `${pct(run.mean)} (${pct(run.min)})`)])));
  L.push('', 'Unregistered gestures claimed by a custom (each class of the list left out in turn, the others registered; a claim is any custom answer):', '');
  L.push(table(['set', ...r.claims[0]!.perK.map((c) => `K=${c.k}`), 'which (largest K)'], r.claims.map((c) => [c.label, ...c.perK.map((p) => `${p.claimed}/${p.hands} (${pct(p.rate)})`), Object.entries(c.perK[c.perK.length - 1]!.byGesture).map(([g, n]) => `${g} ×${n}`).join(', ') || '–'])));
  for (const d of all) {
    const last = d.runs[d.runs.length - 1]!;
    L.push('', `Per class, ${d.label}, K=${last.k} (seeds pooled; answers other than the class in brackets):`, '');
    L.push(table(['class', 'correct', 'rate', 'wrong answers'], Object.entries(last.perClass).map(([c, v]) => [c, `${v.correct}/${v.total}`, pct(v.rate), Object.entries(v.answers).filter(([g]) => g !== c).map(([g, n]) => `${g} ×${n}`).join(', ') || '–'])));
  }
  return L;
}
