#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runCli } from './program';

/** The package's version, for `gesture --version` (dist/cli.js sits beside package.json's folder). */
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

// Commands are imported when they run, so a usage error or --help answers without loading TF.js.
runCli(process.argv.slice(2), {
  recognize: async (inputs, options) => (await import('./recognize')).recognizeCommand(inputs, options),
  register: async (name, inputs, options) => (await import('./register')).registerCommand(name, inputs, options),
  bench: async (options) => (await import('./bench')).benchCommand(options),
  record: async (video, options) => (await import('./record')).recordCommand(video, options),
  replay: async (recordings, options) => (await import('./replay')).replayCommand(recordings, options),
}, undefined, version).then((code) => {
  process.exitCode = code;
});
