import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { EmbeddedCore } from '../store/core.ts';
import { dataFiles } from '../store/data-dir.ts';
import type { Command } from './command.ts';
import { dataDirOf, dataOptions } from './data-option.ts';

const usage = 'imagegraph restore BACKUP [--data DIR] [--force]';

/** Refuses a BACKUP that is neither a backup nor a data directory (restoring it would give an empty store). */
function requireBackup(dir: string): void {
  const files = dataFiles(dir);
  if (existsSync(files.snapshotMeta) || existsSync(files.journal)) return;
  throw new InputError('this is not an imagegraph backup: it has neither snapshot.json nor journal.log', {
    where: dir,
    fix: 'Name a directory made by imagegraph backup (or a data directory).',
  });
}

/**
 * `imagegraph restore`: makes the data directory a copy of a backup, after checking that the backup recovers.
 * The data directory must be empty or absent unless --force, which moves its content aside (never deletes it);
 * one that a running imagegraph owns is refused either way.
 */
export const restoreCommand: Command = {
  summary: 'Restore the data directory from a backup (refuses a running or non-empty one without --force).',
  usage,
  options: { ...dataOptions, force: { type: 'boolean' } },
  async run(values, positionals, io) {
    const [backup, ...extra] = positionals;
    if (backup === undefined || extra.length > 0) {
      throw new InputError(
        backup === undefined ? 'no BACKUP given' : `one BACKUP, not ${positionals.length}`,
        {
          fix: `Usage: ${usage}`,
        },
      );
    }
    requireBackup(resolve(backup));
    const dir = dataDirOf(values);
    const restored = EmbeddedCore.restore(backup, dir, { force: values.force === true });
    io.err(
      `restored ${restored.quads} quads (up to write ${restored.sequence}) from ${resolve(backup)} into ${dir}\n` +
        (restored.replaced ? `the data directory's previous content is in ${restored.replaced}\n` : ''),
    );
    return 0;
  },
};
