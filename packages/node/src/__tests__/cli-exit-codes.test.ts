import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../../core/src/__tests__/helpers/fixtures';
import { buildClip } from '../../../core/src/__tests__/helpers/clip';
import { gesture, jsonLines } from './helpers/run-cli';

// Exit codes, every command: 0 all good, 1 an input failed (the others still processed), 2 usage
// or configuration error. One test per code per command where it applies.
const tmp = mkdtempSync(join(tmpdir(), 'gesture-exit-'));
const photo = fixtureFiles('palm')[0]!;

describe('gesture (no command, help)', () => {
  it('no command is a usage error (2); --help is 0', async () => {
    expect((await gesture([])).code).toBe(2);
    expect((await gesture(['frobnicate'])).code).toBe(2);
    expect((await gesture(['--help'])).code).toBe(0);
    expect((await gesture(['recognize', '--help'])).code).toBe(0);
  });
});

describe('gesture recognize exit codes', () => {
  it('0: every input recognised', async () => {
    expect((await gesture(['recognize', photo, '--json'])).code).toBe(0);
  });

  it('1: a missing file is an error line, the rest are processed', async () => {
    const { stdout, code } = await gesture(['recognize', join(tmp, 'missing.jpg'), photo, '--json']);
    expect(code).toBe(1);
    expect(jsonLines(stdout).map((l) => ('error' in l ? 'error' : 'ok'))).toEqual(['error', 'ok']);
  });

  it('2: bad arguments (unknown option, fps out of range or that decodes no frame, no input) and a malformed pack', async () => {
    for (const args of [['recognize', photo, '--bogus'], ['recognize', photo, '--fps', '1e-300'], ['recognize', photo, '--fps', '0'], ['recognize', photo, '--fps', '1e9'], ['recognize', photo, '--fps', 'NaN'], ['recognize']]) {
      const { stderr, code } = await gesture(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/error:/);
      expect(stderr).not.toMatch(/\n\s+at /); // a message, never a stack trace
    }
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'gesture-pack', version: 3, gestures: [] }));
    const pack = await gesture(['recognize', photo, '--pack', bad]);
    expect(pack.code).toBe(2);
    expect(pack.stderr).toMatch(/\$\.version/);
    expect((await gesture(['recognize', photo, '--pack', join(tmp, 'no-such-pack.json')])).code).toBe(2);
  });

  it('1: an empty folder says no images were found; symlinked images in folders are followed, broken links reported', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    const none = await gesture(['recognize', empty, '--json']);
    expect(none.code).toBe(1);
    expect(jsonLines(none.stdout)).toEqual([{ file: empty, error: { code: 'no-images', message: `No images or videos found in folder ${empty}.` } }]);
    const linked = join(tmp, 'linked');
    mkdirSync(linked);
    symlinkSync(photo, join(linked, 'a-link.jpg'));
    symlinkSync(join(tmp, 'gone.jpg'), join(linked, 'b-broken.jpg'));
    const { stdout, code } = await gesture(['recognize', linked, '--json']);
    expect(code).toBe(1);
    const [link, broken] = jsonLines(stdout);
    expect((link!.hands as { gesture: string }[])[0]!.gesture).toBe('palm');
    expect(broken).toMatchObject({ file: join(linked, 'b-broken.jpg'), error: { code: 'unreadable-input' } });
  });

  it('1: a file named `concat:a.mp4|b.mp4` is that file only: ffmpeg does not read a.mp4 and b.mp4', async () => {
    const dir = join(tmp, 'concat');
    mkdirSync(dir);
    await buildClip(join(dir, 'a.mp4'), [{ image: photo, seconds: 1 }], { width: 160, height: 120, fps: 10 });
    copyFileSync(join(dir, 'a.mp4'), join(dir, 'b.mp4'));
    writeFileSync(join(dir, 'concat:a.mp4|b.mp4'), 'not a video');
    const { stdout, code } = await gesture(['recognize', 'concat:a.mp4|b.mp4', '--json'], { cwd: dir });
    expect(code).toBe(1);
    const { summary } = jsonLines(stdout).pop() as { summary: { framesRead: number; error: { code: string } } };
    expect(summary.framesRead).toBe(0);
    expect(summary.error.code).toBe('video-decode');
  });

  it('the table escapes control characters from file names (and pack names): nothing raw reaches the terminal', async () => {
    const dir = join(tmp, 'controls');
    mkdirSync(dir);
    copyFileSync(photo, join(dir, 'x\u001b[2J\ry.jpg'));
    const { stdout, code } = await gesture(['recognize', dir]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(stdout).toContain('x\\x1b[2J\\x0dy.jpg');
  });
});

describe('gesture register and bench exit codes', () => {
  it('register: 2 without --pack or with a malformed pack; 1 when no sample is usable', async () => {
    expect((await gesture(['register', 'horns', photo])).code).toBe(2);
    const bad = join(tmp, 'bad-register.json');
    writeFileSync(bad, '{"format":"gesture-pack","version":1,"gestures":"no"}');
    expect((await gesture(['register', 'horns', photo, '--pack', bad])).code).toBe(2);
    const { stdout, code } = await gesture(['register', 'horns', join(tmp, 'missing.jpg'), '--pack', join(tmp, 'new.json')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/NOT registered/);
  });

  it('bench: 2 without --images; 0 on a photo', async () => {
    expect((await gesture(['bench'])).code).toBe(2);
    expect((await gesture(['bench', '--frames', '0', '--images', photo])).code).toBe(2);
    expect((await gesture(['bench', '--frames', '1', '--images', photo, '--json'])).code).toBe(0);
  }, 120_000);
});
