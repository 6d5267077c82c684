import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures';

/**
 * A new user's React app, made outside the repository from the packed tarballs by following
 * docs/react.md: its `npm i` lines (with the tarballs for @gesture/*), its Vite config and its
 * component, copied from the page. `vite build` must print no warning at all. npm installs the
 * third-party packages from its cache when it can (`--prefer-offline`), else from the registry.
 */
const APP = mkdtempSync(join(tmpdir(), 'gesture-react-app-'));
afterAll(() => rmSync(APP, { recursive: true, force: true }));

const page = readFileSync(join(REPO_ROOT, 'docs/react.md'), 'utf8');

/** The code block the page marks as a copy of `path`. */
function pageCode(path: string): string {
  const match = new RegExp(`<!-- code: ${path.replace(/[.]/g, '\\.')}[^\\n]*-->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(page);
  if (!match) throw new Error(`docs/react.md shows no ${path}`);
  return `${match[1]}\n`;
}

function sh(command: string, args: string[]): string {
  return execFileSync(command, args, { cwd: APP, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('a fresh Vite + React app from the tarballs, following docs/react.md', () => {
  it('installs and builds with no warning', { timeout: 600_000 }, () => {
    const tarballs: Record<string, string> = {};
    for (const name of ['core', 'react']) {
      const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', APP], { cwd: join(REPO_ROOT, 'packages', name), encoding: 'utf8' })) as { filename: string }[];
      tarballs[`@gesture/${name}`] = join(APP, packed!.filename);
    }
    sh('npm', ['init', '-y']);
    sh('npm', ['pkg', 'set', 'type=module']); // as `npm create vite` does, and docs/react.md says
    const installs = [...page.matchAll(/^npm i (.*)$/gm)].map((m) => m[1]!.split(/\s+/).map((arg) => tarballs[arg] ?? arg));
    expect(installs.length).toBeGreaterThan(0);
    for (const args of installs) sh('npm', ['i', ...args, '--prefer-offline', '--no-audit', '--no-fund']);

    writeFileSync(join(APP, 'vite.config.ts'), pageCode('examples/meeting-overlay/vite.config.ts'));
    mkdirSync(join(APP, 'src'));
    writeFileSync(join(APP, 'src/Overlay.tsx'), pageCode('docs/snippets/react-overlay.tsx'));
    writeFileSync(join(APP, 'src/main.tsx'), "import { createRoot } from 'react-dom/client';\nimport { Overlay } from './Overlay';\n\ncreateRoot(document.getElementById('root')!).render(<Overlay />);\n");
    writeFileSync(join(APP, 'index.html'), '<!doctype html>\n<html><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n');

    const build = spawnSync(join(APP, 'node_modules/.bin/vite'), ['build'], { cwd: APP, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const output = `${build.stdout}${build.stderr}`;
    expect(build.status, output).toBe(0);
    // Rolldown's [PLUGIN_TIMINGS] notice (how long plugins took; on a busy machine the bundling of
    // dist/worker.js inside vite:worker-import-meta-url can trip it) is a timing, not a warning about the app.
    expect(output.split('\n').filter((line) => /warn|\(!\)|doesn't exist at build time|larger than/i.test(line) && !line.includes('[PLUGIN_TIMINGS]'))).toEqual([]);
    expect(existsSync(join(APP, 'dist/models/handdetect.json'))).toBe(true);
    expect(existsSync(join(APP, 'dist/wasm/tfjs-backend-wasm-simd.wasm'))).toBe(true);
  });
});
