import { Worker } from 'node:worker_threads';
import { GestureError } from '@gesture/core';
import type { CliInput } from './inputs';
import type { JobsWorkerData, ToMain, ToWorker } from './jobs-protocol';
import { failedOutput, type RecognizeCommandOptions, type RecognizeOutput } from './recognize-input';

/**
 * Hands each input's output on in input order while inputs finish in any order: the first
 * unfinished input's output goes out as it comes, later inputs' output waits until every input
 * before them is done.
 */
export class OrderedOutput {
  private head = 0;
  private readonly waiting = new Map<number, RecognizeOutput[]>();
  private readonly finished = new Set<number>();

  constructor(private readonly emit: (output: RecognizeOutput) => void) {}

  push(index: number, output: RecognizeOutput): void {
    if (index === this.head) this.emit(output);
    else this.waiting.set(index, [...(this.waiting.get(index) ?? []), output]);
  }

  finish(index: number): void {
    this.finished.add(index);
    while (this.finished.has(this.head)) {
      this.finished.delete(this.head);
      this.head += 1;
      for (const output of this.waiting.get(this.head) ?? []) this.emit(output);
      this.waiting.delete(this.head);
    }
  }
}

/** dist/recognize-worker.js, beside the built CLI (from the sources, the built one of this package). */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/recognize-worker.js', here) : new URL('./recognize-worker.js', here);
}

/** What a `--jobs N` run needs besides the inputs. */
export interface JobsRun {
  jobs: number;
  options: RecognizeCommandOptions;
  /** The parsed gesture pack, if any. */
  pack?: unknown;
  /** Every piece of output, in input order. */
  emit(output: RecognizeOutput): void;
  /** Called as each input finishes (in any order), for the progress bar. */
  finished(input: CliInput): void;
  /** The worker script. Defaults to dist/recognize-worker.js (tests pass a stand-in). */
  workerScript?: URL;
}

/**
 * Recognises `inputs` on `jobs` worker threads, each with its own recognizer, one whole file per
 * worker at a time (a video is never split: see docs/node.md). Resolves with the number of failed
 * inputs; rejects (with the worker's error) when a worker cannot set up its recognizer or pack.
 */
export function recognizeInWorkers(inputs: readonly CliInput[], run: JobsRun): Promise<number> {
  const ordered = new OrderedOutput(run.emit);
  const queue: number[] = [];
  let failed = 0;
  let remaining = inputs.length;
  inputs.forEach((input, index) => {
    if (input.kind !== 'error') return queue.push(index);
    failed += 1;
    ordered.push(index, failedOutput(input.path, input.error, run.options.json));
    ordered.finish(index);
    run.finished(input);
    remaining -= 1;
  });
  const workers = new Set<Worker>();
  const closeAll = () => Promise.all([...workers].map((w) => w.terminate()));
  return new Promise<number>((resolve, reject) => {
    if (remaining === 0) return resolve(failed);
    const finish = (index: number, ok: boolean) => {
      if (!ok) failed += 1;
      ordered.finish(index);
      run.finished(inputs[index]!);
      remaining -= 1;
      if (remaining === 0) void closeAll().then(() => resolve(failed));
    };
    let failedRun = false;
    const fail = (error: Error) => {
      if (failedRun) return;
      failedRun = true;
      void closeAll().then(() => reject(error));
    };
    const start = () => {
      const data: JobsWorkerData = { options: run.options, pack: run.pack };
      const worker = new Worker(run.workerScript ?? workerUrl(), { workerData: data });
      workers.add(worker);
      let current: number | undefined;
      let ready = false;
      const next = () => {
        current = queue.shift();
        const input = current === undefined ? undefined : inputs[current];
        if (input && input.kind !== 'error') worker.postMessage({ type: 'input', index: current!, input } satisfies ToWorker);
      };
      worker.on('message', (message: ToMain) => {
        if (message.type === 'ready') (ready = true), next();
        else if (message.type === 'failed') fail(new GestureError(message.error.code, message.error.message));
        else if (message.type === 'output') ordered.push(message.index, message.output);
        else if (message.type === 'done') finish(message.index, message.ok), next();
      });
      // A worker that crashes (out of memory, a WASM abort) or exits fails the input it held; a fresh one takes over.
      let gone = false;
      const lost = (error: Error) => {
        if (gone || failedRun || remaining === 0) return;
        gone = true;
        workers.delete(worker);
        if (!ready) return fail(error);
        if (current !== undefined) {
          ordered.push(current, failedOutput(inputs[current]!.path, error, run.options.json));
          finish(current, false);
        }
        if (queue.length > 0) start();
      };
      worker.on('error', lost);
      worker.on('exit', (code) => lost(new GestureError('worker-exit', `The worker thread exited (code ${code}) while recognising.`, { code })));
    };
    for (let i = 0; i < Math.min(run.jobs, queue.length); i += 1) start();
  });
}
