import { type ParseArgsConfig, parseArgs } from 'node:util';
import { InputError } from '../errors.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Where a command writes; tests pass their own to capture output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** One subcommand of `imagegraph`. run() resolves to the exit code. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: OptionSpec;
  run(values: OptionValues, positionals: string[], io: Io): Promise<number>;
}

/** Parses ARGV against the command's options; unknown flags are InputErrors. */
export function parseCommandLine(
  command: Command,
  argv: string[],
): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    throw new InputError((error as Error).message, { fix: `Usage: ${command.usage}` });
  }
}

export const stringOption = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

export const listOption = (values: OptionValues, name: string): string[] => {
  const value = values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
};
