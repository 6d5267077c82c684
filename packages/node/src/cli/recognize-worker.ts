import { parentPort, workerData } from 'node:worker_threads';
import { createNodeRecognizer } from '../node-recognizer';
import type { CliInput } from './inputs';
import { errorInfo } from './output';
import { recognizeInput } from './recognize-input';
import type { JobsWorkerData, ToMain, ToWorker } from './jobs-protocol';

/**
 * One worker thread of `gesture recognize --jobs N`: its own recognizer (WASM, models, the pack),
 * then one input at a time as the main thread hands them out. Each output is posted as it comes;
 * `done` ends an input. Built as dist/recognize-worker.js, beside dist/cli.js.
 */
async function main(): Promise<void> {
  const port = parentPort!;
  const { options, pack } = workerData as JobsWorkerData;
  let recognizer;
  try {
    recognizer = await createNodeRecognizer({ backend: options.backend ?? 'wasm' });
    if (pack !== undefined) await recognizer.gestures.import(pack);
  } catch (error) {
    port.postMessage({ type: 'failed', error: errorInfo(error) } satisfies ToMain);
    recognizer?.dispose();
    return;
  }
  const ready = recognizer;
  port.postMessage({ type: 'ready' } satisfies ToMain);
  // Inputs arrive one at a time (the main thread sends the next after `done`), so they never overlap.
  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      ready.dispose();
      port.close();
      return;
    }
    const { index, input } = message as { index: number; input: CliInput };
    void recognizeInput(ready, input, options, (output) => port.postMessage({ type: 'output', index, output } satisfies ToMain)).then((ok) =>
      port.postMessage({ type: 'done', index, ok } satisfies ToMain),
    );
  });
}

void main();
