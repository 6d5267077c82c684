// @vitest-environment happy-dom
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, nextTick, ref, useTemplateRef, type App } from 'vue';
import { fakeCamera, fakeStream } from '../../../core/src/__tests__/helpers/fake-camera';
import { fakeRecognizer, type ScriptedFrame } from '../../../core/src/__tests__/helpers/fake-detector';
import type { Frame, GestureRecognizer, TimedFrame } from '@gesture/core';
import { useGesture, type UseGestureOptions, type UseGestureReturn } from '../index';

// A fake recognizer drives the composable: these tests cover Vue state and lifecycle only.

const tick = (ms = 5) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const fist: ScriptedFrame = { hands: [{ id: 1, gesture: 'fist' }] };

async function play(frames$: Subject<TimedFrame>, list: ScriptedFrame[], start = 0): Promise<void> {
  for (const [i, frame] of list.entries()) {
    frames$.next({ frame: frame as unknown as Frame, timestamp: start + i * 100 });
    await tick(3);
  }
}



let app: App | undefined;
function mount(setup: () => () => ReturnType<typeof h>) {
  const root = document.createElement('div');
  document.body.append(root);
  app = createApp(defineComponent({ setup }));
  app.mount(root);
  return root;
}

afterEach(() => {
  app?.unmount();
  app = undefined;
  document.body.innerHTML = '';
});

describe('useGesture (Vue, fake recognizer)', () => {
  it('goes idle → loading → ready after mount, then follows gestures and presence as refs', async () => {
    const frames$ = new Subject<TimedFrame>();
    let result!: UseGestureReturn;
    const statuses: string[] = [];
    const root = mount(() => {
      result = useGesture({ recognizer: fakeRecognizer(), source: frames$, minHoldMs: 0 });
      return () => (statuses.push(result.status.value), h('p', `${result.status.value} ${result.meaning.value ?? '-'} ${result.presence.value} ${result.backend.value?.name ?? '-'}`));
    });
    expect(statuses[0]).toBe('idle');
    await tick();
    await nextTick();
    expect(root.textContent).toBe('ready - unknown wasm');
    const seen: string[] = [];
    result.events.subscribe((e) => seen.push(e.type));
    await play(frames$, Array(6).fill(fist));
    await nextTick();
    expect(root.textContent).toBe('ready no present wasm');
    expect(result.hands.value).toMatchObject([{ gesture: 'fist', meaning: 'no' }]);
    expect(seen).toContain('gesture');
    const renders = statuses.length;
    await play(frames$, Array(3).fill(fist), 600);
    await nextTick();
    expect(statuses.length).toBe(renders); // nothing changed: no re-render
  });

  it('reactive options: a new source restarts reading; register() comes from the observer', async () => {
    const first$ = new Subject<TimedFrame>();
    const second$ = new Subject<TimedFrame>();
    const source = ref(first$);
    const recognizer = fakeRecognizer();
    let result!: UseGestureReturn;
    mount(() => {
      result = useGesture(() => ({ recognizer, source: source.value }) satisfies UseGestureOptions);
      return () => h('p', result.status.value);
    });
    await tick();
    expect(first$.observed).toBe(true);
    source.value = second$;
    await nextTick();
    expect(first$.observed).toBe(false);
    expect(second$.observed).toBe(true);
    vi.spyOn(recognizer.gestures, 'register').mockResolvedValue({ gesture: 'three', registered: true, accepted: 1, rejected: [], nearest: null, confusable: false, leaveOneOut: null, hints: [] });
    await expect(result.register('three', [[[0, 0, 0]]])).resolves.toMatchObject({ registered: true });
    app!.unmount();
    app = undefined;
    expect(second$.observed).toBe(false);
  });

  it('opens the camera once into the template-ref video, follows a new element, stops it on unmount', async () => {
    const { getUserMedia, streams } = fakeCamera();
    let loads = 0;
    const recognizer = fakeRecognizer();
    const counted = { then: (resolve: (r: GestureRecognizer) => void) => (loads++, resolve(recognizer)) } as unknown as Promise<GestureRecognizer>;
    const which = ref('a');
    const root = mount(() => {
      const video = useTemplateRef<HTMLVideoElement>('video');
      const { status } = useGesture({ video, camera: true, recognizer: counted });
      return () => h('div', [h('video', { ref: 'video', key: which.value, 'data-testid': which.value }), h('p', status.value)]);
    });
    await tick();
    await nextTick();
    expect(root.querySelector('p')!.textContent).toBe('ready');
    expect(loads).toBe(1);
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    const a = root.querySelector('video')!;
    expect(a.srcObject).toBe(streams[0]);
    which.value = 'b';
    await nextTick();
    await nextTick();
    const b = root.querySelector('video')!;
    expect(b.dataset.testid).toBe('b');
    expect(b.srcObject).toBe(streams[0]);
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    app!.unmount();
    app = undefined;
    expect(streams[0]!.stopped).toBe(1);
    expect(b.srcObject).toBeNull();
  });

  it('leaves a stream the app attached itself alone on unmount', async () => {
    const { getUserMedia } = fakeCamera();
    const own = fakeStream();
    const recognizer = fakeRecognizer();
    const root = mount(() => {
      const video = useTemplateRef<HTMLVideoElement>('video');
      useGesture({ video, recognizer });
      return () => h('video', { ref: 'video', srcObject: own });
    });
    await tick();
    const video = root.querySelector('video')!;
    app!.unmount();
    app = undefined;
    expect(getUserMedia).not.toHaveBeenCalled();
    expect(own.stopped).toBe(0);
    expect(video.srcObject).toBe(own);
  });
});
