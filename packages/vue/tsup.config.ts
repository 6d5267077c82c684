import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.config';

export default defineConfig(packageConfig({ external: [/^@tensorflow\//, /^@gesture\//, 'rxjs', 'react', 'vue'] }));
