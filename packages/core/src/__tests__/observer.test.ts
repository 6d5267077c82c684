import { from, Subject, take, toArray, lastValueFrom } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DisposedError } from '../errors';
import { GestureObserver } from '../observer/observer';
import type { GestureSnapshot } from '../observer/snapshot';
import type { Frame, TimedFrame } from '../types';
import { fakeCamera } from './helpers/fake-camera';
import { FakeHandDetector, fakeRecognizer, type ScriptedFrame } from './helpers/fake-detector';

// A fake detector drives the observer: these tests cover state and lifecycle only.

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));
const fist: ScriptedFrame = { hands: [{ id: 1, gesture: 'fist' }] };
const face: ScriptedFrame = { face: true };

/** Pushes scripted frames one at a time, 100 ms apart in capture time, letting each be processed. */
async function play(frames$: Subject<TimedFrame>, list: ScriptedFrame[], start = 0): Promise<void> {
  for (const [i, frame] of list.entries()) {
    frames$.next({ frame: frame as unknown as Frame, timestamp: start + i * 100 });
    await tick(3);
  }
}

describe('GestureObserver (fake detector)', () => {
  it('is idle with a stable snapshot until the first subscriber, then loads and becomes ready', async () => {
    const recognizer = fakeRecognizer();
    const observer = new GestureObserver({ recognizer: Promise.resolve(recognizer) });
    const idle = observer.getSnapshot();
    expect(idle).toBe(observer.getSnapshot());
    expect(idle).toMatchObject({ status: 'idle', gesture: null, meaning: null, hands: [], presence: 'unknown', lastEvent: null, backend: null, error: null });
    const seen: GestureSnapshot[] = [];
    const unsubscribe = observer.subscribe((s) => seen.push(s));
    expect(observer.getSnapshot().status).toBe('loading');
    await tick();
    expect(observer.getSnapshot()).toMatchObject({ status: 'ready', backend: recognizer.backend });
    expect(seen.map((s) => s.status)).toEqual(['loading', 'ready']);
    expect(observer.getServerSnapshot()).toBe(idle);
    unsubscribe();
    observer.destroy();
  });

  it('folds events into the snapshot, and changes its identity only when the state changes', async () => {
    const frames$ = new Subject<TimedFrame>();
    const observer = new GestureObserver({ recognizer: fakeRecognizer(), source: frames$ });
    let notified = 0;
    const unsubscribe = observer.subscribe(() => (notified += 1));
    await tick();
    const ready = observer.getSnapshot();
    await play(frames$, [face, face]); // nothing settles yet
    expect(observer.getSnapshot()).toBe(ready);
    await play(frames$, Array(8).fill(fist), 200);
    const holding = observer.getSnapshot();
    expect(holding).toMatchObject({ gesture: 'fist', meaning: 'no', presence: 'present' });
    expect(holding.hands).toEqual([{ id: 1, gesture: 'fist', meaning: 'no', handId: 1, handedness: 'right', score: 0.9, since: 500 }]);
    expect(holding.lastEvent).toMatchObject({ type: 'presence', state: 'back' });
    const calls = notified;
    await play(frames$, Array(3).fill(fist), 1000); // still the same fist: no change at all
    expect(observer.getSnapshot()).toBe(holding);
    expect(notified).toBe(calls);
    await play(frames$, Array(4).fill(face), 1300);
    expect(observer.getSnapshot()).toMatchObject({ gesture: null, meaning: null, hands: [], presence: 'present', lastEvent: { type: 'gesture', phase: 'end', id: 1 } });
    expect(Object.isFrozen(observer.getSnapshot())).toBe(true);
    unsubscribe();
    observer.destroy();
  });

  it('starts work with the first subscriber and stops with the last, without reloading models', async () => {
    const frames$ = new Subject<TimedFrame>();
    let loads = 0;
    const recognizer = fakeRecognizer();
    const observer = new GestureObserver({ recognizer: { then: (resolve: (r: typeof recognizer) => void) => (loads++, resolve(recognizer)) } as unknown as Promise<typeof recognizer>, source: frames$ });
    expect(frames$.observed).toBe(false);
    const a = observer.subscribe(() => {});
    const b = observer.subscribe(() => {});
    await tick();
    expect(frames$.observed).toBe(true);
    a();
    expect(frames$.observed).toBe(true);
    b();
    b(); // unsubscribing twice is harmless
    expect(frames$.observed).toBe(false);
    // React StrictMode: subscribe, unsubscribe, subscribe again.
    const c = observer.subscribe(() => {});
    expect(frames$.observed).toBe(true);
    expect(loads).toBe(1);
    c();
    observer.destroy();
  });

  it('setOptions() merges: equal values do nothing, a new source or debounce option restarts processing', async () => {
    const first$ = new Subject<TimedFrame>();
    const second$ = new Subject<TimedFrame>();
    const observer = new GestureObserver({ recognizer: fakeRecognizer(), source: first$, minHoldMs: 250 });
    const unsubscribe = observer.subscribe(() => {});
    await tick();
    const before = observer.getSnapshot();
    observer.setOptions({ source: first$, minHoldMs: 250 });
    expect(observer.getSnapshot()).toBe(before);
    expect(first$.observed).toBe(true);
    observer.setOptions({ source: second$ });
    expect(first$.observed).toBe(false);
    expect(second$.observed).toBe(true);
    observer.setOptions({ minHoldMs: 0 });
    await play(second$, [fist]);
    expect(observer.getSnapshot().gesture).toBe('fist');
    observer.setOptions({ enabled: false });
    expect(second$.observed).toBe(false);
    expect(observer.getSnapshot()).toMatchObject({ status: 'ready', gesture: null, hands: [], presence: 'unknown' });
    unsubscribe();
    observer.destroy();
  });

  it('reports a recognizer that fails to load as status error', async () => {
    const observer = new GestureObserver({ recognizer: Promise.reject(new Error('model missing')) });
    const unsubscribe = observer.subscribe(() => {});
    await tick();
    expect(observer.getSnapshot()).toMatchObject({ status: 'error', error: { message: 'model missing' } });
    unsubscribe();
    observer.destroy();
  });

  it('a frame source that fails puts it in status error; a bad frame is only a lastEvent', async () => {
    const frames$ = new Subject<TimedFrame>();
    const observer = new GestureObserver({ recognizer: fakeRecognizer(), source: frames$ });
    const unsubscribe = observer.subscribe(() => {});
    await tick();
    await play(frames$, [{ bad: true }]);
    expect(observer.getSnapshot()).toMatchObject({ status: 'ready', error: null, lastEvent: { type: 'error', error: { code: 'invalid-frame' } } });
    frames$.error(new Error('camera unplugged'));
    expect(observer.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'source-failed', message: 'The frame source failed: camera unplugged', cause: { message: 'camera unplugged' } } });
    // A new source recovers.
    const next$ = new Subject<TimedFrame>();
    observer.setOptions({ source: next$ });
    expect(observer.getSnapshot()).toMatchObject({ status: 'ready', error: null });
    expect(next$.observed).toBe(true);
    unsubscribe();
    observer.destroy();
  });

  it('destroy() stops work, leaves a shared recognizer alone, and later calls throw DisposedError', async () => {
    const frames$ = new Subject<TimedFrame>();
    const detector = new FakeHandDetector();
    const recognizer = fakeRecognizer(detector);
    const observer = new GestureObserver({ recognizer, source: frames$ });
    const unsubscribe = observer.subscribe(() => {});
    await tick();
    observer.destroy();
    expect(frames$.observed).toBe(false);
    expect(detector.disposed).toBe(false);
    expect(() => observer.subscribe(() => {})).toThrow(DisposedError);
    expect(() => observer.setOptions({ minHoldMs: 1 })).toThrow(DisposedError);
    expect(observer.getSnapshot().status).toBe('idle');
    expect(() => unsubscribe()).not.toThrow();
    expect(() => observer.destroy()).not.toThrow();
    recognizer.dispose();
  });

  it('interoperates with RxJS through Symbol.observable: the current snapshot, then each change', async () => {
    const frames$ = new Subject<TimedFrame>();
    const observer = new GestureObserver({ recognizer: fakeRecognizer(), source: frames$, minHoldMs: 0 });
    const statuses = lastValueFrom(from(observer).pipe(take(4), toArray()));
    await tick();
    await play(frames$, [fist]);
    expect((await statuses).map((s) => [s.status, s.gesture])).toEqual([
      ['idle', null],
      ['loading', null],
      ['ready', null],
      ['ready', 'fist'],
    ]);
    // take(4) unsubscribed: the observer stopped reading frames.
    expect(frames$.observed).toBe(false);
    observer.destroy();
  });

  it('events: every event as it happens, completing on destroy()', async () => {
    const frames$ = new Subject<TimedFrame>();
    const observer = new GestureObserver({ recognizer: fakeRecognizer(), source: frames$, minHoldMs: 0 });
    const seen: string[] = [];
    let completed = false;
    observer.events.subscribe({ next: (e) => seen.push(e.type === 'gesture' ? `${e.phase} ${e.gesture}` : e.type), complete: () => (completed = true) });
    const unsubscribe = observer.subscribe(() => {});
    await tick();
    await play(frames$, [fist, { bad: true }]);
    expect(seen).toEqual(['start fist', 'error']);
    unsubscribe();
    observer.destroy();
    expect(completed).toBe(true);
  });

  it('register() needs loaded models, then registers with the recognizer and counts at once', async () => {
    const recognizer = fakeRecognizer();
    const observer = new GestureObserver({ recognizer });
    await expect(observer.register('three', [])).rejects.toMatchObject({ code: 'not-ready' });
    expect(observer.recognizer).toBeNull();
    const unsubscribe = observer.subscribe(() => {});
    await tick();
    expect(observer.recognizer).toBe(recognizer);
    const spy = vi.spyOn(recognizer.gestures, 'register').mockResolvedValue({ gesture: 'three', registered: true, accepted: 1, rejected: [], nearest: null, confusable: false, leaveOneOut: null, hints: [] });
    const { register } = observer; // bound: safe to pass around
    await expect(register('three', [[[0, 0, 0]]], { meaning: 'three' })).resolves.toMatchObject({ registered: true });
    expect(spy).toHaveBeenCalledWith('three', [[[0, 0, 0]]], { meaning: 'three' });
    unsubscribe();
    observer.destroy();
  });

  it('releaseAfterMs: a resubscribe in the same task keeps the models; leaving for longer releases them', async () => {
    let loads = 0;
    const detectors: FakeHandDetector[] = [];
    const load = () => {
      loads += 1;
      const detector = new FakeHandDetector();
      detectors.push(detector);
      return fakeRecognizer(detector);
    };
    // A thenable recognizer counts each time the observer (re)loads it.
    const recognizer = { then: (resolve: (r: unknown) => void) => resolve(load()) } as unknown as Promise<ReturnType<typeof fakeRecognizer>>;
    const observer = new GestureObserver({ recognizer, releaseAfterMs: 0 });
    observer.subscribe(() => {})();
    const again = observer.subscribe(() => {}); // StrictMode: unmount and mount in one go
    await tick(20);
    expect(loads).toBe(1);
    expect(observer.getSnapshot().status).toBe('ready');
    again();
    await tick(20);
    expect(observer.getSnapshot().status).toBe('idle');
    expect(observer.recognizer).toBeNull();
    const third = observer.subscribe(() => {});
    await tick(20);
    expect(loads).toBe(2);
    third();
    observer.destroy();
  });
});

