import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build, transform, type Plugin as EsbuildPlugin } from 'esbuild';
import { rolldown } from 'rolldown';
import { rollup, type Plugin as RollupPlugin } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures';

/**
 * Tree-shaking and the size budget, on the built packages (`dist/`, as users get them): one
 * import at a time is bundled for the browser with esbuild, with Rollup and with Rolldown (Vite 8's
 * bundler), minified (esbuild) and gzipped (level 9). TF.js, RxJS, React and Vue are external:
 * the budget is what @gesture adds. See docs/performance.md, "Bundle size".
 */
const EXTERNAL = /^(@tensorflow\/[^/]+|rxjs|react|vue)(\/|$)/;
const DIST: Record<string, string> = {
  '@gesture/core': 'packages/core/dist/index.js',
  '@gesture/react': 'packages/react/dist/index.js',
  '@gesture/vue': 'packages/vue/dist/index.js',
};
const KB = 1024;

type Bundler = 'esbuild' | 'rollup' | 'rolldown';
const BUNDLERS: Bundler[] = ['esbuild', 'rollup', 'rolldown'];

/** The error classes: everything an app imports to tell failures apart. */
const ERRORS = ['BackendError', 'DisposedError', 'GestureError', 'GesturePackError', 'InvalidFrameError', 'InvalidOptionsError', 'ModelLoadError'];

const ENTRY = 'virtual:entry';
function entryCode(from: string, names: string[]): string {
  return `import { ${names.join(', ')} } from '${from}';\nconsole.log(${names.join(', ')});\n`;
}

/** Rollup has no package resolution of its own: map our packages to their dist, keep the peers external. */
function resolveGesture(code: string): RollupPlugin {
  return {
    name: 'gesture-dist',
    resolveId(id) {
      if (id === ENTRY) return id;
      if (DIST[id]) return join(REPO_ROOT, DIST[id]!);
      if (EXTERNAL.test(id)) return { id, external: true };
      return null;
    },
    load: (id) => (id === ENTRY ? code : null),
  };
}

async function minified(code: string): Promise<string> {
  return (await transform(code, { minify: true, format: 'esm', target: 'es2022' })).code;
}

/** min+gzip bytes of `import { names } from 'from'` bundled by `bundler`. */
export async function bundledSize(bundler: Bundler, from: string, names: string[], plugins: EsbuildPlugin[] = []): Promise<number> {
  const code = entryCode(from, names);
  let out: string;
  if (bundler === 'esbuild') {
    const result = await build({
      stdin: { contents: code, resolveDir: REPO_ROOT, loader: 'js' },
      bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'error',
      external: ['@tensorflow/*', 'rxjs', 'rxjs/*', 'react', 'react/*', 'vue'],
      plugins,
    });
    out = result.outputFiles[0]!.text;
  } else if (bundler === 'rollup') {
    const bundle = await rollup({ input: ENTRY, plugins: [resolveGesture(code)], onwarn: () => {} });
    out = await minified((await bundle.generate({ format: 'es' })).output[0].code);
    await bundle.close();
  } else {
    const bundle = await rolldown({ input: ENTRY, cwd: REPO_ROOT, platform: 'browser', plugins: [resolveGesture(code)], external: EXTERNAL, logLevel: 'silent' });
    out = await minified((await bundle.generate({ format: 'es' })).output[0].code);
    await bundle.close();
  }
  return gzipSync(out, { level: 9 }).length;
}

describe.each(BUNDLERS)('bundle size with %s (min+gzip, without TF.js and RxJS)', (bundler) => {
  it('importing only the error classes stays within 3 kB (no top-level side effect keeps the rest)', async () => {
    expect(await bundledSize(bundler, '@gesture/core', ERRORS)).toBeLessThanOrEqual(3 * KB);
  });

  it.each(['@gesture/react', '@gesture/vue'])('useGesture from %s adds at most 1 kB to the core it wraps', async (adapter) => {
    const core = await bundledSize(bundler, '@gesture/core', ['GestureObserver']);
    const hook = await bundledSize(bundler, adapter, ['useGesture']);
    expect(hook - core).toBeLessThanOrEqual(1 * KB);
  });

  it('createGestureRecognizer stays within the current ceiling of 56 kB', async () => {
    // 30 kB is the goal; the fitted reference data (classify/reference-data.ts) alone is ~30 kB
    // gzipped. The test below checks the code without it against 30 kB. The ceiling was 46 kB
    // (44.5 measured) before the motion stage and the hardening checks (#15, #17) added ~4 kB, then
    // 50 kB; #14 raised it to 56 kB (54.6 measured): the reference hands of thumbs_up, thumbs_down and
    // rock and the match vector's orientation and finger-bend dimensions add ~4 kB of data, which
    // leaves the JS bundle with the reference data.
    expect(await bundledSize(bundler, '@gesture/core', ['createGestureRecognizer'])).toBeLessThanOrEqual(56 * KB);
  });
});

/**
 * The strict reading of "no top-level side effects": the dist file is bundled by path, so no
 * bundler can lean on `"sideEffects": false`; what an errors-only import keeps besides the class
 * declarations and the entry's own `console.log` is code the module runs on import.
 */
describe.each(['rollup', 'rolldown'] as const)('no top-level side effects in the core (%s, ignoring "sideEffects")', (bundler) => {
  it('an errors-only import keeps nothing but declarations', async () => {
    const code = entryCode('@gesture/core', ERRORS);
    const options = { input: ENTRY, plugins: [resolveGesture(code)] };
    const bundle = bundler === 'rollup' ? await rollup({ ...options, onwarn: () => {} }) : await rolldown({ ...options, cwd: REPO_ROOT, platform: 'browser', external: EXTERNAL, logLevel: 'silent' });
    const output = (await bundle.generate({ format: 'es' })).output[0].code;
    await bundle.close();
    const DECLARATIONS = ['ImportDeclaration', 'ClassDeclaration', 'FunctionDeclaration', 'VariableDeclaration', 'ExportNamedDeclaration'];
    const statements = parseAst(output).body.filter((node) => !DECLARATIONS.includes(node.type));
    expect(statements.map((node) => { const { start, end } = node as unknown as { start: number; end: number }; return output.slice(start, end); })).toEqual([`console.log(${ERRORS.join(', ')});`]);
  });
});

describe('bundle analysis (esbuild metafile, from source)', () => {
  it('createGestureRecognizer without the fitted reference data fits 30 kB; the data is what exceeds it', async () => {
    const stubReferenceData: EsbuildPlugin = {
      name: 'stub-reference-data',
      setup(b) {
        b.onLoad({ filter: /classify[\\/]reference-data\.ts$/ }, () => ({ contents: 'export const SHAPE_WHITENING = []; export const BUILTIN_REFERENCES = {};', loader: 'ts' }));
      },
    };
    const source = join(REPO_ROOT, 'packages/core/src/index.ts');
    const whole = await bundledSize('esbuild', source, ['createGestureRecognizer']);
    const withoutData = await bundledSize('esbuild', source, ['createGestureRecognizer'], [stubReferenceData]);
    expect(withoutData).toBeLessThanOrEqual(30 * KB);
    expect(whole - withoutData).toBeGreaterThan(20 * KB);
  });

  it.fails('createGestureRecognizer fits the 30 kB budget (fails until the reference data leaves the JS bundle)', async () => {
    expect(await bundledSize('esbuild', '@gesture/core', ['createGestureRecognizer'])).toBeLessThanOrEqual(30 * KB);
  });
});
