#!/usr/bin/env node
// The `gesture` command. Committed (not built) so that npm can link it at install time, before
// `dist/` exists in a fresh checkout; it loads the built CLI when it runs.
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    console.error('gesture: @gesture/node is not built yet (no dist/cli.js). Run `npm run build` at the repository root.');
    process.exit(2);
  }
  throw error;
});
