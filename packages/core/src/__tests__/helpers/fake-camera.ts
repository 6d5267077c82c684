import { vi } from 'vitest';

/** A camera stream whose tracks count their `stop()` calls (a real `MediaStream` where the DOM has one). */
export type FakeStream = MediaStream & { stopped: number };

export function fakeStream(): FakeStream {
  const stream = Object.assign(typeof MediaStream === 'undefined' ? {} : new MediaStream(), { stopped: 0 }) as FakeStream;
  stream.getTracks = () => [{ stop: () => (stream.stopped += 1) } as unknown as MediaStreamTrack];
  return stream;
}

/**
 * Installs a fake `navigator.mediaDevices.getUserMedia` that hands out new `FakeStream`s, for
 * tests of who opens and stops the camera. In Node (no `navigator`) it is a stubbed global:
 * call `vi.unstubAllGlobals()` after the test.
 */
export function fakeCamera(): { getUserMedia: ReturnType<typeof vi.fn<() => Promise<MediaStream>>>; streams: FakeStream[] } {
  const streams: FakeStream[] = [];
  const getUserMedia = vi.fn(async () => {
    const stream = fakeStream();
    streams.push(stream);
    return stream;
  });
  if (typeof navigator === 'undefined') vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
  else Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } });
  return { getUserMedia, streams };
}
