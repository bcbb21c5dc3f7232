import { isInputError } from '../errors.ts';
import { type Io, parseCommandLine, processIo } from './command.ts';
import { commands } from './commands.ts';

/** Runs `imagegraph ARGV…` and resolves to the exit code: 0 ok, 1 findings, 2 bad input. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await helpText());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.err(`imagegraph: unknown command '${name}'.\n  Run 'imagegraph --help' for the list of commands.\n`);
    return 2;
  }
  const command = await load();
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`Usage: ${command.usage}\n\n${command.summary}\n`);
      return 0;
    }
    const { values, positionals } = parseCommandLine(command, rest);
    return await command.run(values, positionals, io);
  } catch (error) {
    if (isInputError(error)) {
      io.err(`imagegraph ${name}: ${error.describe()}\n`);
      return 2;
    }
    throw error;
  }
}

async function helpText(): Promise<string> {
  const lines = ['Usage: imagegraph COMMAND [OPTIONS]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    lines.push(`  ${name.padEnd(10)} ${(await load()).summary}`);
  }
  lines.push('', "Run 'imagegraph COMMAND --help' for a command's options.", '');
  return lines.join('\n');
}
