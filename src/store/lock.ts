import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../errors.ts';
import { writeFileAtomically } from './durable.ts';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The id of another live process that holds the lock file PATH, if any (a dead holder's lock is stale). */
export function lockHolder(path: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch {
    return undefined;
  }
  return Number.isSafeInteger(pid) && pid !== process.pid && alive(pid) ? pid : undefined;
}

/**
 * Takes the lock file PATH for this process: one primary at a time owns a data directory. A lock left by a
 * process that no longer runs (a crash) is taken over; threads of one process share it.
 */
export function acquireLock(path: string): void {
  const holder = lockHolder(path);
  if (holder !== undefined) {
    throw new InputError(`the data directory is in use by process ${holder}`, {
      where: dirname(path),
      fix: 'Stop that imagegraph process, or give this one another data directory (--data or IMAGEGRAPH_DATA).',
    });
  }
  writeFileAtomically(path, `${process.pid}\n`);
}

export function releaseLock(path: string): void {
  if (lockHolder(path) === undefined) rmSync(path, { force: true });
}
