import { SingleBar } from 'cli-progress';
import { GestureError } from '@gesture/core';
import { escapeControl } from '../terminal-text';

export { escapeControl };

/** Writes one JSON value as one line on stdout. */
export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** `{ code, message }` of any thrown value, for error lines. */
export function errorInfo(error: unknown): { code: string; message: string } {
  if (error instanceof GestureError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: (error as NodeJS.ErrnoException).code ?? 'error', message: error.message };
  return { code: 'error', message: String(error) };
}

/** A progress bar on stderr when stderr is a terminal; does nothing otherwise (pipes and CI stay clean). */
export interface Progress {
  tick(label: string): void;
  stop(): void;
}

/** A progress bar over `total` items; labels are escaped with `escapeControl()`. */
export function createProgress(total: number, unit: string): Progress {
  if (!process.stderr.isTTY || total === 0) return { tick() {}, stop() {} };
  const bar = new SingleBar({ stream: process.stderr, format: ` {bar} {value}/{total} ${unit} | {label}`, hideCursor: true, clearOnComplete: true }, undefined);
  bar.start(total, 0, { label: '' });
  return {
    tick(label) {
      bar.increment(1, { label: escapeControl(label) });
    },
    stop() {
      bar.stop();
    },
  };
}


