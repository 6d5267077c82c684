import { defineConfig, configDefaults } from 'vitest/config';
import { fixtureGate } from './tools/fixture-gate';

/** `vitest run [filters]`: the file filters, to tell whether this run needs the fixture photos. */
const filters = process.argv.slice(2).filter((arg, i, args) => !arg.startsWith('-') && !['run', 'watch', 'related', 'bench'].includes(arg) && !/^-/.test(args[i - 1] ?? '') );

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'tools/__tests__/**/*.test.ts', 'examples/replay-test/src/**/*.test.tsx'],
    // Without ../shared/fixtures: one clear error, or with GESTURE_SKIP_FIXTURES=1 the files that need it are left out.
    exclude: [...configDefaults.exclude, ...fixtureGate(filters).exclude],
    // Real models on real photos: give slow CI machines room.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
