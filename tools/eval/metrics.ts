// Scoring for `npm run eval`: pure functions over per-image answers (no models here).
import type { GestureRegistry, Handedness, HandLandmarks } from '@gesture/node';
import { summarize } from '../../packages/node/src/stats';
import { BUILTIN_CLASSES, seededRandom } from '../fixtures';

export { BUILTIN_CLASSES };
export const NONE = 'none';
export const NO_HAND = 'no hand';

/** One system's answer for one image. */
export interface Answer {
  cls: string;
  /** Whether a hand was found. */
  detected: boolean;
  /** The answer for the image's best hand (`none` when it matches nothing). */
  gesture: string;
  /** How many hands were found. */
  hands: number;
  /** The answers for all of them. */
  gestures: string[];
}

/** A hand as the eval keeps it. */
export interface EvalHand {
  landmarks: HandLandmarks;
  handedness: Handedness;
  presence: number;
  /** The hand's box in image pixels (for the resting check against the faces). */
  box?: [number, number, number, number];
  /** The hand read again from the photo mirrored, as `register()` reads a frame sample: few-shot registration uses it, matching does not. */
  mirroredReading?: HandLandmarks;
}

export interface Counts { correct: number; detected: number; total: number; accuracyDetected: number | null; accuracyAll: number | null }
export interface Detection { detected: number; total: number; rate: number | null }
export interface Confusion { rows: string[]; columns: string[]; matrix: number[][] }
export type NoneStats = ReturnType<typeof noneStats>;
export type OtherAsBuiltin = ReturnType<typeof otherAsBuiltin>;
export type Scored = ReturnType<typeof scoreBuiltins>;

export const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
export const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Median, mean, p95 and count of timings (ms), `null` where there are none: `summarize()` of @gesture/node plus the mean. */
export function summarizeMs(samples: readonly number[]): { medianMs: number | null; meanMs: number | null; p95Ms: number | null; n: number } {
  const { medianMs, p95Ms, n } = summarize(samples);
  const orNull = (v: number) => (Number.isNaN(v) ? null : v);
  return { medianMs: orNull(medianMs), meanMs: mean(samples), p95Ms: orNull(p95Ms), n };
}

/**
 * Scores one system's answers on the built-in-named classes.
 *
 * `answers`: one per image, `{ cls, detected, gesture, hands, gestures }` — `gesture` is the answer
 * for the image's best hand ('none' when it matches nothing), `hands` the number of hands found,
 * `gestures` the answers for all of them. `classes`: the built-in classes present (plus `none` if present).
 */
export function scoreBuiltins(answers: readonly Answer[], classes: readonly string[]) {
  const builtins = classes.filter((c) => c !== NONE);
  const rows = [...classes];
  const predicted = new Set<string>();
  for (const a of answers) if (a.detected && a.gesture !== NONE) predicted.add(a.gesture);
  const extras = [...predicted].filter((g) => !builtins.includes(g)).sort();
  const columns = [...builtins, ...extras, NONE, NO_HAND];
  const matrix = rows.map(() => columns.map(() => 0));
  const detection: Record<string, Detection> = {};
  const perClass: Record<string, Counts> = {};
  for (const [r, cls] of rows.entries()) {
    const mine = answers.filter((a) => a.cls === cls);
    const detected = mine.filter((a) => a.detected);
    for (const a of mine) matrix[r]![columns.indexOf(a.detected ? a.gesture : NO_HAND)]! += 1;
    detection[cls] = { detected: detected.length, total: mine.length, rate: ratio(detected.length, mine.length) };
    if (cls !== NONE) {
      const correct = detected.filter((a) => a.gesture === cls).length;
      perClass[cls] = { correct, detected: detected.length, total: mine.length, accuracyDetected: ratio(correct, detected.length), accuracyAll: ratio(correct, mine.length) };
    }
  }
  const sum = (key: 'correct' | 'detected' | 'total') => builtins.reduce((a, c) => a + perClass[c]![key], 0);
  const totals = { correct: sum('correct'), detected: sum('detected'), total: sum('total') };
  const overall: Counts = { ...totals, accuracyDetected: ratio(totals.correct, totals.detected), accuracyAll: ratio(totals.correct, totals.total) };

  // Precision / recall per built-in over every built-in-named image (none included): recall counts a
  // missed detection as an error; precision is null when the class was never predicted.
  const precisionRecall: Record<string, { tp: number; fp: number; fn: number; precision: number | null; recall: number | null; f1: number | null }> = {};
  for (const cls of builtins) {
    const col = columns.indexOf(cls);
    const tp = matrix[rows.indexOf(cls)]![col]!;
    const predictedN = matrix.reduce((a, row) => a + row[col]!, 0);
    const actual = perClass[cls]!.total;
    const precision = ratio(tp, predictedN);
    const recall = ratio(tp, actual);
    precisionRecall[cls] = { tp, fp: predictedN - tp, fn: actual - tp, precision, recall, f1: precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null };
  }
  const macro = (k: 'precision' | 'recall' | 'f1') => mean(builtins.map((c) => precisionRecall[c]![k]).filter((v): v is number => v !== null));
  const none = noneStats(answers.filter((a) => a.cls === NONE));
  return {
    detection,
    perClass,
    overall,
    precisionRecall,
    macro: { precision: macro('precision'), recall: macro('recall'), f1: macro('f1') },
    confusion: { rows, columns, matrix } as Confusion,
    none,
  };
}

