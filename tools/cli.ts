import { Command, CommanderError, InvalidArgumentError } from 'commander';

/**
 * The one argument parser of the tool scripts (commander, as the `gesture` CLI): `--help` exits 0,
 * a bad or unknown option prints commander's message and the usage line and exits 2.
 */
export function parseToolArgs<Options>(program: Command, argv: readonly string[] = process.argv): Options {
  program.exitOverride().showHelpAfterError().allowExcessArguments(false);
  try {
    program.parse(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
    throw error;
  }
  return program.opts<Options & Record<string, unknown>>();
}

/** An option value parser for an integer in [min, max]. */
export function integerIn(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `must be an integer ≥ ${min}` : `must be an integer ${min}–${max}`);
    return n;
  };
}

/** An option value parser for a comma-separated list (`a,b,c`), blanks dropped; with `item`, each entry is parsed by it. */
export function commaList<T = string>(item: (value: string) => T = (v) => v as T): (value: string) => T[] {
  return (value) => value.split(',').map((s) => s.trim()).filter(Boolean).map(item);
}