describe('GestureObserver camera option', () => {
  afterEach(() => vi.unstubAllGlobals());

  function fakeVideo(srcObject: unknown = null) {
    return { readyState: 0, currentTime: 0, ended: false, srcObject, muted: false, playsInline: false, play: vi.fn(async () => {}), requestVideoFrameCallback: () => 1, cancelVideoFrameCallback: () => {} };
  }

  it('opens the camera into the video once subscribed, moves it to a new video, stops it on release', async () => {
    const { getUserMedia, streams } = fakeCamera();
    const first = fakeVideo();
    const observer = new GestureObserver({ recognizer: fakeRecognizer(), source: first as unknown as HTMLVideoElement, camera: { width: 320 }, releaseAfterMs: 0 });
    expect(getUserMedia).not.toHaveBeenCalled(); // nothing before a subscriber
    observer.subscribe(() => {})();
    const unsubscribe = observer.subscribe(() => {});
    observer.setOptions({ camera: { width: 320 } }); // an equal literal (a re-render) changes nothing
    await tick();
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(getUserMedia).toHaveBeenCalledWith({ video: { width: 320 }, audio: false });
    expect(first.srcObject).toBe(streams[0]);
    expect(first.play).toHaveBeenCalled();
    const second = fakeVideo();
    observer.setOptions({ source: second as unknown as HTMLVideoElement });
    expect(first.srcObject).toBeNull();
    expect(second.srcObject).toBe(streams[0]);
    expect(streams[0]!.stopped).toBe(0);
    unsubscribe();
    await tick();
    expect(streams[0]!.stopped).toBe(1);
    expect(second.srcObject).toBeNull();
    observer.destroy();
  });

  it('never touches a stream the app attached itself, and reports a refused camera as status error', async () => {
    const { getUserMedia } = fakeCamera();
    const own = { stopped: 0, getTracks: () => [{ stop: () => (own.stopped += 1) }] };
    const video = fakeVideo(own);
    const observer = new GestureObserver({ recognizer: fakeRecognizer(), source: video as unknown as HTMLVideoElement });
    const unsubscribe = observer.subscribe(() => {});
    await tick();
    unsubscribe();
    observer.destroy();
    expect(getUserMedia).not.toHaveBeenCalled();
    expect(own.stopped).toBe(0);
    expect(video.srcObject).toBe(own);

    getUserMedia.mockRejectedValueOnce(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }));
    const refused = new GestureObserver({ recognizer: fakeRecognizer(), source: fakeVideo() as unknown as HTMLVideoElement, camera: true });
    const stop = refused.subscribe(() => {});
    await tick();
    expect(refused.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'camera-failed' } });
    stop();
    refused.destroy();
  });
});