/** False hands and false gestures on images of people with no hand shown (`none`). */
export function noneStats(answers: readonly Answer[]) {
  const withHand = answers.filter((a) => a.hands > 0);
  const withGesture = answers.filter((a) => a.gestures.some((g) => g !== NONE));
  const byGesture: Record<string, number> = {};
  for (const a of answers) for (const g of a.gestures) if (g !== NONE) byGesture[g] = (byGesture[g] ?? 0) + 1;
  return {
    images: answers.length,
    falseHands: { images: withHand.length, hands: answers.reduce((s, a) => s + a.hands, 0), rate: ratio(withHand.length, answers.length) },
    falseGestures: { images: withGesture.length, byGesture, rate: ratio(withGesture.length, answers.length) },
  };
}

/** How often images of the other (non-built-in) classes come out as one of the built-ins, per system. */
export function otherAsBuiltin(answers: readonly Answer[]) {
  const detected = answers.filter((a) => a.detected);
  const asBuiltin = detected.filter((a) => (BUILTIN_CLASSES as readonly string[]).includes(a.gesture));
  const byGesture: Record<string, number> = {};
  for (const a of asBuiltin) byGesture[a.gesture] = (byGesture[a.gesture] ?? 0) + 1;
  return { detected: detected.length, asBuiltin: asBuiltin.length, byGesture, rate: ratio(asBuiltin.length, detected.length) };
}

/**
 * The few-shot protocol of packages/core/src/__tests__/classify-accuracy.test.ts: for each K and
 * seed, one generator `seededRandom(seed * 7919 + K)` shuffles each class's detected hands in `classes`
 * order (files sorted by name), the first K are registered, the rest are scored with `match()`
 * among all registered classes plus the built-ins; accuracy is pooled over the held-out hands.
 * With built-in classes present, their part-B hands are scored too ("built-ins with customs").
 */
export interface FewShotOptions {
  /** The registry class (of the built @gesture/node). */
  GestureRegistry: typeof GestureRegistry;
  detect: NonNullable<ConstructorParameters<typeof GestureRegistry>[0]>['detect'];
  /** The detected hands of a class, files sorted by name. */
  found: (cls: string) => EvalHand[];
  classes: readonly string[];
  ks: readonly number[];
  seeds: number;
  /** Part-B hands of the built-in classes, scored with the customs registered. */
  builtinHandsB: readonly (readonly [string, EvalHand])[];
}

/** What `fewShot()` reports for one K. */
export interface FewShotK {
  k: number;
  mean: number | null;
  min: number | null;
  perSeed: (number | null)[];
  /** Per class, seeds pooled; `answers` counts every answer given (the class itself included). */
  perClass: Record<string, { correct: number; total: number; rate: number | null; answers: Record<string, number> }>;
  builtinsWithCustoms: { mean: number | null; min: number; hands: number } | null;
  skipped: string[];
}

