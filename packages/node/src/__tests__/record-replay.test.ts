import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { decodeFrame, GestureRegistry, validateRecording } from '@gesture/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_ROOT } from '../../../core/src/__tests__/helpers/fixtures';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const CLIP = join(FIXTURES_ROOT, 'clips', 'mediapipe-samples_gesture_recognizer_test_video.mp4');
const tmp = mkdtempSync(join(tmpdir(), 'gesture-replay-'));
const SESSION = join(tmp, 'session.json');

async function gesture(...args: string[]): Promise<{ lines: Record<string, unknown>[]; code: number }> {
  let stdout: string;
  let code = 0;
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    ({ stdout, code } = error as { stdout: string; code: number });
  }
  return { code, lines: stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const events = (lines: Record<string, unknown>[]) => lines.filter((l) => !('summary' in l));
const summary = (lines: Record<string, unknown>[]) => lines.find((l) => 'summary' in l)!.summary as { framesRead: number; msPerFrame: number; fps: number };
const withoutScore = ({ score: _score, ...rest }: Record<string, unknown>) => rest;

let recorded: Awaited<ReturnType<typeof gesture>>;
let recognized: Awaited<ReturnType<typeof gesture>>;

beforeAll(async () => {
  recorded = await gesture('record', CLIP, '--fps', '10', '-o', SESSION, '--json');
  recognized = await gesture('recognize', CLIP, '--fps', '10', '--json');
});

describe('gesture record / gesture replay (a real clip, real models for the recording only)', () => {
  it('records every frame into a valid recording', () => {
    expect(recorded.code).toBe(0);
    const recording = validateRecording(JSON.parse(readFileSync(SESSION, 'utf8')));
    expect(recording.frames).toHaveLength(summary(recognized.lines).framesRead);
    expect(recording).toMatchObject({ width: 1280, height: 720, detector: { mirror: false } });
  });

  it('replays the events of the live run: exactly those of the recording run, and those of `gesture recognize` up to score rounding', async () => {
    const replayed = await gesture('replay', SESSION, '--json');
    expect(replayed.code).toBe(0);
    expect(events(replayed.lines).length).toBeGreaterThanOrEqual(3);
    expect(events(replayed.lines)).toEqual(events(recorded.lines));
    // `gesture recognize` classifies unrounded landmarks: the same events, scores within 0.001.
    expect(events(replayed.lines).map(withoutScore)).toEqual(events(recognized.lines).map(withoutScore));
    events(replayed.lines).forEach((e, i) => 'score' in e && expect(Math.abs((e.score as number) - (events(recognized.lines)[i]!.score as number))).toBeLessThan(1e-3));
    const live = summary(recognized.lines).msPerFrame;
    const replay = summary(replayed.lines);
    console.log(`replay ${replay.fps} frames/s (${replay.msPerFrame} ms/frame, ${replay.framesRead} frames, cold process); live ${live} ms/frame: ${Math.round(live / replay.msPerFrame)}× faster`);
    expect(live / replay.msPerFrame).toBeGreaterThanOrEqual(20);
  });

  it('applies a gesture pack during replay (classification runs on the recorded landmarks)', async () => {
    const recording = validateRecording(JSON.parse(readFileSync(SESSION, 'utf8')));
    const held = recording.frames.filter((f) => f.t >= 3300 && f.hands.length > 0).filter((_, i) => i % 3 === 0);
    const registry = new GestureRegistry();
    // The held hand reads `one` with the built-ins; a pack whose `one` is learnt from it (meaning `like`) takes over.
    const report = await registry.register('one', held.map((f) => decodeFrame(f, recording.width, recording.height).hands[0]!), { meaning: 'like', replace: true });
    expect(report.registered).toBe(true);
    const pack = join(tmp, 'pack.json');
    writeFileSync(pack, JSON.stringify(registry.export()));
    const replayed = await gesture('replay', SESSION, '--json', '--pack', pack);
    expect(replayed.code).toBe(0);
    expect(events(replayed.lines)).toContainEqual(expect.objectContaining({ type: 'gesture', phase: 'start', gesture: 'one', meaning: 'like' }));
  });

  it('refuses a bad recording with its JSON path and exits 1, going on with the others', async () => {
    const bad = join(tmp, 'bad.json');
    const recording = JSON.parse(readFileSync(SESSION, 'utf8'));
    recording.frames[3].hands = [{ ...recording.frames.find((f: { hands: unknown[] }) => f.hands.length)?.hands[0], box: 'x' }];
    writeFileSync(bad, JSON.stringify(recording));
    const replayed = await gesture('replay', bad, SESSION, '--json');
    expect(replayed.code).toBe(1);
    expect(replayed.lines[0]).toMatchObject({ file: bad, error: { code: 'recording', message: expect.stringContaining('$.frames[3].hands[0].box') } });
    expect(summary(replayed.lines).framesRead).toBe(recording.frames.length);
  });
});
