/** Thrown by {@link withTimeLimit} when the work did not settle in time. */
export class TimeLimitError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not finish within ${ms} ms (a hang counts as a failure)`);
    this.name = 'TimeLimitError';
  }
}

/**
 * `work`, or a rejection with `TimeLimitError` after `ms` milliseconds. The work itself cannot be
 * cancelled: a backend that hangs is abandoned (and reset by the caller), never waited for.
 *
 * @example
 * await withTimeLimit(tf.setBackend('wasm'), 20_000, "starting 'wasm'");
 */
export function withTimeLimit<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  if (!Number.isFinite(ms)) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimitError(what, ms)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
