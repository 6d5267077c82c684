import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMotionClip, PERFORMANCES } from '../../../core/src/__tests__/helpers/motion-recordings';
import { CLI, gesture, jsonLines } from './helpers/run-cli';

// `gesture register <name> <video>...` teaches a motion gesture (the built CLI, real detector).
const tmp = mkdtempSync(join(tmpdir(), 'gesture-register-motion-'));
const clips = [0, 1, 2].map((i) => join(tmp, `circle-${i}.mp4`));

beforeAll(async () => {
  expect(existsSync(CLI)).toBe(true);
  for (const [i, clip] of clips.entries()) await buildMotionClip('circle', PERFORMANCES[i]!, clip);
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('gesture register with videos', () => {
  it('learns a motion gesture from 3 videos and writes it into a version-2 pack', async () => {
    const pack = join(tmp, 'pack.json');
    const { stdout, code } = await gesture(['register', 'circle', ...clips, '--pack', pack, '--meaning', 'refresh', '--json']);
    expect(code).toBe(0);
    const [report] = jsonLines(stdout);
    expect(report).toMatchObject({ gesture: 'circle', registered: true, accepted: 3, rejected: [], motion: { leaveOneOut: { recognised: 3, of: 3 } }, pack });
    const saved = JSON.parse(readFileSync(pack, 'utf8'));
    expect(saved).toMatchObject({ format: 'gesture-pack', version: 2, gestures: [], motions: [{ name: 'circle', meaning: 'refresh' }] });
    expect(saved.motions[0].samples).toHaveLength(3);
  }, 120_000);
});
