import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { createNodeRecognizer } from '../node-recognizer';
import { formatTable } from '../table';
import { expandInputs } from './inputs';
import { recognizeInWorkers } from './jobs';
import { createProgress, printJsonLine } from './output';
import { recognizeInput, type RecognizeCommandOptions, type RecognizeOutput } from './recognize-input';

export { imageLine, type RecognizeCommandOptions } from './recognize-input';

/**
 * `gesture recognize <image|dir|video>...`: one JSON line per image (or per video event, then a
 * summary line), or a table. Returns the exit code: 1 if any input failed (an unreadable file,
 * video or folder, or a folder with no image), else 0. A pack that cannot be read throws (exit 2).
 * With `jobs` > 1 the files are spread over that many worker threads; the output is the same, in
 * the same order.
 */
export async function recognizeCommand(paths: readonly string[], options: RecognizeCommandOptions): Promise<number> {
  const inputs = await expandInputs(paths);
  const jobs = options.jobs ?? availableParallelism();
  const pack: unknown = options.pack ? JSON.parse(await readFile(options.pack, 'utf8')) : undefined;
  const imageRows: string[][] = [];
  const videoRows: string[][] = [];
  const emit = (output: RecognizeOutput) => {
    if ('json' in output) printJsonLine(output.json);
    else if ('imageRow' in output) imageRows.push(output.imageRow);
    else videoRows.push(output.videoRow);
  };
  const progress = createProgress(inputs.length, 'files');
  let failed = 0;
  try {
    if (jobs > 1 && inputs.filter((input) => input.kind !== 'error').length > 1) {
      failed = await recognizeInWorkers(inputs, { jobs, options, pack, emit, finished: (input) => progress.tick(input.path) });
    } else {
      const recognizer = await createNodeRecognizer({ backend: options.backend ?? 'wasm' });
      try {
        if (pack !== undefined) await recognizer.gestures.import(pack);
        for (const input of inputs) {
          progress.tick(input.path);
          if (!(await recognizeInput(recognizer, input, options, emit))) failed += 1;
        }
      } finally {
        recognizer.dispose();
      }
    }
  } finally {
    progress.stop();
  }
  if (!options.json) {
    if (imageRows.length) console.log(formatTable(['file', 'size', 'hands (gesture, meaning, score, hand)', 'faces', 'present'], imageRows));
    if (videoRows.length) console.log(formatTable(['file', 'ms', 'event'], videoRows));
  }
  return failed > 0 ? 1 : 0;
}
