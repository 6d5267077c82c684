/** The band half-width of the alignment between sequences of `n` and `m` points (a quarter of the longer one, at least their difference). */
const bandOf = (n: number, m: number) => Math.max(Math.abs(n - m), Math.ceil(Math.max(n, m) / 4));
/** The column of `b` (of `m` points) that point `i` of `a` (of `n`) is aligned with on the diagonal. */
const centreOf = (i: number, n: number, m: number) => Math.round((i * (m - 1)) / Math.max(1, n - 1));

/**
 * Dynamic time warping distance between two sequences of equal-length vectors: the cost of the
 * cheapest monotonic alignment (sum of Euclidean distances between matched points) divided by the
 * longer sequence's length, with the alignment kept within a band of a quarter of that length (a
 * movement may run faster or slower in parts, not start at its end). 0 for identical sequences;
 * same units as the vectors. With `limit`, the alignment is abandoned (`Infinity`) as soon as
 * every partial alignment already costs more than `limit`: distances up to `limit` are exact.
 *
 * @example
 * dtwDistance([[0], [1], [2]], [[0], [1], [1], [2]]); // 0
 * dtwDistance(a, b, 0.4); // the distance, or Infinity when it is over 0.4
 */
export function dtwDistance(a: readonly (readonly number[])[], b: readonly (readonly number[])[], limit = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return Infinity;
  const band = bandOf(n, m);
  const scale = Math.max(n, m);
  // Costs are never negative, so a row's cheapest partial alignment only grows from row to row.
  const abandonAt = limit * scale * (1 + 1e-9);
  let previous = new Float64Array(m).fill(Infinity);
  let current = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    current.fill(Infinity);
    const centre = centreOf(i, n, m);
    let rowMin = Infinity;
    for (let j = Math.max(0, centre - band); j <= Math.min(m - 1, centre + band); j++) {
      const d = pointDistance(a[i]!, b[j]!);
      const best = i === 0 && j === 0 ? 0 : Math.min(i > 0 && j > 0 ? previous[j - 1]! : Infinity, i > 0 ? previous[j]! : Infinity, j > 0 ? current[j - 1]! : Infinity);
      current[j] = best + d;
      if (current[j]! < rowMin) rowMin = current[j]!;
    }
    if (rowMin > abandonAt) return Infinity;
    [previous, current] = [current, previous];
  }
  return previous[m - 1]! / scale;
}

/** Per dimension, the lowest and highest value of a sequence's points within the band around each of `n` aligned points. */
export interface DtwEnvelope {
  n: number;
  lower: Float64Array[];
  upper: Float64Array[];
}

/**
 * The envelope of `b` for queries of `n` points: at each query point, per dimension, the range of
 * `b`'s values within the DTW band. Made once per sample, it gives {@link dtwLowerBound}.
 *
 * @example
 * const env = dtwEnvelope(sample.points, 32);
 * dtwLowerBound(query.points, env) <= dtwDistance(query.points, sample.points); // always
 */
export function dtwEnvelope(b: readonly (readonly number[])[], n: number): DtwEnvelope {
  const m = b.length;
  const band = bandOf(n, m);
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const centre = centreOf(i, n, m);
    const dims = b[0]?.length ?? 0;
    const lo = new Float64Array(dims).fill(Infinity);
    const hi = new Float64Array(dims).fill(-Infinity);
    for (let j = Math.max(0, centre - band); j <= Math.min(m - 1, centre + band); j++) {
      for (let k = 0; k < dims; k++) {
        lo[k] = Math.min(lo[k]!, b[j]![k]!);
        hi[k] = Math.max(hi[k]!, b[j]![k]!);
      }
    }
    lower.push(lo);
    upper.push(hi);
  }
  return { n, lower, upper };
}

/**
 * A lower bound of {@link dtwDistance}(a, b) from `b`'s envelope (LB_Keogh): every point of `a` is
 * matched to some point of `b` within the band, so it costs at least its distance to the band's
 * bounding box. Several times cheaper than the distance itself; 0 (no bound) when `a`'s length
 * is not the envelope's.
 *
 * @example
 * if (dtwLowerBound(query, env) > best) skip(); // the sample cannot beat the best one
 */
export function dtwLowerBound(a: readonly (readonly number[])[], envelope: DtwEnvelope, m: number): number {
  const n = a.length;
  if (n !== envelope.n) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = a[i]!;
    const lo = envelope.lower[i]!;
    const hi = envelope.upper[i]!;
    let s = 0;
    for (let k = 0; k < lo.length; k++) {
      const v = p[k]!;
      const d = v < lo[k]! ? lo[k]! - v : v > hi[k]! ? v - hi[k]! : 0;
      s += d * d;
    }
    sum += Math.sqrt(s);
  }
  return sum / Math.max(n, m);
}

function pointDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) {
    const d = a[k]! - b[k]!;
    sum += d * d;
  }
  return Math.sqrt(sum);
}