describe('GestureObserver setOptions() with a recognizer it owns (real models)', () => {
  it('an equal URL or plain-object literal (a re-render) keeps the models; a changed option reloads them', async () => {
    const models = new URL('../../models/', import.meta.url);
    const frames$ = new Subject<TimedFrame>();
    const observer = new GestureObserver({ source: frames$, backend: 'wasm', modelBaseUrl: models, modelHandlers: {}, releaseAfterMs: 0 });
    const until = async (status: GestureSnapshot['status']) => {
      for (let i = 0; i < 400 && observer.getSnapshot().status !== status; i++) await tick(25);
      expect(observer.getSnapshot().status).toBe(status);
    };
    const stop = observer.subscribe(() => {});
    try {
      await until('ready');
      const first = observer.recognizer;
      expect(first).not.toBeNull();
      observer.setOptions({ modelBaseUrl: new URL(models.href), modelHandlers: {}, camera: false });
      expect(observer.getSnapshot().status).toBe('ready');
      expect(observer.recognizer === first).toBe(true);
      // Registry options apply to the loaded registry: same models, new meaning, back to the default when dropped.
      observer.setOptions({ meanings: { palm: 'hello' }, minScore: 0.6 });
      expect(observer.recognizer === first).toBe(true);
      expect(first?.gestures.list().find((g) => g.name === 'palm')?.meaning).toBe('hello');
      expect(first?.gestures.getOptions().minScore).toBe(0.6);
      observer.setOptions({ meanings: {} });
      expect(first?.gestures.list().find((g) => g.name === 'palm')?.meaning).toBe('question');
      observer.setOptions({ meanings: { palm: 42 as unknown as string } });
      expect(observer.getSnapshot().error).toMatchObject({ code: 'invalid-options' });
      observer.setOptions({ meanings: {} });
      expect(observer.getSnapshot()).toMatchObject({ status: 'ready', error: null });
      observer.setOptions({ minPresence: 0.8 });
      for (let i = 0; i < 400 && (observer.recognizer === first || observer.getSnapshot().status !== 'ready'); i++) await tick(25);
      expect(observer.recognizer === first).toBe(false);
      expect(observer.getSnapshot().status).toBe('ready');
      expect(observer.recognizer?.options.detector.minPresence).toBe(0.8);
    } finally {
      stop();
      observer.destroy();
    }
  });
});
