import { defineConfig } from 'vitepress';
import typedocSidebar from '../api/typedoc-sidebar.json';

export default defineConfig({
  title: '@gesture',
  description: 'Real-time hand-gesture recognition for the web and Node: on-device, offline, never flickers.',
  cleanUrls: true,
  // Dead internal links fail the build.
  ignoreDeadLinks: false,
  srcExclude: ['snippets/**'],
  // The local search index (≈ 0.5 MB, most of it the API reference) is one chunk, loaded only
  // when the search box opens; every other chunk is well under 500 kB.
  vite: { build: { chunkSizeWarningLimit: 1000 } },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/quick-start' },
      { text: 'API', link: '/api/' },
    ],
    sidebar: [
      {
        text: 'Quick start',
        items: [
          { text: 'Browser', link: '/quick-start' },
          { text: 'React', link: '/react' },
          { text: 'Vue', link: '/vue' },
          { text: 'Node and the CLI', link: '/node' },
        ],
      },
      {
        text: 'Concepts',
        items: [
          { text: 'The pipeline', link: '/pipeline' },
          { text: 'Detect', link: '/detect' },
          { text: 'Gestures and custom gestures', link: '/gestures' },
          { text: 'Events, debounce and presence', link: '/events' },
          { text: 'Record and replay', link: '/replay' },
          { text: 'Motion gestures: wave and swipes', link: '/motion' },
          { text: 'Backends and serving files', link: '/backends' },
          { text: 'Worker mode (off the main thread)', link: '/worker' },
          { text: 'Models', link: '/models' },
        ],
      },
      {
        text: 'Numbers',
        items: [
          { text: 'Performance', link: '/performance' },
          { text: 'Accuracy', link: '/accuracy' },
          { text: 'Limits', link: '/limits' },
        ],
      },
      { text: 'Dependencies', link: '/dependencies' },
      { text: 'Publishing', link: '/publishing' },
      { text: 'API reference', items: typedocSidebar },
    ],
    search: { provider: 'local' },
  },
});
