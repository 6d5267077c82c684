#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { benchCommand } from './bench';
import { errorInfo } from './output';
import { recognizeCommand } from './recognize';
import { registerCommand } from './register';

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number > 0');
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be an integer > 0');
  return n;
}

const backend = new Option('--backend <name>', 'TensorFlow.js backend').choices(['wasm', 'cpu']).default('wasm');

const program = new Command('gesture')
  .description('Hand-gesture recognition on images, folders and video files, on-device (WASM-SIMD).')
  // dist/cli.js → the package's own package.json, in the repository and once installed.
  .version((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version, '-V, --version')
  .showHelpAfterError()
  .addHelpText('after', `
Examples:
  $ gesture recognize photo.jpg
  $ gesture recognize photos/ --json > results.jsonl
  $ gesture recognize call.mp4 --fps 10 --json
  $ gesture register rock samples/rock/ --pack my-gestures.json --meaning party
  $ gesture bench --images photos/ --frames 20`);

program
  .command('recognize')
  .description('Recognise gestures in images (folders recurse, sorted) and video files.')
  .argument('<inputs...>', 'image files, folders of images, or video files')
  .option('--json', 'one JSON line per image, or per video event plus a summary line', false)
  .option('--pack <file>', 'a gesture pack (JSON) of custom gestures to recognise too')
  .option('--fps <n>', 'frames per second to decode videos at (default: the video\'s own rate)', positiveNumber)
  .addOption(backend)
  .addHelpText('after', `
Output (--json): {"file","width","height","hands":[{"id","gesture","meaning","score","handedness","box":[x,y,w,h],"landmarks":[[x,y,z],…21]}],"faces":N,"present":bool}
A file that cannot be read gives {"file","error":{"code","message"}}; the run goes on and exits 1.

Examples:
  $ gesture recognize hand.jpg
  $ gesture recognize dataset/ --json --pack team.json
  $ gesture recognize meeting.mp4 --fps 10 --json`)
  .action(async (inputs: string[], options) => {
    process.exitCode = await recognizeCommand(inputs, options);
  });

program
  .command('register')
  .description('Teach a custom gesture from sample photos and save it in a gesture pack (written atomically).')
  .argument('<name>', 'the gesture\'s name, e.g. rock')
  .argument('<inputs...>', 'sample photos or folders of them (1 to 50 hands)')
  .requiredOption('--pack <file>', 'the gesture pack to create or update')
  .option('--meaning <meaning>', 'what the gesture means (events carry it)')
  .option('--replace', 'allow replacing a gesture of the same name (a built-in too)', false)
  .option('--json', 'print the registration report as one JSON line', false)
  .addOption(backend)
  .addHelpText('after', `
Examples:
  $ gesture register rock photos/rock/ --pack my-gestures.json --meaning party
  $ gesture register fist my-fists/ --pack my-gestures.json --replace`)
  .action(async (name: string, inputs: string[], options) => {
    process.exitCode = await registerCommand(name, inputs, options);
  });

program
  .command('bench')
  .description('Per-stage latency table (palm detector, landmarks, face, cold and tracked frames) on WASM-SIMD.')
  .option('--frames <n>', 'timed repetitions per photo and row', positiveInt)
  .option('--images <paths...>', 'photos or folders to measure on (required: the package ships no photos)')
  .option('--json', 'print one JSON object instead of the table', false)
  .addHelpText('after', `
Examples:
  $ gesture bench --images photos/
  $ gesture bench --frames 20 --images photos/ --json`)
  .action(async (options) => {
    process.exitCode = await benchCommand(options);
  });

program.parseAsync().catch((error: unknown) => {
  const { code, message } = errorInfo(error);
  console.error(`gesture: ${message} [${code}]`);
  process.exitCode = 2;
});
