import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The built `gesture` CLI (tests run after `npm run build`). */
export const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

const run = promisify(execFile);

/** Runs the built CLI; resolves with stdout, stderr and the exit code (never rejects on exit ≠ 0). */
export async function gesture(args: string[], options: { cwd?: string } = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' }, ...options });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** The JSON lines of a `--json` run. */
export const jsonLines = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
