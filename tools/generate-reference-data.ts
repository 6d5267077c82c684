// Generates packages/core/src/classify/reference-data.ts: runs the shipped detector over the
// fixture photos, then fits the whitening on the development data and keeps part A of the
// built-in classes as reference hands (see docs/gestures.md, "What was fitted, and on what").
//
//   npx tsx tools/generate-reference-data.ts [fixtures dir]     (default: hands/ of the fixtures)
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { createGestureRecognizer } from '../packages/core/src/recognizer';
import { imageUp, normalizeLandmarks } from '../packages/core/src/classify/normalize';
import { FINGERS, fingerBends, shapeVector } from '../packages/core/src/classify/features';
import { ADDED_BUILTIN_CLASSES, BUILTIN_CLASSES, FIXTURES_DIR, REPO_ROOT, splitPart } from './fixtures';

const fixtures = resolve(process.argv[2] ?? FIXTURES_DIR);
const recognizer = await createGestureRecognizer({ backend: 'wasm', modelBaseUrl: `${join(REPO_ROOT, 'packages/core/models')}/` });
const data: any[] = [];
for (const cls of readdirSync(fixtures).filter((d) => statSync(join(fixtures, d)).isDirectory() && d !== 'LICENSES' && d !== 'none').sort()) {
  for (const f of readdirSync(join(fixtures, cls)).sort()) {
    const { data: pixels, info } = await sharp(join(fixtures, cls, f)).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const detection = await recognizer.recognize({ data: pixels, width: info.width, height: info.height });
    data.push({ file: `${cls}/${f}`, class: cls, hands: detection.hands });
  }
}
recognizer.dispose();
const BUILTIN: readonly string[] = BUILTIN_CLASSES;
const LAM = 0.2, FLOOR = 0.02;
const items = data.filter((o) => o.hands.length).map((o) => {
  const hand = normalizeLandmarks(o.hands[0].landmarks, o.hands[0].handedness)!;
  const curls = FINGERS.map((f) => fingerBends(hand, f).reduce((a, b) => a + b, 0));
  return { cls: o.class as string, part: splitPart(o.file), up: imageUp(o.hands[0].landmarks, o.hands[0].handedness), curls, x: shapeVector(hand) };
});
// The whitening's within-class covariance: part A of every class of hands/ but `three`, whose photos
// show two handshapes (9 of 15 the ok handshape, thumb over the index: HANDSHAPE_NOTES in
// tools/fixtures.ts) and would count two gestures as variation within one.
const dev = items.filter((i) => i.part === 'A' && i.cls !== 'three');
const dim = dev[0]!.x.length;
const cov = Array.from({ length: dim }, () => new Array(dim).fill(0)); let n = 0;
const byc: Record<string, number[][]> = {}; for (const i of dev) (byc[i.cls] ??= []).push(i.x);
for (const list of Object.values(byc)) { const mu = new Array(dim).fill(0); for (const x of list) x.forEach((v, k) => (mu[k] += v / list.length));
  for (const x of list) { const d = x.map((v, k) => v - mu[k]); for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) cov[a]![b] += d[a]! * d[b]!; n++; } }
const S = cov.map((r, a) => r.map((v, b) => (a === b ? Math.max(v / n, FLOOR * FLOOR) : (1 - LAM) * v / n)));
function jacobi(A: number[][]) { const m = A.length; const a = A.map((r) => [...r]); const V: number[][] = a.map((_, i) => a.map((_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) { let off = 0; for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += a[p]![q]! ** 2; if (off < 1e-18) break;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) { const apq = a[p]![q]!; if (Math.abs(apq) < 1e-15) continue; const th = (a[q]![q]! - a[p]![p]!) / (2 * apq); const t = Math.sign(th || 1) / (Math.abs(th) + Math.sqrt(th * th + 1)); const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < m; k++) { const akp = a[k]![p]!, akq = a[k]![q]!; a[k]![p] = c * akp - s * akq; a[k]![q] = s * akp + c * akq; }
      for (let k = 0; k < m; k++) { const apk = a[p]![k]!, aqk = a[q]![k]!; a[p]![k] = c * apk - s * aqk; a[q]![k] = s * apk + c * aqk; }
      for (let k = 0; k < m; k++) { const vkp = V[k]![p]!, vkq = V[k]![q]!; V[k]![p] = c * vkp - s * vkq; V[k]![q] = s * vkp + c * vkq; } } }
  return { values: a.map((r, i) => r[i]!), vectors: V }; }
const { values, vectors } = jacobi(S);
const r = (v: number) => Number(v.toPrecision(5));
// Row j of W: eigenvector j / sqrt(eigenvalue j) / sqrt(dim), so v = W x.
const W = values.map((ev, j) => vectors.map((row) => r(row[j]! / Math.sqrt(Math.max(ev, 1e-9)) / Math.sqrt(dim))));
const proj = (x: number[]) => W.map((row) => row.reduce((s, w, k) => s + w * x[k]!, 0));
// Reference hands: part A of every built-in class hands/ has (the seed five, thumbs_up, rock), as match
// vectors (whitened shape, then orientation). thumbs_down: the thumbs_up hands turned upside down (the
// same canonical shape, image up reversed); call: none (no photos in hands/, so a custom gesture that
// claims a call-shaped hand always wins the arbitration).
const ref = (i: (typeof items)[number], flip = 1) => [...proj(i.x), flip * i.up[0], flip * i.up[1], ...i.curls].map((v) => Number(v.toFixed(4)));
const partA = (b: string) => items.filter((i) => i.cls === b && i.part === 'A');
const ALL = [...BUILTIN, ...ADDED_BUILTIN_CLASSES];
const refs: Record<string, number[][]> = Object.fromEntries(ALL.map((b) => [b, partA(b).map((i) => ref(i))]));
refs.thumbs_down = partA('thumbs_up').map((i) => ref(i, -1));
const counts = ALL.map((b) => `${b} ${refs[b]!.length}`).join(', ');
writeFileSync(join(REPO_ROOT, 'packages/core/src/classify/reference-data.ts'), `// Generated data: do not edit by hand (see docs/gestures.md, "What was fitted, and on what").
import type { BuiltinGestureName } from './types';

/**
 * Whitening of {@link shapeVector} (${dim} × ${dim}; \`v = W x\`): the inverse square root of the pooled
 * within-class covariance of shape vectors, off-diagonal terms shrunk by ${LAM} and variances floored at
 * ${FLOOR}², divided by √${dim}, so that Euclidean distance between whitened vectors is a root-mean-square
 * distance in within-class standard deviations. Fitted on part A of the development photos only
 * (hands/, FNV-1a hash of the file name even): every class but \`three\` (${dev.length} hands of ${new Set(dev.map((i) => i.cls)).size} classes); hands-b/ unseen.
 */
export const SHAPE_WHITENING: readonly (readonly number[])[] = ${JSON.stringify(W)};

/**
 * Match vectors of the built-in gestures' reference hands (${counts}): part A of each
 * built-in class of the fixtures, through the shipped detector (whitened shape vector, then the
 * hand's orientation, then each finger's total bend in radians, both unweighted: referenceVectors() applies
 * ORIENTATION_WEIGHT and CURL_WEIGHT when it loads them, so re-choosing those needs no new data). thumbs_down: the thumbs_up hands turned upside
 * down; call: none (no photos in hands/). Used only to arbitrate when a built-in rule and a custom
 * gesture both claim a hand.
 */
export const BUILTIN_REFERENCES: Readonly<Record<BuiltinGestureName, readonly (readonly number[])[]>> = ${JSON.stringify(refs)};
`);
console.log('dim', dim, counts);
