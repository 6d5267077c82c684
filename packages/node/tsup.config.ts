import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.config';

export default defineConfig(packageConfig({ platform: 'node', external: [/^@tensorflow\//, /^@gesture\//, 'rxjs', 'sharp'] }));
