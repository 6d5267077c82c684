import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option, type OutputConfiguration } from 'commander';
import { MAX_FPS, MIN_FPS } from '../video';
import type { BenchCommandOptions } from './bench';
import { errorInfo, escapeControl } from './output';
import type { RecognizeCommandOptions } from './recognize';
import type { RecordCommandOptions } from './record';
import type { ReplayCommandOptions } from './replay';
import type { RegisterCommandOptions } from './register';

/** Exit codes of every `gesture` command. */
export const EXIT = {
  /** Every input was processed. */
  ok: 0,
  /** At least one input (image, folder, video, sample) failed; the others were processed. */
  inputFailed: 1,
  /** Bad arguments, options or configuration (a malformed pack): nothing was processed. */
  usage: 2,
} as const;

/** The commands the parser dispatches to; each returns its exit code. Tests pass fakes. */
export interface CliCommands {
  recognize(inputs: string[], options: RecognizeCommandOptions): Promise<number>;
  register(name: string, inputs: string[], options: RegisterCommandOptions): Promise<number>;
  bench(options: BenchCommandOptions): Promise<number>;
  record(video: string, options: RecordCommandOptions): Promise<number>;
  replay(recordings: string[], options: ReplayCommandOptions): Promise<number>;
}

function fpsValue(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < MIN_FPS || n > MAX_FPS) throw new InvalidArgumentError(`must be a number from ${MIN_FPS} to ${MAX_FPS}`);
  return n;
}

/** The most worker threads `--jobs` starts. */
export const MAX_JOBS = 256;

function jobsValue(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_JOBS) throw new InvalidArgumentError(`must be an integer from 1 to ${MAX_JOBS}`);
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 1_000_000) throw new InvalidArgumentError('must be an integer from 1 to 1000000');
  return n;
}

/**
 * Builds the `gesture` argument parser. It never exits the process: a usage error throws
 * `CommanderError` (see `runCli()`), and `done` receives the exit code of the command that ran.
 */
export function createProgram(commands: CliCommands, done: (code: number) => void, output?: OutputConfiguration, version?: string): Command {
  const backend = new Option('--backend <name>', 'TensorFlow.js backend').choices(['wasm', 'cpu']).default('wasm');
  const program = new Command('gesture').exitOverride().showHelpAfterError();
  if (output) program.configureOutput(output);
  if (version) program.version(version, '-V, --version');
  program
    .description('Hand-gesture recognition on images, folders and video files, on-device (WASM-SIMD).')
    .addHelpText('after', `
Exit codes: 0 all good, 1 an input failed (the others were still processed), 2 usage or configuration error.

Examples:
  $ gesture recognize photo.jpg
  $ gesture recognize photos/ --json > results.jsonl
  $ gesture recognize call.mp4 --fps 10 --json
  $ gesture register rock samples/rock/ --pack my-gestures.json --meaning party
  $ gesture record call.mp4 --fps 10 -o session.json
  $ gesture replay session.json --json
  $ gesture bench --images photos/ --frames 20`);

  program
    .command('recognize')
    .description('Recognise gestures in images (folders recurse, sorted) and video files.')
    .argument('<inputs...>', 'image files, folders of images, or video files')
    .option('--json', 'one JSON line per image, or per video event plus a summary line', false)
    .option('--pack <file>', 'a gesture pack (JSON) of custom gestures to recognise too')
    .option('--fps <n>', `frames per second to decode videos at, ${MIN_FPS} to ${MAX_FPS} (default: the video's own rate)`, fpsValue)
    .option('--jobs <n>', `files recognised at once, each in its own worker thread; output keeps the input order (default: the number of cores, ${availableParallelism()} here)`, jobsValue)
    .addOption(backend)
    .addHelpText('after', `
Output (--json): {"file","width","height","hands":[{"id","gesture","meaning","score","handedness","box":[x,y,w,h],"landmarks":[[x,y,z],…21]}],"faces":N,"present":bool}
A file that cannot be read gives {"file","error":{"code","message"}}; the run goes on and exits 1.

Examples:
  $ gesture recognize hand.jpg
  $ gesture recognize dataset/ --json --pack team.json
  $ gesture recognize meeting.mp4 --fps 10 --json
  $ gesture recognize photos/ --jobs 4 --json`)
    .action(async (inputs: string[], options: RecognizeCommandOptions) => done(await commands.recognize(inputs, options)));

  program
    .command('register')
    .description('Teach a custom gesture from sample photos (a hand shape) or videos (a movement) and save it in a gesture pack (locked, written atomically).')
    .argument('<name>', 'the gesture\'s name, e.g. rock')
    .argument('<inputs...>', 'sample photos or folders of them (1 to 50 hands), or 1 to 50 videos of one movement each')
    .requiredOption('--pack <file>', 'the gesture pack to create or update')
    .option('--meaning <meaning>', 'what the gesture means (events carry it)')
    .option('--replace', 'allow replacing a gesture of the same name (a built-in too)', false)
    .option('--json', 'print the registration report as one JSON line', false)
    .addOption(backend)
    .addHelpText('after', `
Examples:
  $ gesture register rock photos/rock/ --pack my-gestures.json --meaning party
  $ gesture register fist my-fists/ --pack my-gestures.json --replace
  $ gesture register circle a.mp4 b.mp4 c.mp4 --pack my-gestures.json --meaning refresh`)
    .action(async (name: string, inputs: string[], options: RegisterCommandOptions) => done(await commands.register(name, inputs, options)));

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
    .action(async (options: BenchCommandOptions) => done(await commands.bench(options)));

  program
    .command('record')
    .description('Record what the detect stage finds in every frame of a video (JSON, replayable without models).')
    .argument('<video>', 'a video file')
    .requiredOption('-o, --output <file>', 'the recording to write (JSON)')
    .option('--fps <n>', `frames per second to decode at, ${MIN_FPS} to ${MAX_FPS} (default: the video's own rate)`, fpsValue)
    .option('--mirror', 'the video is a mirrored (selfie) view', false)
    .option('--json', 'print the summary as one JSON line', false)
    .addOption(backend)
    .action(async (video: string, options: RecordCommandOptions) => done(await commands.record(video, options)));

  program
    .command('replay')
    .description('Gesture and presence events of recordings (gesture record), without models.')
    .argument('<recordings...>', 'recording files (JSON)')
    .option('--json', 'one JSON line per event, then a summary line per recording', false)
    .option('--pack <file>', 'a gesture pack (JSON) of custom gestures to recognise too')
    .action(async (recordings: string[], options: ReplayCommandOptions) => done(await commands.replay(recordings, options)));
  return program;
}

/**
 * Parses `argv` (the arguments after `gesture`), runs the command and returns the exit code
 * (`version` answers `--version`):
 * 0, 1 (an input failed) or 2 (usage or configuration error, with a message on stderr).
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { recognize: recognizeCommand, register: registerCommand, bench: benchCommand });
 */
export async function runCli(argv: readonly string[], commands: CliCommands, output?: OutputConfiguration, version?: string): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram(commands, (c) => (code = c), output, version);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    // Commander has already printed its message (and the help); --help and --version are not errors.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { code: errorCode, message } = errorInfo(error);
    (output?.writeErr ?? ((text: string) => process.stderr.write(text)))(`gesture: ${escapeControl(message)} [${escapeControl(errorCode)}]\n`);
    return EXIT.usage;
  }
}
