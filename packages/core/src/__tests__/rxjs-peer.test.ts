import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * RxJS is a peer dependency of every published package: an app's own RxJS is the one the
 * pipeline uses. These checks run as a consumer would, in a fresh Node process from the
 * repository root, with `rxjs` resolved from the root and `@gesture/core` from its built `dist/`.
 */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const PUBLISHED = ['core', 'node', 'react', 'vue'];

function consumer(code: string): unknown {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' }).trim());
}

describe('rxjs is a peer dependency', () => {
  it.each(PUBLISHED)('@gesture/%s asks for rxjs ^7.8 as a peer, not as a dependency', (name) => {
    const pkg = JSON.parse(readFileSync(`${ROOT}packages/${name}/package.json`, 'utf8')) as Record<string, Record<string, string> | undefined>;
    expect(pkg.peerDependencies?.rxjs).toBe('^7.8.0');
    expect(pkg.dependencies?.rxjs).toBeUndefined();
  });

  it('one copy of rxjs is installed (npm ls rxjs)', () => {
    const tree = execFileSync('npm', ['ls', 'rxjs', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' });
    const copies = [...new Set(tree.split('\n').filter((line) => /node_modules\/rxjs$/.test(line)))];
    expect(copies).toEqual([`${ROOT}node_modules/rxjs`]);
  });

  it("the app's own operators and Observable work on the core's streams, and the core's operators on the app's", () => {
    const result = consumer(`
      import { Observable, from, of, map, filter, take, toArray, firstValueFrom } from 'rxjs';
      import { debounce, fromFrames } from '@gesture/core';
      const hand = (gesture, score) => ({ id: 1, handedness: 'right', gesture, meaning: gesture === 'fist' ? 'no' : null, score });
      // The core's debounce() piped onto the app's of(), then the app's operators.
      const frames = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900].map((t) => ({ timestamp: t, hands: t < 600 ? [hand('fist', 0.95)] : [] }));
      const events$ = of(...frames).pipe(debounce({ minHoldMs: 100, releaseMs: 100 }));
      const phases = await firstValueFrom(events$.pipe(filter((e) => e.type === 'gesture'), map((e) => e.phase + ' ' + e.meaning), toArray()));
      // A core source is an Observable of the app's RxJS, and from() takes it as it is.
      const source = fromFrames([{ data: new Uint8Array(4), width: 1, height: 1 }, { data: new Uint8Array(4), width: 1, height: 1 }], { fps: 10 });
      const timestamps = await firstValueFrom(from(source).pipe(map((f) => f.timestamp), take(2), toArray()));
      console.log(JSON.stringify({ phases, observable: events$ instanceof Observable && source instanceof Observable, timestamps }));
    `);
    expect(result).toEqual({ phases: ['start no', 'end no'], observable: true, timestamps: [0, 100] });
  });
});
