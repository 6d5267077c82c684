import type { CliInput } from './inputs';
import type { RecognizeCommandOptions, RecognizeOutput } from './recognize-input';

/** What each worker thread of `gesture recognize --jobs N` starts with. */
export interface JobsWorkerData {
  options: RecognizeCommandOptions;
  /** The parsed gesture pack, imported by every worker. */
  pack?: unknown;
}

/** Main thread → worker: recognise input `index`, or shut down. */
export type ToWorker = { type: 'input'; index: number; input: Exclude<CliInput, { kind: 'error' }> } | { type: 'close' };

/** Worker → main thread. `failed`: the recognizer (or the pack) could not be set up. */
export type ToMain =
  | { type: 'ready' }
  | { type: 'failed'; error: { code: string; message: string } }
  | { type: 'output'; index: number; output: RecognizeOutput }
  | { type: 'done'; index: number; ok: boolean };
