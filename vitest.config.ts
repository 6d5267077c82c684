import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'tools/__tests__/**/*.test.ts', 'examples/replay-test/src/**/*.test.tsx'],
    // Real models on real photos: give slow CI machines room.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
