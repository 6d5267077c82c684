import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './fixtures';

/** The `@gesture/node` module. */
export type GestureNode = typeof import('@gesture/node');

const DIST_ENTRY = join(REPO_ROOT, 'packages/node/dist/index.js');

/**
 * The built `@gesture/node` (packages/node/dist), so the tools measure what is published. Exits
 * with a hint to run `npm run build` when the build is missing.
 */
export async function loadGestureNode(command: string): Promise<GestureNode> {
  if (!existsSync(DIST_ENTRY)) {
    process.stderr.write(`packages/node/dist is missing: run \`npm run build\` first, then \`${command}\`.\n`);
    process.exit(1);
  }
  return (await import(pathToFileURL(DIST_ENTRY).href)) as GestureNode;
}
