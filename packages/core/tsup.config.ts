import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.config';

export default defineConfig(packageConfig({ entry: ['src/index.ts', 'src/vite.ts'], external: [/^@tensorflow\//, 'rxjs', 'vite'] }));
