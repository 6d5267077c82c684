import { describe, expect, it } from 'vitest';
import { dtwDistance } from '../motion/dtw';
import { MotionTemplate } from '../motion/template';

/** Seeded random walks of `n` points in `dims` dimensions (a movement's shape is one). */
function walk(n: number, dims: number, seed: number): number[][] {
  let s = seed;
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const out: number[][] = [];
  let p = Array.from({ length: dims }, r);
  for (let i = 0; i < n; i++) out.push((p = p.map((v) => v + 0.3 * r())));
  return out;
}

describe('DTW pruning (the motion stage abandons alignments that cannot win)', () => {
  it('a limited distance is exact up to the limit and Infinity (or exact) over it', () => {
    let abandoned = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const a = walk(32, 13, seed);
      const b = walk(32, 13, seed + 1000);
      const d = dtwDistance(a, b);
      for (const limit of [d * 0.5, d * 0.9, d, d * 1.1]) {
        const limited = dtwDistance(a, b, limit);
        if (limit >= d) expect(limited).toBe(d);
        else if (limited === Infinity) abandoned++;
        else expect(limited).toBe(d);
      }
    }
    expect(abandoned).toBeGreaterThan(100);
  });

  it("a template's limited distance to a movement is its nearest sample's whenever that is within the limit", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const template = new MotionTemplate([0, 1, 2].map((k) => ({ duration: 800, points: walk(32, 13, seed * 10 + k) })), 1);
      const shape = { duration: 800, points: walk(32, 13, seed + 5000) };
      const d = template.distance(shape);
      expect(d).toBe(Math.min(...template.samples.map((s) => dtwDistance(shape.points, s.points))));
      expect(template.distance(shape, d)).toBe(d);
      expect(template.distance(shape, d * 0.8)).toBe(Infinity);
    }
  });
});
