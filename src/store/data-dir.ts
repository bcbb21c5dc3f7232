import { join, resolve } from 'node:path';

/** Where the store keeps its files unless told otherwise (relative to the working directory). */
export const defaultDataDir = './.imagegraph/data';

/**
 * The data directory: the --data flag, else the IMAGEGRAPH_DATA environment variable, else ./.imagegraph/data,
 * as an absolute path.
 */
export function dataDirectory(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag || env.IMAGEGRAPH_DATA || defaultDataDir);
}

/**
 * The files of a data directory:
 * - snapshot.nq: N-Quads of the user-writable dataset (the default graph and user named graphs) at a sequence;
 * - snapshot.json: that sequence, the quad count, the byte length and SHA-256 of snapshot.nq;
 * - journal.log: one record per acknowledged write after the snapshot (see journal-format.ts);
 * - LOCK: the process id of the primary that owns the directory.
 * Each is replaced through a `.tmp` sibling (durable.ts), so a crash leaves recoverable leftovers only.
 */
export interface DataFiles {
  readonly dir: string;
  readonly snapshot: string;
  readonly snapshotMeta: string;
  readonly journal: string;
  readonly lock: string;
}

export const dataFiles = (dir: string): DataFiles => ({
  dir,
  snapshot: join(dir, 'snapshot.nq'),
  snapshotMeta: join(dir, 'snapshot.json'),
  journal: join(dir, 'journal.log'),
  lock: join(dir, 'LOCK'),
});
