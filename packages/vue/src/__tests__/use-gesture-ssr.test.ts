// @vitest-environment node
import { describe, expect, it } from 'vitest';

// Server rendering: importing the package and rendering touch no `window` or `navigator`, load nothing.

describe('useGesture (Vue) on the server', () => {
  it('imports and renders status idle with createSSRApp + renderToString, touching no window or navigator', async () => {
    const touched: string[] = [];
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { configurable: true, get: () => (touched.push('navigator'), {}) });
    let loads = 0;
    try {
      const { createSSRApp, defineComponent, h, ref } = await import('vue');
      const { renderToString } = await import('vue/server-renderer');
      const { useGesture } = await import('../index');
      const recognizer = { then: () => void (loads += 1) } as unknown as Promise<never>;
      const app = createSSRApp(
        defineComponent({
          setup() {
            const video = ref<HTMLVideoElement | null>(null);
            const { status, meaning, presence } = useGesture({ video, camera: true, recognizer });
            return () => h('p', `${status.value} ${meaning.value ?? '-'} ${presence.value}`);
          },
        }),
      );
      expect(await renderToString(app)).toBe('<p>idle - unknown</p>');
    } finally {
      if (saved) Object.defineProperty(globalThis, 'navigator', saved);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
    expect(typeof window).toBe('undefined');
    expect(touched).toEqual([]);
    expect(loads).toBe(0);
  });
});