export async function fewShot({ GestureRegistry, detect, found, classes, ks, seeds, builtinHandsB }: FewShotOptions): Promise<Record<string, FewShotK>> {
  const perK: Record<string, FewShotK> = {};
  for (const k of ks) {
    const perSeed: (number | null)[] = [];
    const byClass = Object.fromEntries(classes.map((c) => [c, { correct: 0, total: 0, answers: {} as Record<string, number> }]));
    const builtinsWithCustoms: number[] = [];
    const skipped = new Set<string>();
    for (let seed = 1; seed <= seeds; seed++) {
      const random = seededRandom(seed * 7919 + k);
      const registry = new GestureRegistry({ detect });
      const tests: [string, EvalHand][] = [];
      for (const cls of classes) {
        const shuffled = found(cls).map((h) => [random(), h] as const).sort((a, b) => a[0] - b[0]).map(([, h]) => h);
        if (shuffled.length === 0) {
          skipped.add(cls);
          continue;
        }
        await registry.register(cls, shuffled.slice(0, k));
        for (const h of shuffled.slice(k)) tests.push([cls, h]);
      }
      let correct = 0;
      for (const [cls, h] of tests) {
        const { gesture } = registry.match(h.landmarks, h.handedness);
        const ok = gesture === cls;
        byClass[cls]!.answers[gesture] = (byClass[cls]!.answers[gesture] ?? 0) + 1;
        correct += ok ? 1 : 0;
        byClass[cls]!.correct += ok ? 1 : 0;
        byClass[cls]!.total += 1;
      }
      perSeed.push(ratio(correct, tests.length));
      if (builtinHandsB.length > 0) {
        const ok = builtinHandsB.filter(([cls, h]) => registry.match(h.landmarks, h.handedness).gesture === cls).length;
        builtinsWithCustoms.push(ok / builtinHandsB.length);
      }
    }
    const valid = perSeed.filter((v): v is number => v !== null);
    perK[k] = {
      k,
      mean: mean(valid),
      min: valid.length ? Math.min(...valid) : null,
      perSeed,
      perClass: Object.fromEntries(Object.entries(byClass).map(([c, v]) => [c, { ...v, rate: ratio(v.correct, v.total) }])),
      builtinsWithCustoms: builtinsWithCustoms.length ? { mean: mean(builtinsWithCustoms), min: Math.min(...builtinsWithCustoms), hands: builtinHandsB.length } : null,
      skipped: [...skipped],
    };
  }
  return perK;
}

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Confusion matrices as one plain SVG: a panel per system, rows = true class, columns = answer,
 * cells shaded by the share of the row.
 */
export function confusionSvg(panels: readonly { name: string; subtitle?: string; confusion: Confusion }[], { title = 'Built-in gestures: confusion matrices (rows: true class, columns: answer; counts, shade = share of row)' }: { title?: string } = {}): string {
  const cell = 34;
  const labelW = 70;
  const headH = 78;
  const gap = 40;
  const widths = panels.map((p) => labelW + p.confusion.columns.length * cell);
  const width = widths.reduce((a, w) => a + w + gap, gap);
  const height = 40 + headH + Math.max(...panels.map((p) => p.confusion.rows.length)) * cell + 40;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${gap}" y="20" font-size="13" font-weight="bold">${esc(title)}</text>`);
  let x0 = gap;
  for (const [i, p] of panels.entries()) {
    const { rows, columns, matrix } = p.confusion;
    const top = 40 + headH;
    out.push(`<text x="${x0}" y="${40 + 12}" font-size="12" font-weight="bold">${esc(p.name)}</text>`);
    if (p.subtitle) out.push(`<text x="${x0}" y="${40 + 26}" font-size="10" fill="#555">${esc(p.subtitle)}</text>`);
    for (const [c, col] of columns.entries()) {
      const cx = x0 + labelW + c * cell + cell / 2;
      out.push(`<text x="${cx}" y="${top - 6}" transform="rotate(-45 ${cx} ${top - 6})" font-size="10">${esc(col)}</text>`);
    }
    for (const [r, row] of rows.entries()) {
      const y = top + r * cell;
      const total = matrix[r]!.reduce((a, b) => a + b, 0);
      out.push(`<text x="${x0 + labelW - 6}" y="${y + cell / 2 + 4}" text-anchor="end">${esc(row)}</text>`);
      for (const [c, col] of columns.entries()) {
        const v = matrix[r]![c]!;
        const share = total ? v / total : 0;
        const right = col === row || (row === NONE && (col === NONE || col === NO_HAND));
        const [h, s] = right ? [140, 55] : [5, 75];
        const fill = v === 0 ? '#f6f6f6' : `hsl(${h}, ${s}%, ${Math.round(96 - share * 56)}%)`;
        const cx = x0 + labelW + c * cell;
        out.push(`<rect x="${cx}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${fill}"/>`);
        if (v) out.push(`<text x="${cx + (cell - 2) / 2}" y="${y + cell / 2 + 3}" text-anchor="middle" fill="${share > 0.6 ? '#fff' : '#000'}">${v}</text>`);
      }
    }
    x0 += widths[i]! + gap;
  }
  out.push(`<text x="${gap}" y="${height - 12}" font-size="10" fill="#555">green: right answer (for none: no gesture), red: wrong; "no hand": the image gave no hand.</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
