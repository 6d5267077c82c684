import { expect } from 'vitest';
import type { HandDetector } from '../../detect/hand-detector';
import type { FrameData } from '../../types';

/** A frame the size of `photo`, every byte mid-grey: an empty, unchanging scene. */
export function blankLike(photo: FrameData): FrameData {
  return { data: new Uint8Array(photo.data.length).fill(128), width: photo.width, height: photo.height, channels: 4 };
}

/** `frame` shifted right by `dx` pixels (edge repeated): a near-identical next video frame. */
export function shifted(frame: FrameData, dx: number): FrameData {
  const { width, height } = frame;
  const data = new Uint8Array(frame.data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (y * width + Math.max(0, x - dx)) * 4;
      data.set(frame.data.subarray(from, from + 4), (y * width + x) * 4);
    }
  }
  return { data, width, height, channels: 4 };
}

/** Feeds `frame` as `count` video frames at 30 fps, timestamps from 0 (an idle scene when `frame` is {@link blankLike}). */
export async function feedFrames(detector: HandDetector, frame: FrameData, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await detector.detect(frame, { mode: 'video', timestamp: i * (1000 / 30) });
}

/**
 * Feeds `photo` as video frames at 30 fps from frame `from` on (at most 8 frames) and returns how
 * many milliseconds after frame `from` the detector first found one hand, or -1 if it never did.
 */
export async function msUntilFound(detector: HandDetector, photo: FrameData, from: number): Promise<number> {
  for (let i = from; i < from + 8; i++) {
    if ((await detector.detect(photo, { mode: 'video', timestamp: i * (1000 / 30) })).hands.length === 1) return (i - from) * (1000 / 30);
  }
  return -1;
}

/** Feeds `photo` from frame `from` on (as {@link msUntilFound}) and expects its hand found within `maxMs` of the first frame. */
export async function expectFoundWithin(detector: HandDetector, photo: FrameData, from: number, maxMs: number): Promise<void> {
  const ms = await msUntilFound(detector, photo, from);
  expect(ms, 'ms until the hand was found (-1: never, in 8 frames)').toBeGreaterThanOrEqual(0);
  expect(ms).toBeLessThanOrEqual(maxMs);
}
