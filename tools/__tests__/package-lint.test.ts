import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures';

/**
 * What npm would publish, checked as npm would publish it: each published package is packed
 * (`npm pack`, after `npm test`'s build, so without running `prepack` again) and the tarball is
 * linted by publint (strict: warnings fail) and by attw with its default profile (node10,
 * node16 CJS and ESM, bundler). `@gesture/core/vite` answers node10 through `typesVersions`.
 */
const PUBLISHED = ['core', 'node', 'react', 'vue'] as const;
const PACKS = mkdtempSync(join(tmpdir(), 'gesture-packs-'));

interface PackResult {
  filename: string;
  files: { path: string }[];
}

function pack(name: string): PackResult {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', PACKS], { cwd: join(REPO_ROOT, 'packages', name), encoding: 'utf8' });
  const [result] = JSON.parse(out) as PackResult[];
  return { ...result!, filename: join(PACKS, result!.filename) };
}

function lint(bin: string, args: string[]): { status: number | null; output: string } {
  const run = spawnSync(join(REPO_ROOT, 'node_modules/.bin', bin), args, { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.each(PUBLISHED)('the @gesture/%s tarball', (name) => {
  const tarball = pack(name);
  const files = tarball.files.map((f) => f.path);
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', name, 'package.json'), 'utf8')) as Record<string, unknown>;

  it('ships its README, the MIT LICENSE and the build, and no sources or tests', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']));
    expect(readFileSync(join(REPO_ROOT, 'packages', name, 'LICENSE'), 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8'));
    expect(files.filter((f) => f.startsWith('src/') || f.includes('__tests__'))).toEqual([]);
    if (name === 'node') expect(files).toContain('bin/gesture.js');
    if (name === 'core') expect(files).toEqual(expect.arrayContaining(['NOTICE', 'models/handdetect.json']));
  });

  it('has the metadata npm shows, public access and a build before packing', () => {
    expect(pkg).toMatchObject({
      license: 'MIT',
      homepage: expect.stringMatching(/^https:\/\//),
      repository: { type: 'git', url: expect.stringMatching(/^git\+https:\/\//), directory: `packages/${name}` },
      bugs: { url: expect.stringMatching(/^https:\/\//) },
      keywords: expect.arrayContaining(['gesture']),
      publishConfig: { access: 'public' },
      scripts: expect.objectContaining({ prepack: 'npm run build' }),
      engines: { node: expect.stringMatching(/^>=/) },
    });
  });

  it('passes publint --strict', () => {
    const { status, output } = lint('publint', ['run', tarball.filename, '--strict']);
    expect(output).toMatch(/All good/);
    expect(status).toBe(0);
  });

  it('passes attw (default profile, including node10)', () => {
    const { status, output } = lint('attw', [tarball.filename]);
    expect(output).toMatch(/No problems found/);
    expect(status).toBe(0);
  });
});
