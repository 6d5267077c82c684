// @vitest-environment happy-dom
import { afterEach, expect, it } from 'vitest';
import { createApp, defineComponent, h, nextTick, type App } from 'vue';
import { fromRecording } from '@gesture/core';
import { useGesture } from '../index';
// A real session recorded with `gesture record` (0–6 s a palm, then nobody): no camera, no model here.
import recording from '../../../../examples/replay-test/recordings/palm-then-leave.json';

let app: App | undefined;
afterEach(() => {
  app?.unmount();
  document.body.innerHTML = '';
});

it('useGesture({ source: fromRecording(recording) }) replays into refs without loading models', async () => {
  const seen: string[] = [];
  let state!: ReturnType<typeof useGesture>;
  const root = document.createElement('div');
  document.body.append(root);
  app = createApp(
    defineComponent({
      setup() {
        state = useGesture({ source: fromRecording(recording, { speed: 'fast' }) });
        state.events.subscribe((e) => seen.push(e.type === 'gesture' ? `${e.phase} ${e.gesture}` : e.type === 'presence' ? e.state : e.type));
        return () => h('p', `${state.status.value} ${state.presence.value}`);
      },
    }),
  );
  app.mount(root);
  for (let i = 0; i < 10 && seen.length < 4; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  await nextTick();
  expect(seen).toEqual(['start palm', 'back', 'end palm', 'away']);
  expect(root.textContent).toBe('ready away');
  expect(state.backend.value).toBeNull();
  expect(state.observer.recognizer).toBeNull(); // a replay recognizer: no models, no backend
});
