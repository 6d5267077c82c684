import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { gestureAssets } from '@gesture/core/vite';

export default defineConfig({
  plugins: [vue(), gestureAssets()],
  // TF.js is most of the bundle; one chunk is fine for a demo.
  build: { chunkSizeWarningLimit: 2000 },
});
