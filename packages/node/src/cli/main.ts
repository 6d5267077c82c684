#!/usr/bin/env node
import { runCli } from './program';

// Commands are imported when they run, so a usage error or --help answers without loading TF.js.
runCli(process.argv.slice(2), {
  recognize: async (inputs, options) => (await import('./recognize')).recognizeCommand(inputs, options),
  register: async (name, inputs, options) => (await import('./register')).registerCommand(name, inputs, options),
  bench: async (options) => (await import('./bench')).benchCommand(options),
  record: async (video, options) => (await import('./record')).recordCommand(video, options),
  replay: async (recordings, options) => (await import('./replay')).replayCommand(recordings, options),
}).then((code) => {
  process.exitCode = code;
});
