/**
 * Dynamic time warping distance between two sequences of equal-length vectors: the cost of the
 * cheapest monotonic alignment (sum of Euclidean distances between matched points) divided by the
 * longer sequence's length, with the alignment kept within a band of a quarter of that length (a
 * movement may run faster or slower in parts, not start at its end). 0 for identical sequences;
 * same units as the vectors. With `limit`, the alignment is abandoned (`Infinity`) as soon as
 * every partial alignment costs more than `limit` (costs only grow): distances up to it are exact.
 *
 * @example
 * dtwDistance([[0], [1], [2]], [[0], [1], [1], [2]]); // 0
 * dtwDistance(a, b, 0.4); // the distance, or Infinity when it is over 0.4
 */
export function dtwDistance(a: readonly (readonly number[])[], b: readonly (readonly number[])[], limit = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return Infinity;
  const band = Math.max(Math.abs(n - m), Math.ceil(Math.max(n, m) / 4));
  let previous = new Float64Array(m).fill(Infinity);
  let current = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    current.fill(Infinity);
    let cheapest = Infinity;
    const centre = Math.round((i * (m - 1)) / Math.max(1, n - 1));
    for (let j = Math.max(0, centre - band); j <= Math.min(m - 1, centre + band); j++) {
      const d = pointDistance(a[i]!, b[j]!);
      const best = i === 0 && j === 0 ? 0 : Math.min(i > 0 && j > 0 ? previous[j - 1]! : Infinity, i > 0 ? previous[j]! : Infinity, j > 0 ? current[j - 1]! : Infinity);
      cheapest = Math.min(cheapest, (current[j] = best + d));
    }
    if (cheapest > limit * Math.max(n, m) * (1 + 1e-9)) return Infinity;
    [previous, current] = [current, previous];
  }
  return previous[m - 1]! / Math.max(n, m);
}

function pointDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) {
    const d = a[k]! - b[k]!;
    sum += d * d;
  }
  return Math.sqrt(sum);
}
