import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.config';

const external = [/^@tensorflow\//, /^@gesture\//, 'rxjs', 'sharp', 'commander', 'cli-progress', '@ffmpeg-installer/ffmpeg'];

export default defineConfig([
  packageConfig({ platform: 'node', external }),
  // The `gesture` CLI: one ESM file with its shebang, and the worker thread of `--jobs N` beside it
  // (jobs.ts starts it as `new URL('./recognize-worker.js', import.meta.url)`).
  packageConfig({ entry: { cli: 'src/cli/main.ts', 'recognize-worker': 'src/cli/recognize-worker.ts' }, format: ['esm'], dts: false, platform: 'node', external, clean: false }),
]);
