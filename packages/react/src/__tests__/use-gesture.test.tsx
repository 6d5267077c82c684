// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { StrictMode, useRef, useState } from 'react';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeCamera, fakeStream } from '../../../core/src/__tests__/helpers/fake-camera';
import { fakeRecognizer, type ScriptedFrame } from '../../../core/src/__tests__/helpers/fake-detector';
import type { Frame, GestureRecognizer, TimedFrame } from '@gesture/core';
import { useGesture, type UseGestureOptions } from '../index';

// A fake recognizer drives the hook: these tests cover React state and lifecycle only.

const tick = (ms = 5) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
const fist: ScriptedFrame = { hands: [{ id: 1, gesture: 'fist' }] };
const palm: ScriptedFrame = { hands: [{ id: 1, gesture: 'palm' }] };

async function play(frames$: Subject<TimedFrame>, list: ScriptedFrame[], start = 0): Promise<void> {
  for (const [i, frame] of list.entries()) {
    await act(async () => frames$.next({ frame: frame as unknown as Frame, timestamp: start + i * 100 }));
    await tick(3);
  }
}

function Status(props: UseGestureOptions & { onRender?: (r: ReturnType<typeof useGesture>) => void }) {
  const { onRender, ...options } = props;
  const result = useGesture(options);
  onRender?.(result);
  return <p data-testid="state">{`${result.status} ${result.meaning ?? '-'} ${result.presence} ${result.backend?.name ?? '-'}`}</p>;
}

/** A recognizer promise that counts how often the observer loads it. */
function counted(recognizer = fakeRecognizer()) {
  const counter = { loads: 0, recognizer: { then: (resolve: (r: GestureRecognizer) => void) => (counter.loads++, resolve(recognizer)) } as unknown as Promise<GestureRecognizer> };
  return counter;
}


afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});


describe('useGesture (fake recognizer)', () => {
  it('goes idle → loading → ready, then follows gestures and presence, re-rendering only on change', async () => {
    const frames$ = new Subject<TimedFrame>();
    const renders: string[] = [];
    render(<Status recognizer={fakeRecognizer()} source={frames$} minHoldMs={0} onRender={(r) => renders.push(`${r.status} ${r.meaning}`)} />);
    expect(renders[0]).toBe('idle null');
    await tick();
    expect(screen.getByTestId('state').textContent).toBe('ready - unknown wasm');
    await play(frames$, Array(6).fill(fist));
    expect(screen.getByTestId('state').textContent).toBe('ready no present wasm');
    const count = renders.length;
    await play(frames$, Array(3).fill(fist), 600); // same state: no re-render
    expect(renders.length).toBe(count);
    await play(frames$, Array(10).fill(palm), 900);
    expect(screen.getByTestId('state').textContent).toBe('ready question present wasm');
  });

  it('exposes every event as an Observable and register() from the observer', async () => {
    const frames$ = new Subject<TimedFrame>();
    const recognizer = fakeRecognizer();
    let result: ReturnType<typeof useGesture> | undefined;
    render(<Status recognizer={recognizer} source={frames$} minHoldMs={0} onRender={(r) => (result = r)} />);
    await tick();
    const seen: string[] = [];
    const subscription = result!.events.subscribe((e) => seen.push(e.type));
    await play(frames$, [fist]);
    expect(seen).toEqual(['gesture']);
    subscription.unsubscribe();
    const spy = vi.spyOn(recognizer.gestures, 'register').mockResolvedValue({ gesture: 'three', registered: true, accepted: 1, rejected: [], nearest: null, confusable: false, leaveOneOut: null, hints: [] });
    await expect(result!.register('three', [[[0, 0, 0]]])).resolves.toMatchObject({ registered: true });
    expect(spy).toHaveBeenCalledOnce();
    expect(result!.observer.recognizer).toBe(recognizer);
  });

  it('reports a recognizer that fails to load as status error', async () => {
    const failing = Promise.reject(new Error('model missing'));
    failing.catch(() => {});
    render(<Status recognizer={failing} />);
    await tick();
    expect(screen.getByTestId('state').textContent).toBe('error - unknown -');
  });

  it('StrictMode double mount: models load once, the camera opens once, and unmount stops it', async () => {
    const { getUserMedia, streams } = fakeCamera();
    const counter = counted();
    function App() {
      const video = useRef<HTMLVideoElement>(null);
      const { status } = useGesture({ video, camera: true, recognizer: counter.recognizer });
      return (
        <>
          <video ref={video} />
          <p data-testid="state">{status}</p>
        </>
      );
    }
    const view = render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    await tick(20);
    expect(screen.getByTestId('state').textContent).toBe('ready');
    expect(counter.loads).toBe(1);
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    const video = view.container.querySelector('video')!;
    expect(video.srcObject).toBe(streams[0]);
    view.unmount();
    await tick(20);
    expect(streams[0]!.stopped).toBe(1);
    expect(video.srcObject).toBeNull();
  });

  it('follows a new video element: the camera stream moves to it', async () => {
    const { getUserMedia, streams } = fakeCamera();
    let swap: () => void = () => {};
    const recognizer = fakeRecognizer(); // options are compared by identity: keep objects stable
    function App() {
      const video = useRef<HTMLVideoElement>(null);
      const [which, setWhich] = useState('a');
      swap = () => setWhich('b');
      useGesture({ video, camera: true, recognizer });
      return <video key={which} data-testid={which} ref={video} />;
    }
    const view = render(<App />);
    await tick();
    const a = screen.getByTestId('a') as HTMLVideoElement;
    expect(a.srcObject).toBe(streams[0]);
    act(() => swap());
    const b = screen.getByTestId('b') as HTMLVideoElement;
    expect(b.srcObject).toBe(streams[0]);
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    view.unmount();
    await tick();
    expect(streams[0]!.stopped).toBe(1);
  });

  it('unmount leaves a stream the app attached itself alone, and the observer stops reading frames', async () => {
    const { getUserMedia } = fakeCamera();
    const own = fakeStream();
    const frames$ = new Subject<TimedFrame>();
    const recognizer = fakeRecognizer();
    function App() {
      const video = useRef<HTMLVideoElement>(null);
      useGesture({ video, recognizer });
      return <video ref={(el) => { if (el && !el.srcObject) el.srcObject = own; video.current = el; }} />;
    }
    const view = render(<><App /><Status recognizer={recognizer} source={frames$} /></>);
    await tick();
    expect(frames$.observed).toBe(true);
    const video = view.container.querySelector('video')!;
    view.unmount();
    await tick();
    expect(getUserMedia).not.toHaveBeenCalled();
    expect(own.stopped).toBe(0);
    expect(video.srcObject).toBe(own);
    expect(frames$.observed).toBe(false);
  });
});
