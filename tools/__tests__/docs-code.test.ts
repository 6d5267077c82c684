import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures';

/**
 * Doc pages must read fine on GitHub and npm, where VitePress `<<< @/file` includes show nothing:
 * every page carries its code. A block copied from a type-checked file (`docs/snippets/`, typed by
 * `tsc -p tsconfig.json`, or an example app, built and run by its own tests) is marked
 * `<!-- code: path -->` and must stay identical to that file (a `.vue` file without its `<style>`).
 */
const DOCS = join(REPO_ROOT, 'docs');
const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
const MARKED = /<!-- code: (\S+)[^\n]*-->\n```\w*\n([\s\S]*?)\n```/g;

function sourceText(path: string): string {
  const text = readFileSync(join(REPO_ROOT, path), 'utf8');
  return (path.endsWith('.vue') ? text.replace(/\n*<style>[\s\S]*?<\/style>\n*/, '\n') : text).replace(/\n+$/, '');
}

describe('docs carry their code', () => {
  it.each(pages)('%s has no VitePress file include', (page) => {
    expect(readFileSync(join(DOCS, page), 'utf8')).not.toMatch(/^<<<\s/m);
  });

  const blocks = pages.flatMap((page) => [...readFileSync(join(DOCS, page), 'utf8').matchAll(MARKED)].map((m) => ({ page, path: m[1]!, code: m[2]! })));

  it('every docs/snippets file is shown on a page', () => {
    const shown = new Set(blocks.map((b) => b.path));
    const snippets = readdirSync(join(DOCS, 'snippets')).map((f) => `docs/snippets/${f}`);
    expect(snippets.filter((s) => !shown.has(s))).toEqual([]);
  });

  it.each(blocks.map((b) => [`${b.page}: ${b.path}`, b] as const))('%s is identical to the file', (_, block) => {
    expect(block.code).toBe(sourceText(block.path));
  });

  it.each([
    ['react.md', ['@gesture/react', '@gesture/core', 'rxjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-converter', 'vite', '@vitejs/plugin-react']],
    ['vue.md', ['@gesture/vue', '@gesture/core', 'rxjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-converter', 'vite', '@vitejs/plugin-vue']],
    ['quick-start.md', ['@gesture/core', 'rxjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-converter']],
    ['node.md', ['@gesture/node', '@gesture/core', 'rxjs']],
  ])('%s installs every package its code imports', (page, packages) => {
    const installs = [...readFileSync(join(DOCS, page), 'utf8').matchAll(/^npm i (.*)$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(installs).toEqual(expect.arrayContaining(packages));
  });

  it('node.md says the snippets are ES modules', () => {
    expect(readFileSync(join(DOCS, 'node.md'), 'utf8')).toMatch(/"type": "module"/);
  });
});
