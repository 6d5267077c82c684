import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CLASSES, FIXTURES_DIR, fixtureFiles } from '../../../core/src/__tests__/helpers/fixtures';
import { buildClip } from '../../../core/src/__tests__/helpers/clip';
import { writeFileAtomic } from '../cli/pack-file';
import { CLI, gesture as runGesture, jsonLines } from './helpers/run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'gesture-cli-'));
const gesture = (...args: string[]) => runGesture(args);
const lines = jsonLines;

beforeAll(() => {
  expect(existsSync(CLI)).toBe(true);
});

describe('gesture recognize (images)', () => {
  it('prints one JSON line per photo with the documented shape, and built-in accuracy matches the library', async () => {
    const { stdout, code } = await gesture('recognize', ...BUILTIN_CLASSES.map((c) => join(FIXTURES_DIR, c)), '--json');
    expect(code).toBe(0);
    const results = lines(stdout);
    const files = BUILTIN_CLASSES.flatMap((c) => fixtureFiles(c));
    expect(results.map((r) => r.file)).toEqual(files);
    let detected = 0;
    let right = 0;
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(['faces', 'file', 'hands', 'height', 'present', 'width']);
      const hands = r.hands as Record<string, unknown>[];
      for (const hand of hands) {
        expect(Object.keys(hand).sort()).toEqual(['box', 'gesture', 'handedness', 'id', 'landmarks', 'meaning', 'score']);
        expect(hand.landmarks).toHaveLength(21);
        expect(hand.box).toHaveLength(4);
      }
      const expected = (r.file as string).split('/').slice(-2)[0];
      if (hands.length) detected += 1;
      if (hands[0]?.gesture === expected) right += 1;
    }
    // The same figures the classify accuracy test asserts for the library.
    expect(right / detected).toBeGreaterThanOrEqual(0.98);
    expect(right / results.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reports unreadable inputs as error lines, goes on, and exits 1', async () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir);
    copyFileSync(fixtureFiles('palm')[0]!, join(dir, 'a-good.jpg'));
    writeFileSync(join(dir, 'b-empty.jpg'), '');
    writeFileSync(join(dir, 'c-text.jpg'), 'this is not a photo');
    writeFileSync(join(dir, 'd-corrupt.jpg'), readFileSync(fixtureFiles('fist')[0]!).subarray(0, 200));
    copyFileSync(fixtureFiles('peace')[0]!, join(dir, 'e-good.jpg'));
    const { stdout, code } = await gesture('recognize', dir, join(tmp, 'missing.jpg'), '--json');
    expect(code).toBe(1);
    const results = lines(stdout);
    expect(results.map((r) => (r.file as string).split('/').pop())).toEqual(['a-good.jpg', 'b-empty.jpg', 'c-text.jpg', 'd-corrupt.jpg', 'e-good.jpg', 'missing.jpg']);
    expect((results[0]!.hands as { gesture: string }[])[0]!.gesture).toBe('palm');
    expect((results[4]!.hands as { gesture: string }[])[0]!.gesture).toBe('peace');
    for (const [i, reason] of [[1, 'image-load'], [2, 'image-load'], [3, 'image-load'], [5, 'image-load']] as const) {
      expect(results[i]!.error).toMatchObject({ code: reason });
      expect(typeof (results[i]!.error as { message: string }).message).toBe('string');
    }
  });

  it('prints a readable table without --json, and nothing but results on stdout', async () => {
    const { stdout, stderr, code } = await gesture('recognize', fixtureFiles('fist').find((f) => f.endsWith('subhih__15_pic00002.jpg'))!);
    expect(code).toBe(0);
    expect(stdout).toMatch(/file\s+size\s+hands/);
    expect(stdout).toMatch(/fist \(no\)/);
    expect(stderr).toBe('');
  });

  it('--help lists every option with an example', async () => {
    for (const command of ['recognize', 'register', 'bench']) {
      const { stdout } = await gesture(command, '--help');
      expect(stdout).toMatch(/Examples:/);
      expect(stdout).toMatch(/\$ gesture /);
    }
    const { stdout } = await gesture('recognize', '--help');
    for (const option of ['--json', '--pack', '--fps', '--backend']) expect(stdout).toContain(option);
  });

  it('bad arguments exit 2 with a message', async () => {
    expect((await gesture('recognize', 'x.jpg', '--fps', 'fast')).code).toBe(2);
    expect((await gesture('recognize', 'x.jpg', '--backend', 'metal')).code).toBe(2);
    expect((await gesture('register', 'rock', 'x.jpg')).stderr).toMatch(/--pack/);
    // The package ships no photos: `bench` without --images is a usage error naming the flag.
    const bench = await gesture('bench');
    expect(bench.code).toBe(2);
    expect(bench.stderr).toMatch(/--images/);
  });
});

