// @vitest-environment node
import { describe, expect, it } from 'vitest';

// Server rendering: importing the package and rendering touch no `window` or `navigator`.

describe('useGesture on the server', () => {
  it('imports and renders status idle without touching window or navigator', async () => {
    const touched: string[] = [];
    const spy = (name: string) => new Proxy({}, { get: (_, key) => void touched.push(`${name}.${String(key)}`) });
    const saved = Object.getOwnPropertyDescriptors(globalThis);
    Object.defineProperty(globalThis, 'navigator', { configurable: true, get: () => (touched.push('navigator'), spy('navigator')) });
    try {
      const { createElement, useRef } = await import('react');
      const { renderToString } = await import('react-dom/server');
      const { useGesture } = await import('../index');
      function App() {
        const video = useRef<HTMLVideoElement>(null);
        const { status, meaning, presence } = useGesture({ video, camera: true, backend: 'wasm' });
        return createElement('p', null, `${status} ${meaning ?? '-'} ${presence}`);
      }
      expect(renderToString(createElement(App))).toBe('<p>idle - unknown</p>');
    } finally {
      if (saved.navigator) Object.defineProperty(globalThis, 'navigator', saved.navigator);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
    expect(typeof window).toBe('undefined');
    expect(touched).toEqual([]);
  });
});
