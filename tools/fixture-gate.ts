import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURES_ROOT, REPO_ROOT } from './fixtures';

/**
 * The test files that read the fixture photos or clips, and what a run does when the fixtures
 * folder ({@link FIXTURES_ROOT}) is missing: fail once, saying where the photos come from, or,
 * with `GESTURE_SKIP_FIXTURES=1`, leave those files out and say so. Used by `vitest.config.ts`.
 */

/** What a test file uses when it reads the fixtures (the helpers in packages/core/src/__tests__/helpers/). */
const USES_FIXTURES = /\b(FIXTURES_DIR|FIXTURES_ROOT|fixtureFiles|decodeFixture|example-app)\b/;

/** Where the photos come from, for the one message a run without them gives. */
export function missingFixturesMessage(root: string = FIXTURES_ROOT): string {
  return [
    `The fixture photos and clips are missing: ${root} does not exist.`,
    'They are not part of the repository (real photographs and videos with their own licences, listed in MANIFEST.csv):',
    'they live in the shared fixtures folder beside the checkout (../shared/fixtures, with hands/, hands-b/ and clips/).',
    'Put that folder there, or point GESTURE_FIXTURES at it (relative to the repository root),',
    'or run without the tests that need it: GESTURE_SKIP_FIXTURES=1 npm test.',
  ].join('\n');
}

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Test files (relative to the repository root) that need the fixtures. */
export function filesNeedingFixtures(): string[] {
  const roots = [...readdirSync(join(REPO_ROOT, 'packages')).map((p) => join(REPO_ROOT, 'packages', p, 'src')), join(REPO_ROOT, 'tools/__tests__')];
  return roots.flatMap(testFiles).filter((file) => USES_FIXTURES.test(readFileSync(file, 'utf8'))).map((file) => relative(REPO_ROOT, file)).sort();
}

/**
 * Decides for one vitest run. `filters` are the CLI's file filters (substrings, as vitest reads
 * them; none means every file). Returns the files to exclude; throws the one clear message when
 * the fixtures are missing, the run is not told to skip them, and it includes a file that needs them.
 */
export function fixtureGate(filters: string[], env: NodeJS.ProcessEnv = process.env, root: string = FIXTURES_ROOT): { exclude: string[] } {
  if (existsSync(root)) return { exclude: [] };
  const needing = filesNeedingFixtures().filter((file) => filters.length === 0 || filters.some((f) => file.includes(f.replace(/^\.\//, ''))));
  if (needing.length === 0) return { exclude: [] };
  if (env.GESTURE_SKIP_FIXTURES === '1') {
    console.warn(`GESTURE_SKIP_FIXTURES=1 and no fixtures at ${root}: skipping the ${needing.length} test files that need the photos:\n  ${needing.join('\n  ')}`);
    return { exclude: needing };
  }
  throw new Error(missingFixturesMessage(root));
}
