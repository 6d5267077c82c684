import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../../core/src/__tests__/helpers/fixtures';
import { buildClip } from '../../../core/src/__tests__/helpers/clip';
import { OrderedOutput, recognizeInWorkers } from '../cli/jobs';
import type { RecognizeOutput } from '../cli/recognize-input';
import { CLI, gesture, jsonLines } from './helpers/run-cli';

describe('OrderedOutput', () => {
  it('passes the first unfinished input through and holds later ones until those before them finish', () => {
    const out: unknown[] = [];
    const ordered = new OrderedOutput((o) => out.push((o as { json: unknown }).json));
    const line = (v: string): RecognizeOutput => ({ json: v });
    ordered.push(2, line('c1'));
    ordered.push(0, line('a1'));
    ordered.push(1, line('b1'));
    ordered.finish(2);
    expect(out).toEqual(['a1']);
    ordered.push(0, line('a2'));
    ordered.finish(0);
    expect(out).toEqual(['a1', 'a2', 'b1']);
    ordered.push(1, line('b2'));
    ordered.finish(1);
    expect(out).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
  });
});

describe('recognizeInWorkers', () => {
  it('a worker that dies fails the input it held (in order), and a fresh worker takes the rest', async () => {
    // A stand-in worker speaking jobs-protocol.ts: it dies (exit 3) on any input named *crash*.
    const script = join(mkdtempSync(join(tmpdir(), 'gesture-jobs-worker-')), 'worker.mjs');
    writeFileSync(script, `import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (m) => {
  if (m.type !== 'input') return;
  if (m.input.path.includes('crash')) process.exit(3);
  parentPort.postMessage({ type: 'output', index: m.index, output: { json: { file: m.input.path } } });
  parentPort.postMessage({ type: 'done', index: m.index, ok: true });
});`);
    const inputs = ['a.jpg', 'crash.jpg', 'b.jpg', 'c.jpg', 'crash2.jpg', 'd.jpg'].map((path) => ({ path, kind: 'image' as const }));
    const lines: unknown[] = [];
    const finished: string[] = [];
    const failed = await recognizeInWorkers(inputs, { jobs: 2, options: { json: true }, emit: (o) => lines.push((o as { json: unknown }).json), finished: (i) => finished.push(i.path), workerScript: pathToFileURL(script) });
    expect(failed).toBe(2);
    expect(lines.map((l) => (l as { file: string }).file)).toEqual(inputs.map((i) => i.path));
    expect(lines[1]).toMatchObject({ error: { code: 'worker-exit' } });
    expect(finished.sort()).toEqual(inputs.map((i) => i.path).sort());
  });
});

describe('gesture recognize --jobs', () => {
  it('prints the same lines in the same order with --jobs 3 as with --jobs 1 (photos, a video, a missing file)', async () => {
    expect(existsSync(CLI)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'gesture-jobs-'));
    const photos = ['fist', 'palm', 'peace', 'one', 'ok'].flatMap((c) => fixtureFiles(c).slice(0, 2));
    photos.forEach((photo, i) => symlinkSync(photo, join(dir, `${String(i).padStart(2, '0')}-${basename(photo)}`)));
    await buildClip(join(dir, '05-clip.mp4'), [{ image: fixtureFiles('fist')[0]!, seconds: 1.5 }, { image: fixtureFiles('palm')[0]!, seconds: 1.5 }], { width: 320, height: 240, fps: 10 });
    writeFileSync(join(dir, '03-broken.jpg'), 'not a jpeg');
    const serial = await gesture(['recognize', dir, '--json', '--jobs', '1']);
    const parallel = await gesture(['recognize', dir, '--json', '--jobs', '3']);
    expect(serial.code).toBe(1);
    expect(parallel.code).toBe(1);
    // Video timing (msPerFrame) differs between runs; everything else is byte for byte the same.
    const stable = (stdout: string) => stdout.replace(/"msPerFrame":[\d.]+/g, '"msPerFrame":0');
    expect(stable(parallel.stdout)).toBe(stable(serial.stdout));
    const out = jsonLines(serial.stdout);
    expect(out.filter((l) => 'hands' in l)).toHaveLength(10);
    expect(out.some((l) => l.type === 'gesture')).toBe(true);
    expect(out.filter((l) => 'error' in l && !('summary' in l))).toHaveLength(1);
  }, 60_000);

  it('refuses --jobs 0 as a usage error', async () => {
    expect((await gesture(['recognize', 'x.jpg', '--jobs', '0'])).code).toBe(2);
  });
});
