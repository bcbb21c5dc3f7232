import { InputError } from '../errors.ts';
import { type Command, processIo } from './command.ts';
import { dataDirOf, dataOptions, openReplica } from './data-option.ts';

/** Stops quietly when the reader of standard output goes away (`imagegraph dump | head`), as filters do. */
function exitOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** `imagegraph dump`: the user dataset (default graph and user named graphs) as N-Quads, read as a replica. */
export const dumpCommand: Command = {
  summary: "Write the data directory's dataset as N-Quads to standard output; works while serving.",
  usage: 'imagegraph dump [--data DIR]',
  options: dataOptions,
  async run(values, positionals, io) {
    if (positionals.length > 0) {
      throw new InputError(`unexpected argument '${positionals[0]}'`, { fix: `Usage: ${this.usage}` });
    }
    const core = await openReplica(dataDirOf(values));
    if (io === processIo) exitOnClosedPipe();
    core.exportNQuads((chunk) => io.out(chunk.toString('utf8')));
    return 0;
  },
};
