import { resolve } from 'node:path';
import { InputError } from '../errors.ts';
import type { Command } from './command.ts';
import { dataDirOf, dataOptions, openReplica } from './data-option.ts';

const usage = 'imagegraph backup DIR [--data DIR]';

/**
 * `imagegraph backup`: a consistent copy of the data directory's acknowledged state into a new directory,
 * read as a replica (no lock), so it can run while the service takes writes. The backup is a data directory
 * of its own: `imagegraph restore` (or --data) uses it as it is.
 */
export const backupCommand: Command = {
  summary: 'Back the data directory up into a new directory; consistent, and works while serving.',
  usage,
  options: dataOptions,
  async run(values, positionals, io) {
    const [target, ...extra] = positionals;
    if (target === undefined || extra.length > 0) {
      throw new InputError(
        target === undefined ? 'no backup DIR given' : `one backup DIR, not ${positionals.length}`,
        {
          fix: `Usage: ${usage}`,
        },
      );
    }
    const core = await openReplica(dataDirOf(values));
    core.backup(target);
    const { quads, sequence } = core.stats();
    io.err(`backed up ${quads} quads (up to write ${sequence}) to ${resolve(target)}\n`);
    return 0;
  },
};
