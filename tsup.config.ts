import { defineConfig, type Options } from 'tsup';

/**
 * The one build config every package uses: ESM + CJS, each with its own
 * type declarations, for Node 18+ and evergreen browsers. A package calls
 * `packageConfig({ entry })` from its own `tsup.config.ts`.
 */
export function packageConfig(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    shims: true,
    outDir: 'dist',
    ...overrides,
  };
}

export default defineConfig(packageConfig());
