// Robustness sweep for `npm run eval -- --sweep` (issue #14): every gesture photo again as a tight
// crop, zoomed out, darker, brighter, blurred and at low JPEG quality; hands found and top-1 per variant.
import sharp from 'sharp';

/** The variants, in report order, with what each does to the photo. */
export const SWEEP_VARIANTS = {
  'tight crop': 'cropped to a square around the hand (from the photo\'s own detection) so the hand fills ≥ 80 % of it',
  'zoomed out': 'shrunk so the hand is ≤ 10 % of the width of a 1280×720 grey frame, centred',
  'darker −40 %': 'brightness × 0.6',
  'brighter +40 %': 'brightness × 1.4',
  blurred: 'Gaussian blur, σ = 0.5 % of the longer side (at least 1 px)',
  'JPEG q=15': 're-encoded as JPEG at quality 15',
} as const;

export type SweepVariant = keyof typeof SWEEP_VARIANTS;

/** One photo in a variant, encoded (PNG, or JPEG for the JPEG variant); `null` when it cannot be made (no hand box for the crops). */
export async function makeVariant(file: string, variant: SweepVariant, box: readonly [number, number, number, number] | null): Promise<Uint8Array | null> {
  const base = sharp(file).rotate();
  const { width = 0, height = 0 } = await sharp(await base.clone().png().toBuffer()).metadata();
  const out = async (image: ReturnType<typeof sharp>) => new Uint8Array(await image.png().toBuffer());
  switch (variant) {
    case 'tight crop': {
      if (!box) return null;
      const side = Math.max(box[2], box[3]) / 0.8;
      const size = Math.max(8, Math.min(Math.round(side), width, height));
      const left = Math.round(Math.min(Math.max(0, box[0] + box[2] / 2 - size / 2), width - size));
      const top = Math.round(Math.min(Math.max(0, box[1] + box[3] / 2 - size / 2), height - size));
      return out(base.extract({ left, top, width: size, height: size }));
    }
    case 'zoomed out': {
      if (!box) return null;
      const scale = Math.min(1280 / width, 720 / height, (0.1 * 1280) / Math.max(1, box[2]));
      const w = Math.max(1, Math.round(width * scale));
      const h = Math.max(1, Math.round(height * scale));
      const small = await base.resize(w, h).png().toBuffer();
      const canvas = sharp({ create: { width: 1280, height: 720, channels: 3, background: '#808080' } });
      return out(canvas.composite([{ input: small, left: Math.round((1280 - w) / 2), top: Math.round((720 - h) / 2) }]));
    }
    case 'darker −40 %':
      return out(base.modulate({ brightness: 0.6 }));
    case 'brighter +40 %':
      return out(base.modulate({ brightness: 1.4 }));
    case 'blurred':
      return out(base.blur(Math.max(1, 0.005 * Math.max(width, height))));
    case 'JPEG q=15':
      return new Uint8Array(await base.jpeg({ quality: 15 }).toBuffer());
  }
}

/** Per variant: photos, hands found, top-1 among found. */
export interface SweepRow { variant: SweepVariant; photos: number; found: number; correct: number }

/**
 * Runs the sweep over `photos` (file, class, the hand box found on the original). `answer` turns an
 * encoded variant into the image's answer: `null` for no hand, else the gesture.
 */
export async function runSweep(photos: readonly { file: string; cls: string; box: [number, number, number, number] | null }[], answer: (encoded: Uint8Array) => Promise<string | null>, log: (line: string) => void): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  for (const variant of Object.keys(SWEEP_VARIANTS) as SweepVariant[]) {
    const row: SweepRow = { variant, photos: 0, found: 0, correct: 0 };
    for (const p of photos) {
      const encoded = await makeVariant(p.file, variant, p.box);
      row.photos += 1;
      if (!encoded) continue;
      const gesture = await answer(encoded);
      if (gesture === null) continue;
      row.found += 1;
      if (gesture === p.cls) row.correct += 1;
    }
    rows.push(row);
    log(`sweep: ${variant} done`);
  }
  return rows;
}

const pct = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(1)} %` : '–');

/** Markdown table of one or more sweeps (one per data set). */
export function formatSweep(sets: readonly { label: string; rows: SweepRow[] }[]): string {
  const L = ['### Robustness sweep (ours, built-ins)', '', 'Every built-in gesture photo again in each variant (photos where the original had no hand cannot be cropped or placed and count as not found there):', ''];
  L.push(...Object.entries(SWEEP_VARIANTS).map(([v, what]) => `- **${v}**: ${what}.`), '');
  L.push(`| variant | ${sets.map((s) => `${s.label}: hands found | ${s.label}: top-1 of found`).join(' | ')} |`);
  L.push(`|---|${sets.map(() => '---|---').join('|')}|`);
  for (const [i, v] of (Object.keys(SWEEP_VARIANTS) as SweepVariant[]).entries()) {
    L.push(`| ${v} | ${sets.map((s) => { const r = s.rows[i]!; return `${r.found}/${r.photos} (${pct(r.found, r.photos)}) | ${r.correct}/${r.found} (${pct(r.correct, r.found)})`; }).join(' | ')} |`);
  }
  return L.join('\n');
}
