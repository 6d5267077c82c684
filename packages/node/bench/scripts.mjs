// What `npm run bench` and `npm run eval` share: loading the built @gesture/node, and running a
// peer (Human) in a child process that prints its result as the last line of stdout.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const distEntry = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js');

/**
 * The built `@gesture/node` (packages/node/dist), checked to export `names`. Exits with a hint to
 * run `npm run build` when the build is missing; throws when it is stale.
 */
export async function loadNodeDist(command, names) {
  if (!existsSync(distEntry)) {
    process.stderr.write(`packages/node/dist is missing: run \`npm run build\` first, then \`${command}\`.\n`);
    process.exit(1);
  }
  const dist = await import(pathToFileURL(distEntry).href);
  for (const name of names) {
    if (typeof dist[name] !== 'function') throw new Error(`packages/node/dist does not export ${name}: rebuild with \`npm run build\``);
  }
  return dist;
}

/**
 * Runs `node script ...args` (with `input` on stdin when given) and resolves with the JSON object
 * on the last line of its stdout; rejects naming `what` with the child's stderr.
 */
export function runJsonChild(what, script, args = [], input = undefined) {
  return new Promise((ok, fail) => {
    const child = execFile(process.execPath, [script, ...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`${what} failed: ${stderr.trim() || error.message}`));
      try {
        ok(JSON.parse(stdout.trim().split('\n').pop()));
      } catch {
        fail(new Error(`${what} printed no result: ${stdout}${stderr}`));
      }
    });
    if (input !== undefined) child.stdin.end(input);
  });
}
