import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { EmbeddedCore } from '../store/core.ts';
import type { OptionValues } from './command.ts';
import { readSettings, settingOptions, settings } from './settings.ts';

/** The --data option of the commands that work on a data directory (settings.ts: flag, env, default). */
export const dataOptions = settingOptions(['data']);

/** The data directory the command works on, as an absolute path. */
export const dataDirOf = (values: OptionValues): string => resolve(readSettings(values).data);

/**
 * The data directory DIR opened as a read replica: the acknowledged state at this moment, read from the files
 * without taking the lock, so it works while a service owns the directory. A missing directory is an error
 * rather than an empty dataset.
 */
export async function openReplica(dir: string): Promise<EmbeddedCore> {
  if (!existsSync(dir)) {
    throw new InputError('there is no data directory here', {
      where: dir,
      fix: `Pass --data DIR (or set ${settings.data.env}) to the data directory of imagegraph load or serve.`,
    });
  }
  return EmbeddedCore.open(dir, { role: 'replica', validate: false });
}
