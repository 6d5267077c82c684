// The robustness sweep on part A of hands/ only (hands-b/ is never read), for choosing image-mode
// changes against it (issue #14): caches every detection, then lists the misses per variant.
//
//   npx tsx tools/eval/sweep-dev.ts detect /tmp/sweep-a.json     runs the models (≈ 5 min), stores the detections
//   npx tsx tools/eval/sweep-dev.ts misses /tmp/sweep-a.json     top-1 per variant from the stored detections, and each miss
//
// `misses` classifies again with the built `@gesture/node`, so a classify change is measured
// without running the models again; a detect change needs `detect` again.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadGestureNode } from '../gesture-node';
import { ADDED_BUILTIN_CLASSES, BUILTIN_CLASSES, FIXTURES_DIR, splitPart } from '../fixtures';
import { SWEEP_VARIANTS, makeVariant, type SweepVariant } from './sweep';

type Hand = { landmarks: [number, number, number][]; handedness: 'left' | 'right'; box: [number, number, number, number]; presence: number };
type Entry = { file: string; cls: string; variant: SweepVariant | 'original'; ms: number; hands: Hand[]; faces: { box: [number, number, number, number]; score: number }[] };

const [mode, cacheFile] = process.argv.slice(2);
if ((mode !== 'detect' && mode !== 'misses') || !cacheFile) {
  process.stderr.write('usage: npx tsx tools/eval/sweep-dev.ts detect|misses <cache.json>\n');
  process.exit(2);
}
const node = await loadGestureNode('npx tsx tools/eval/sweep-dev.ts');
const gestures: readonly string[] = [...BUILTIN_CLASSES, ...ADDED_BUILTIN_CLASSES];
const best = (hands: readonly Hand[]) => [...hands].sort((a, b) => b.presence - a.presence)[0];

if (mode === 'detect') {
  const recognizer = await node.createNodeRecognizer();
  const entries: Entry[] = [];
  const run = async (file: string, cls: string, variant: Entry['variant'], input: string | Uint8Array) => {
    const image = await node.loadImage(input);
    const t0 = performance.now();
    const d = await recognizer.recognize(image);
    const ms = performance.now() - t0;
    const entry: Entry = { file, cls, variant, ms, hands: d.hands.map((h) => ({ landmarks: h.landmarks.map((p) => [...p] as [number, number, number]), handedness: h.handedness, box: [...h.box] as Hand['box'], presence: h.presence })), faces: d.faces.map((f) => ({ box: [...f.box] as Hand['box'], score: f.score })) };
    entries.push(entry);
    return entry;
  };
  // SWEEP_DIR lists another set whole (for reporting its misses only: nothing is chosen on it).
  const dir = process.env.SWEEP_DIR ?? FIXTURES_DIR;
  for (const cls of readdirSync(dir).filter((c) => gestures.includes(c)).sort()) {
    for (const name of readdirSync(join(dir, cls)).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort()) {
      const file = join(dir, cls, name);
      if (dir === FIXTURES_DIR && splitPart(file) !== 'A') continue;
      const original = await run(file, cls, 'original', file);
      const box = best(original.hands)?.box ?? null;
      for (const variant of Object.keys(SWEEP_VARIANTS) as SweepVariant[]) {
        const encoded = await makeVariant(file, variant, box);
        if (encoded) await run(file, cls, variant, encoded);
      }
      process.stderr.write(`${cls}/${name}\n`);
    }
  }
  recognizer.dispose();
  writeFileSync(cacheFile, JSON.stringify({ entries }));
} else {
  const { entries } = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Entry[] };
  const registry = new node.GestureRegistry();
  const rows = new Map<string, { photos: Set<string>; found: number; correct: number; misses: string[]; ms: number[] }>();
  for (const e of entries) {
    const row = rows.get(e.variant) ?? { photos: new Set(), found: 0, correct: 0, misses: [], ms: [] };
    rows.set(e.variant, row);
    row.photos.add(e.file);
    row.ms.push(e.ms);
    const hand = best(e.hands);
    if (!hand) continue;
    row.found += 1;
    const match = registry.matchInScene(hand, e.faces);
    if (match.gesture === e.cls) row.correct += 1;
    else {
      const raw = registry.match(hand.landmarks, hand.handedness);
      const top = registry.scores(hand.landmarks, hand.handedness).slice(0, 3).map((g) => `${g.gesture} ${g.score.toFixed(2)}`).join(', ');
      row.misses.push(`${e.cls}/${basename(e.file)} → ${match.gesture}${raw.gesture !== match.gesture ? ` (resting; shape ${raw.gesture})` : ''} [${top}]`);
    }
  }
  const photos = new Set(entries.map((e) => e.file)).size;
  for (const [variant, r] of rows) {
    const ms = [...r.ms].sort((a, b) => a - b)[Math.floor(r.ms.length / 2)] ?? 0;
    process.stdout.write(`${variant}: found ${r.found}/${photos}, top-1 ${r.correct}/${r.found} (${((r.correct / Math.max(1, r.found)) * 100).toFixed(1)} %), median ${ms.toFixed(0)} ms\n`);
    for (const m of r.misses) process.stdout.write(`  ${m}\n`);
  }
}
