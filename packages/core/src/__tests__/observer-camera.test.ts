import { afterEach, describe, expect, it, vi } from 'vitest';
import { GestureError } from '../errors';
import { CameraLease } from '../observer/camera';
import { fakeCamera } from './helpers/fake-camera';

// The lease alone, with a fake getUserMedia and plain objects standing in for <video> elements.

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const fakeVideo = () => ({ readyState: 0, currentTime: 0, srcObject: null as unknown, muted: false, playsInline: false, play: vi.fn(async () => {}) });

afterEach(() => vi.unstubAllGlobals());

describe('CameraLease', () => {
  it('opens only when allowed, moves the stream to a new element, and stops only its own tracks', async () => {
    const { getUserMedia, streams } = fakeCamera();
    const lease = new CameraLease({ failed: () => expect.unreachable() });
    const first = fakeVideo();
    lease.sync(true, first, false); // nobody subscribed yet
    expect(getUserMedia).not.toHaveBeenCalled();
    lease.sync(true, first, true);
    await tick();
    expect(getUserMedia).toHaveBeenCalledWith({ video: true, audio: false });
    expect(first).toMatchObject({ srcObject: streams[0], muted: true, playsInline: true });
    const second = fakeVideo();
    lease.sync(true, second, true);
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(first.srcObject).toBeNull();
    expect(second.srcObject).toBe(streams[0]);
    const appStream = {};
    second.srcObject = appStream; // the app took the element over
    lease.close();
    expect(streams[0]!.stopped).toBe(1);
    expect(second.srcObject).toBe(appStream);
  });

  it('reopens on new constraints and closes when camera is turned off or the source is not a video', async () => {
    const { getUserMedia, streams } = fakeCamera();
    const lease = new CameraLease({ failed: () => expect.unreachable() });
    const video = fakeVideo();
    lease.sync(true, video, true);
    await tick();
    lease.sync({ width: 640 }, video, true);
    await tick();
    expect(getUserMedia).toHaveBeenLastCalledWith({ video: { width: 640 }, audio: false });
    expect(streams[0]!.stopped).toBe(1);
    lease.sync(false, video, true);
    expect(streams[1]!.stopped).toBe(1);
    expect(video.srcObject).toBeNull();
    lease.sync(true, { subscribe() {} }, true); // an Observable source: nothing to play into
    expect(getUserMedia).toHaveBeenCalledTimes(2);
  });

  it('reports a refused camera as camera-failed, unless the owner started over meanwhile', async () => {
    const { getUserMedia } = fakeCamera();
    getUserMedia.mockRejectedValue(Object.assign(new Error('denied'), { name: 'NotAllowedError' }));
    let epoch = 0;
    const failed = vi.fn();
    const lease = new CameraLease({ failed, epoch: () => epoch });
    lease.sync(true, fakeVideo(), true);
    await tick();
    expect(failed).toHaveBeenCalledTimes(1);
    const error = failed.mock.calls[0]![0] as GestureError;
    expect(error).toBeInstanceOf(GestureError);
    expect(error).toMatchObject({ code: 'camera-failed', message: 'The camera could not be opened (NotAllowedError: denied).' });
    expect(lease.error).toBe(error);
    lease.close();
    expect(lease.error).toBeNull();
    lease.sync(true, fakeVideo(), true);
    epoch += 1;
    await tick();
    expect(failed).toHaveBeenCalledTimes(1);
  });
});
