// The development protocols that chose the few-shot constants (packages/core/src/classify/sample-model.ts, match-vector.ts),
// on part A of hands/ only (hands-b/ is never read): run them again for the shipped constants.
//
//   npm run eval -- --no-peers --hands-cache /tmp/hands.json     once: stores the detections
//   npx tsx tools/eval/fewshot-dev.ts /tmp/hands.json [seeds]       the part-A figures (default 10 seeds)
//   BY_HANDSHAPE=1 npx tsx tools/eval/fewshot-dev.ts /tmp/hands.json  the same without the photos of HANDSHAPE_NOTES
//
// (a) cross-source within part A: ok/one/palm/peace registered (no built-ins active) from K hands of
//     one source (sld or subhih) and recognised on the other source's hands; each class also left
//     out in turn, its hands claimed by a registered one counted (open set);
// (b) the eval's within-one-set protocols restricted to part A: thumbs_up/rock/three/four with the
//     seed five built-ins, the 6-class table (three, asl_digit_0/3/4/7/8) and its claims.
// The constants were the grid point with the best mean of (a) (accuracy minus twice the claims above
// 5 %) and (b) (accuracy, minus penalties for claims above 5 % and built-ins below 98 %).
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { loadGestureNode } from '../gesture-node';
import { BUILTIN_CLASSES, FIXTURES_DIR, handshapeNote, seededRandom, splitPart } from '../fixtures';
import { fewShotAcross, unregisteredClaims } from './cross-source';
import { fewShot, type EvalHand } from './metrics';

const [cacheFile, seedsArg] = process.argv.slice(2);
if (!cacheFile) {
  process.stderr.write('usage: npx tsx tools/eval/fewshot-dev.ts <hands cache from npm run eval -- --hands-cache FILE> [seeds]\n');
  process.exit(2);
}
const seeds = Number(seedsArg ?? 10);
// BY_HANDSHAPE=1 leaves out the photos whose handshape is not their class's (HANDSHAPE_NOTES), as the eval's "by handshape" rows do.
const byHandshape = process.env.BY_HANDSHAPE === '1';
const { GestureRegistry } = await loadGestureNode('npx tsx tools/eval/fewshot-dev.ts');
const { detections } = JSON.parse(readFileSync(cacheFile, 'utf8')) as { detections: Record<string, { hands: EvalHand[] }> };
/** Part A of hands/: the best hand of each photo by class, files sorted; `source` keeps only files of that source prefix. */
function partA(source?: string): Record<string, EvalHand[]> {
  const out: Record<string, EvalHand[]> = {};
  for (const file of Object.keys(detections).sort()) {
    if (dirname(dirname(file)) !== FIXTURES_DIR || splitPart(file) !== 'A' || (byHandshape && handshapeNote(file)) || (source && !basename(file).startsWith(`${source}__`))) continue;
    const best = [...detections[file]!.hands].sort((a, b) => b.presence - a.presence)[0];
    if (best) (out[basename(dirname(file))] ??= []).push(best);
  }
  return out;
}
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)} %`);
const A = partA();
const lines: string[] = [`part A of ${FIXTURES_DIR}${byHandshape ? ' by handshape (HANDSHAPE_NOTES left out)' : ''}, ${seeds} seeds`];

// (a)
const seedFive = ['ok', 'one', 'palm', 'peace'];
const bySource = (s: string) => Object.fromEntries(Object.entries(partA(s)).filter(([c]) => seedFive.includes(c)));
const [sld, subhih] = [bySource('sld'), bySource('subhih')];
for (const k of [1, 3, 5]) {
  for (const [label, from, to] of [['sld → subhih', sld, subhih], ['subhih → sld', subhih, sld]] as const) {
    let correct = 0, tests = 0, claimed = 0, heldTests = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const random = seededRandom(seed * 7919 + k);
      const samples = Object.fromEntries(Object.entries(from).map(([c, hands]) => [c, hands.map((h) => [random(), h] as const).sort((x, y) => x[0] - y[0]).map(([, h]) => h).slice(0, k)]));
      const register = async (skip?: string) => {
        const registry = new GestureRegistry({ builtins: [] });
        for (const [c, hands] of Object.entries(samples)) if (c !== skip) await registry.register(`custom_${c}`, hands);
        return registry;
      };
      const all = await register();
      for (const [c, hands] of Object.entries(to)) for (const h of hands) {
        tests += 1;
        if (all.match(h.landmarks, h.handedness).gesture === `custom_${c}`) correct += 1;
      }
      for (const held of Object.keys(samples)) {
        const others = await register(held);
        for (const h of to[held] ?? []) {
          heldTests += 1;
          if (others.match(h.landmarks, h.handedness).gesture !== 'none') claimed += 1;
        }
      }
    }
    lines.push(`(a) K=${k} ${label}: ${pct(correct / tests)} of ${tests}; unregistered claimed ${pct(claimed / heldTests)} of ${heldTests}`);
  }
}
// (b)
const within = await fewShotAcross(GestureRegistry, A, null, [1, 3], seeds);
lines.push(`(b) within part A (${within.classes.join(', ')}): ${within.runs.map((r) => `K=${r.k} ${pct(r.mean)}`).join(', ')}`);
const builtinA = BUILTIN_CLASSES.flatMap((c) => (A[c] ?? []).map((h) => [c, h] as const));
const digits = await fewShot({ GestureRegistry, detect: undefined, found: (c) => A[c] ?? [], classes: ['three', 'asl_digit_0', 'asl_digit_3', 'asl_digit_4', 'asl_digit_7', 'asl_digit_8'], ks: [1, 3], seeds, builtinHandsB: builtinA });
lines.push(`(b) 6 classes with the 5 built-ins, part A: ${Object.values(digits).map((r) => `K=${r.k} ${pct(r.mean)} (built-ins of part A with them: ${pct(r.builtinsWithCustoms?.mean)})`).join(', ')}`);
const claims = await unregisteredClaims(GestureRegistry, A, [1, 3], seeds);
lines.push(`(b) unregistered claimed, part A: ${claims.map((c) => `K=${c.k} ${c.claimed}/${c.hands}`).join(', ')}`);
process.stdout.write(`${lines.join('\n')}\n`);
