// The statistics of the benchmarks: one definition for `gesture bench` and the repository's tools
// (npm run bench, npm run eval). No dependencies, so the tools can import it from source.

/** Latency of one benchmark row, in milliseconds. */
export interface BenchRow {
  /** Median over all timed samples. */
  medianMs: number;
  /** 95th percentile (linear interpolation) over all timed samples. */
  p95Ms: number;
  /** How many timed samples the row holds. */
  n: number;
}

/** Median, p95 and count of a list of samples (ms); an empty list gives `NaN`s and `n: 0`. */
export function summarize(samples: readonly number[]): BenchRow {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => {
    if (sorted.length === 0) return Number.NaN;
    const pos = q * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
  };
  return { medianMs: at(0.5), p95Ms: at(0.95), n: sorted.length };
}
