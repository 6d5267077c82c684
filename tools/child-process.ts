import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Node's arguments that run a TypeScript file of the tools (through tsx): `node ...TSX_NODE_ARGS script.ts`. */
export const TSX_NODE_ARGS: readonly string[] = ['--import', import.meta.resolve('tsx')];

/**
 * Runs the TypeScript file `script` with `args` in a child Node (with `input` on stdin when given)
 * and resolves with the JSON object on the last line of its stdout; rejects naming `what` with the
 * child's stderr. The peers (Human) run this way, apart from our TF.js engine.
 */
export function runJsonChild<T>(what: string, script: string | URL, args: readonly string[] = [], input?: string): Promise<T> {
  const file = script instanceof URL ? fileURLToPath(script) : script;
  return new Promise((ok, fail) => {
    const child = execFile(process.execPath, [...TSX_NODE_ARGS, file, ...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`${what} failed: ${stderr.trim() || error.message}`));
      try {
        ok(JSON.parse(stdout.trim().split('\n').pop() ?? '') as T);
      } catch {
        fail(new Error(`${what} printed no result: ${stdout}${stderr}`));
      }
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}
