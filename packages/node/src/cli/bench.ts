import { resolve } from 'node:path';
import { formatBenchTable, runStageBench } from '../bench';
import { expandInputs } from './inputs';
import { printJsonLine } from './output';

/** Options of `gesture bench`. */
export interface BenchCommandOptions {
  frames?: number;
  images?: string[];
  json?: boolean;
}

/**
 * `gesture bench`: the per-stage latency table on WASM-SIMD, on the photos given with `--images`.
 * The package ships no photos, so without them (or with no image among them) it prints a usage
 * error and returns 2. Returns the exit code.
 */
export async function benchCommand(options: BenchCommandOptions): Promise<number> {
  const images = options.images?.length ? (await expandInputs(options.images)).filter((i) => i.kind === 'image').map((i) => resolve(i.path)) : [];
  if (images.length === 0) {
    const given = options.images?.length ? ` (no image file in ${options.images.join(', ')})` : '';
    console.error(`gesture bench: no photos to measure on${given}. Pass photos of hands, or folders of them, with --images <file|dir>..., e.g. gesture bench --images photos/`);
    return 2;
  }
  const result = await runStageBench({
    ...(options.frames ? { frames: options.frames } : {}),
    images,
    onProgress: (message) => process.stderr.isTTY && process.stderr.write(`${message}\n`),
  });
  if (options.json) printJsonLine(result);
  else console.log(formatBenchTable(result.rows));
  return 0;
}
