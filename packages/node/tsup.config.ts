import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.config';

const external = [/^@tensorflow\//, /^@gesture\//, 'rxjs', 'sharp', 'commander', 'cli-progress', '@ffmpeg-installer/ffmpeg'];

export default defineConfig([
  packageConfig({ platform: 'node', external }),
  // The `gesture` CLI: one ESM file with its shebang.
  packageConfig({ entry: { cli: 'src/cli/main.ts' }, format: ['esm'], dts: false, platform: 'node', external, clean: false }),
]);