describe('gesture register → recognize --pack', () => {
  it('learns `three` from 5 photos and recognises it on its other photos', async () => {
    const pack = join(tmp, 'team.json');
    const three = fixtureFiles('three');
    // A video among the samples is reported, not silently dropped.
    const video = join(tmp, 'not-a-sample.mp4');
    writeFileSync(video, 'never decoded');
    const { stdout, code } = await gesture('register', 'rock-three', ...three.slice(0, 5), video, '--pack', pack, '--meaning', 'three', '--json');
    expect(code).toBe(0);
    const report = lines(stdout)[0]!;
    expect(report).toMatchObject({ gesture: 'rock-three', registered: true });
    expect(report.rejected).toContainEqual({ index: -1, reason: 'invalid', message: `${video}: a video; samples are photos`, file: video });
    const saved = JSON.parse(readFileSync(pack, 'utf8'));
    expect(saved).toMatchObject({ format: 'gesture-pack', version: 2 });
    const recognized = lines((await gesture('recognize', ...three.slice(5), '--pack', pack, '--json')).stdout);
    const hits = recognized.filter((r) => (r.hands as { gesture: string }[])[0]?.gesture === 'rock-three').length;
    expect(hits).toBeGreaterThanOrEqual(4);
  });

  it('a malformed pack is refused with its JSON path', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'gesture-pack', version: 3, gestures: [] }));
    const { stderr, code } = await gesture('recognize', fixtureFiles('fist')[0]!, '--pack', bad);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/\$\.version/);
  });

  it('a register killed mid-write leaves the previous pack intact', async () => {
    const pack = join(tmp, 'kill.json');
    expect((await gesture('register', 'horns', ...fixtureFiles('rock').slice(0, 5), '--pack', pack)).code).toBe(0);
    const before = readFileSync(pack, 'utf8');
    // Kill a second register at several moments, including while it writes.
    for (const delayMs of [800, 1500, 2500, 3500]) {
      const child = spawn(process.execPath, [CLI, 'register', 'thumbs', ...fixtureFiles('thumbs_up').slice(0, 5), '--pack', pack], { stdio: 'ignore' });
      const closed = new Promise((resolve) => child.on('close', resolve));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill('SIGKILL');
      await closed;
      const now = readFileSync(pack, 'utf8');
      // Either untouched or the complete new pack: never half a file.
      const parsed = JSON.parse(now);
      expect(parsed.format).toBe('gesture-pack');
      if (now !== before) expect(parsed.gestures.map((g: { name: string }) => g.name).sort()).toEqual(['horns', 'thumbs']);
    }
  });
});

describe('writeFileAtomic (what register saves packs with)', () => {
  it('replaces the file whole, leaves no temporary file, and on failure leaves the target and no temporary file', async () => {
    const dir = mkdtempSync(join(tmp, 'atomic-'));
    const target = join(dir, 'pack.json');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['pack.json']);
    // A target the rename cannot replace (a non-empty folder): the write fails after the temporary
    // file was written, and it is removed again.
    const folder = join(dir, 'folder.json');
    mkdirSync(folder);
    writeFileSync(join(folder, 'keep'), 'x');
    await expect(writeFileAtomic(folder, 'new')).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['folder.json', 'pack.json']);
    expect(readdirSync(folder)).toEqual(['keep']);
  });
});

describe('gesture recognize (video)', () => {
  const size = { width: 320, height: 240, fps: 10 };
  it('prints one line per debounced event, then a summary', async () => {
    const clip = join(tmp, 'clip.mp4');
    await buildClip(clip, [
      { image: fixtureFiles('none')[0]!, seconds: 2 },
      { image: fixtureFiles('fist')[0]!, seconds: 2 },
      { image: fixtureFiles('none')[0]!, seconds: 1 },
      { image: fixtureFiles('palm')[0]!, seconds: 2 },
      { color: 'gray', seconds: 3 },
      { image: fixtureFiles('peace')[0]!, seconds: 2 },
    ], size);
    const { stdout, code } = await gesture('recognize', clip, '--json');
    expect(code).toBe(0);
    const out = lines(stdout);
    const summary = out.pop()!.summary as Record<string, unknown>;
    expect(summary).toMatchObject({ file: clip, framesRead: 120, framesDropped: 0 });
    const seq = out.map((e) => (e.type === 'gesture' ? `${e.phase} ${e.gesture}` : e.type === 'presence' ? e.state : e.type));
    // `back` needs backAfterMs (500 ms) of presence, longer than a gesture's minHoldMs (250 ms).
    expect(seq).toEqual(['back', 'start fist', 'end fist', 'start palm', 'end palm', 'away', 'start peace', 'back', 'end peace']);
  });

  it('a truncated video gives the events read so far and an error, exit 1', async () => {
    // Matroska keeps its index up front, so the frames before the cut still decode.
    const clip = join(tmp, 'clip.mkv');
    await buildClip(clip, [{ image: fixtureFiles('fist')[0]!, seconds: 2 }, { image: fixtureFiles('palm')[0]!, seconds: 2 }], size);
    const cut = join(tmp, 'cut.mkv');
    writeFileSync(cut, readFileSync(clip).subarray(0, Math.floor(readFileSync(clip).length * 0.8)));
    const { stdout, code } = await gesture('recognize', cut, '--json');
    expect(code).toBe(1);
    const out = lines(stdout);
    const summary = out.pop()!.summary as { framesRead: number; error: { code: string } };
    expect(summary.error.code).toBe('video-decode');
    expect(summary.framesRead).toBeGreaterThan(0);
    expect(summary.framesRead).toBeLessThan(40);
    expect(out.some((e) => e.type === 'gesture' && e.gesture === 'fist')).toBe(true);
  });
});
