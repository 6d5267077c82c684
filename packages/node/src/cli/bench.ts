import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultFixturesDir, formatBenchTable, runStageBench } from '../bench';
import { expandInputs } from './inputs';
import { printJsonLine } from './output';

/** Options of `gesture bench`. */
export interface BenchCommandOptions {
  frames?: number;
  images?: string[];
  json?: boolean;
}

/** `gesture bench`: the per-stage latency table on WASM-SIMD. Returns the exit code. */
export async function benchCommand(options: BenchCommandOptions): Promise<number> {
  let images: string[] | undefined;
  if (options.images?.length) {
    images = (await expandInputs(options.images)).filter((i) => i.kind === 'image').map((i) => resolve(i.path));
  } else if (!existsSync(defaultFixturesDir())) {
    console.error(`gesture bench: no photos to measure on. Pass some with --images <file|dir>..., or set GESTURE_FIXTURES to a folder laid out as <class>/<photo> (looked for ${defaultFixturesDir()}).`);
    return 2;
  }
  const result = await runStageBench({
    ...(options.frames ? { frames: options.frames } : {}),
    ...(images ? { images } : {}),
    onProgress: (message) => process.stderr.isTTY && process.stderr.write(`${message}\n`),
  });
  if (options.json) printJsonLine(result);
  else console.log(formatBenchTable(result.rows));
  return 0;
}
