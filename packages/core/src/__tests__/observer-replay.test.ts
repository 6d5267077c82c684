import { describe, expect, it, vi } from 'vitest';
import { GestureObserver } from '../observer/observer';
import { createRecorder } from '../recording/recorder';
import { fromRecording } from '../sources/from-recording';
import { Subject } from 'rxjs';
import type { GestureEvent } from '../events';
import type { Frame, TimedFrame } from '../types';
import { fakeRecognizer } from './helpers/fake-detector';

// Loading models on the replay path is a failure: the observer must not even ask for them.
vi.mock('../recognizer', async (original) => ({
  ...(await original<typeof import('../recognizer')>()),
  createGestureRecognizer: vi.fn(() => Promise.reject(new Error('createGestureRecognizer() called on the replay path'))),
}));

/** A tiny recording: someone in view for 1 s, then nobody for 3 s (10 fps). */
function recording() {
  const recorder = createRecorder();
  for (let t = 0; t <= 4000; t += 100) recorder.add({ hands: [], faces: t < 1000 ? [{ box: [1, 2, 3, 4], score: 0.9 }] : [], present: t < 1000, width: 64, height: 48, timestamp: t });
  return recorder.toJSON();
}

describe('GestureObserver with a fromRecording() source', () => {
  it('replays without loading models, and switching to frames reloads', async () => {
    const observer = new GestureObserver({ source: fromRecording(recording(), { speed: 'fast' }), backAfterMs: 300 });
    const events: GestureEvent[] = [];
    observer.events.subscribe((e) => events.push(e));
    const unsubscribe = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getSnapshot().presence).toBe('away'));
    expect(events.map((e) => (e.type === 'presence' ? e.state : e.type))).toEqual(['back', 'away']);
    expect(observer.getSnapshot()).toMatchObject({ status: 'ready', backend: null, error: null });
    expect(observer.recognizer).toBeNull();

    // Frames need models: the observer reloads (here the mocked loader refuses, so the error shows).
    observer.setOptions({ source: { readyState: 0, currentTime: 0 } as unknown as HTMLVideoElement });
    await vi.waitFor(() => expect(observer.getSnapshot().status).toBe('error'));
    expect(observer.getSnapshot().error?.message).toContain('replay path');
    unsubscribe();
    observer.destroy();
  });

  it('taps a live run into the recorder given as an option (the browser download button)', async () => {
    const recorder = createRecorder();
    const frames = new Subject<TimedFrame>();
    const observer = new GestureObserver({ recognizer: fakeRecognizer(), source: frames, recorder });
    const unsubscribe = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getSnapshot().status).toBe('ready'));
    for (let i = 0; i < 3; i += 1) {
      frames.next({ frame: { face: true } as unknown as Frame, timestamp: i * 100 });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(recorder.frameCount).toBe(3);
    expect(recorder.toJSON().frames.map((f) => f.t)).toEqual([0, 100, 200]);
    unsubscribe();
    observer.destroy();
  });
});
