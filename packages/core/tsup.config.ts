import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.config';

export default defineConfig(packageConfig({ entry: { index: 'src/index.ts', vite: 'src/vite.ts', replay: 'src/replay-entry.ts' }, external: [/^@tensorflow\//, 'rxjs', 'vite'] }));
