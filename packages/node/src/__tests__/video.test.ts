import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClip } from '../../../core/src/__tests__/helpers/clip';
import type { FrameData } from '../../../core/src/types';
import { VideoDecodeError } from '../errors';
import { fromVideoFile, videoFrames } from '../video';

const CLIP = '/work/shared/fixtures/clips/intel_asl_yes.mkv';

const dir = mkdtempSync(join(tmpdir(), 'gesture-video-'));
const clip = join(dir, 'grey-then-white.mp4');

beforeAll(async () => {
  // 1 s of grey then 1 s of white, 160×120 at 10 fps: 20 frames, values easy to check.
  await buildClip(clip, [{ color: 'gray', seconds: 1 }, { color: 'white', seconds: 1 }], { width: 160, height: 120, fps: 10 });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fromVideoFile / videoFrames', () => {
  it('decodes every frame whole, in order, with timestamps from the start', async () => {
    const frames: { frame: FrameData; timestamp: number }[] = [];
    for await (const timed of videoFrames(clip)) frames.push(timed);
    expect(frames).toHaveLength(20);
    expect(frames.map((f) => f.timestamp)).toEqual(Array.from({ length: 20 }, (_, i) => i * 100));
    for (const { frame } of frames) {
      expect(frame).toMatchObject({ width: 160, height: 120, channels: 4 });
      expect(frame.data.length).toBe(160 * 120 * 4);
    }
    // Pixels land in the right frame across pipe chunks: grey first, white after, alpha 255.
    const pixel = (i: number) => Array.from(frames[i]!.frame.data.subarray(0, 4));
    expect(pixel(0)[0]).toBeGreaterThan(100);
    expect(pixel(0)[0]).toBeLessThan(160);
    expect(pixel(19)[0]).toBeGreaterThan(230);
    expect(pixel(19)[3]).toBe(255);
    // Each frame owns its bytes (a consumer may keep it while the next one is decoded).
    expect(new Set(frames.map((f) => f.frame.data.buffer)).size).toBe(20);
  });

  it('a source can be subscribed more than once: each run decodes the file again', async () => {
    const source = fromVideoFile(clip);
    const first = await lastValueFrom(source.pipe(toArray()));
    const second = await lastValueFrom(source.pipe(toArray()));
    expect(first).toHaveLength(20);
    expect(second).toHaveLength(20);
    expect(second.map((f) => f.timestamp)).toEqual(first.map((f) => f.timestamp));
  });

  it.each([
    ['an HLS playlist named .mp4', '#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n{clip}\n#EXT-X-ENDLIST\n', 'playlist.mp4'],
    ['an ffconcat list named .mkv', 'ffconcat version 1.0\nfile {clip}\n', 'list.mkv'],
  ])('%s pointing at another local video is refused: no frame of that video, a typed error', async (_name, text, file) => {
    // Both point at a real clip by absolute path; ffmpeg would happily decode it through them.
    const hostile = join(dir, file);
    writeFileSync(hostile, text.replace('{clip}', CLIP));
    let frames = 0;
    const error = await (async () => {
      for await (const _ of videoFrames(hostile, { fps: 5 })) frames += 1;
    })().catch((e: unknown) => e);
    expect(frames).toBe(0);
    expect(error).toBeInstanceOf(VideoDecodeError);
    expect((error as VideoDecodeError).code).toBe('video-decode');
    expect((error as VideoDecodeError).message).toMatch(/not a video container/);
    expect((error as VideoDecodeError).details).toMatchObject({ source: hostile, framesRead: 0 });
  });

  it('an fps below the minimum (1e-300) is refused with the accepted range', async () => {
    const error = await videoFrames(clip, { fps: 1e-300 }).next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VideoDecodeError);
    expect((error as Error).message).toMatch(/from 0\.1 to 240/);
  });
});
