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

/** A bundle's output files: each chunk's code and the chunks it imports statically. */
type Chunk = { code: string; imports: string[]; isEntry: boolean };

/** min+gzip bytes of one chunk. */
async function chunkSize(code: string, minify: boolean): Promise<number> {
  return gzipSync(minify ? await minified(code) : code, { level: 9 }).length;
}

/**
 * min+gzip bytes of `import { names } from 'from'` bundled by `bundler`, code-split as bundlers
 * do for an app: `initial` is the entry chunk and every chunk it imports statically (what a page
 * loads before it runs), `lazy` the chunks reached only through a dynamic `import()`.
 */
export async function bundledSizes(bundler: Bundler, from: string, names: string[]): Promise<{ initial: number; lazy: number }> {
  const code = entryCode(from, names);
  const chunks = new Map<string, Chunk>();
  if (bundler === 'esbuild') {
    const virtualEntry: EsbuildPlugin = {
      name: 'virtual-entry',
      setup(b) {
        b.onResolve({ filter: /^virtual:entry$/ }, () => ({ path: ENTRY, namespace: 'entry' }));
        b.onLoad({ filter: /.*/, namespace: 'entry' }, () => ({ contents: code, resolveDir: REPO_ROOT, loader: 'js' }));
      },
    };
    const result = await build({
      entryPoints: [ENTRY], outdir: '/virtual-out', splitting: true, metafile: true,
      // Resolve through package.json exports to dist/, not through the repository's tsconfig paths to src/.
      tsconfigRaw: '{}',
      bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'error',
      external: ['@tensorflow/*', 'rxjs', 'rxjs/*', 'react', 'react/*', 'vue'],
      plugins: [virtualEntry],
    });
    for (const file of result.outputFiles) {
      const key = file.path.slice('/virtual-out/'.length);
      const meta = result.metafile.outputs[`../virtual-out/${key}`] ?? Object.entries(result.metafile.outputs).find(([k]) => k.endsWith(`/${key}`))?.[1];
      chunks.set(key, { code: file.text, isEntry: meta?.entryPoint === `entry:${ENTRY}`, imports: (meta?.imports ?? []).filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path.replace(/^.*\//, '')) });
    }
  } else {
    const bundle = bundler === 'rollup'
      ? await rollup({ input: ENTRY, plugins: [resolveGesture(code)], onwarn: () => {} })
      : await rolldown({ input: ENTRY, cwd: REPO_ROOT, platform: 'browser', plugins: [resolveGesture(code)], external: EXTERNAL, logLevel: 'silent' });
    for (const out of (await bundle.generate({ format: 'es' })).output) {
      if (out.type === 'chunk') chunks.set(out.fileName, { code: out.code, isEntry: out.isEntry, imports: out.imports.filter((i) => !EXTERNAL.test(i)) });
    }
    await bundle.close();
  }
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name) || !chunks.has(name)) return;
    initial.add(name);
    chunks.get(name)!.imports.forEach(visit);
  };
  for (const [name, chunk] of chunks) if (chunk.isEntry) visit(name);
  const sizes = { initial: 0, lazy: 0 };
  for (const [name, chunk] of chunks) sizes[initial.has(name) ? 'initial' : 'lazy'] += await chunkSize(chunk.code, bundler !== 'esbuild');
  return sizes;
}

/** min+gzip bytes that a page loads before it runs `import { names } from 'from'` (see {@link bundledSizes}). */
export async function bundledSize(bundler: Bundler, from: string, names: string[]): Promise<number> {
  return (await bundledSizes(bundler, from, names)).initial;
}

describe.each(BUNDLERS)('bundle size with %s (min+gzip, without TF.js and RxJS)', (bundler) => {
  it('importing only the error classes stays within 3 kB (no top-level side effect keeps the rest)', async () => {
    // esbuild makes every dynamic import() it finds an entry point, live or not, and puts the modules
    // the registration chunk (classify/registration-code.ts) shares with the core into a chunk that
    // any import of the core loads: 8.7 kB for the error classes alone (0.3 kB with Rollup and
    // Rolldown). Accepted to keep createGestureRecognizer within 30 kB (docs/performance.md, "Bundle size").
    expect(await bundledSize(bundler, '@gesture/core', ERRORS)).toBeLessThanOrEqual((bundler === 'esbuild' ? 9 : 3) * KB);
  });

  it.each(['@gesture/react', '@gesture/vue'])('useGesture from %s adds at most 1 kB to the core it wraps', async (adapter) => {
    const core = await bundledSize(bundler, '@gesture/core', ['GestureObserver']);
    const hook = await bundledSize(bundler, adapter, ['useGesture']);
    expect(hook - core).toBeLessThanOrEqual(1 * KB);
  });

  it('createGestureRecognizer fits the 30 kB budget; the fitted reference data is a lazy chunk of its own', async () => {
    const { initial, lazy } = await bundledSizes(bundler, '@gesture/core', ['createGestureRecognizer']);
    expect(initial).toBeLessThanOrEqual(30 * KB);
    // The reference data (classify/reference-data.ts, ~27 kB) is fetched only when custom gestures are used.
    expect(lazy).toBeGreaterThan(20 * KB);
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
