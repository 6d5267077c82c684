import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { gestureAssets } from '@gesture/core/vite';

export default defineConfig({
  plugins: [react(), gestureAssets()],
  // TF.js is most of the bundle; one chunk is fine for a demo.
  build: { chunkSizeWarningLimit: 2000 },
});
