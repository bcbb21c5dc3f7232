import { join } from 'node:path';

/**
 * The files of a data directory (which one: --data, IMAGEGRAPH_DATA or .imagegraph/data, cli/settings.ts):
 * - snapshot.nq: N-Quads of the user-writable dataset (the default graph and user named graphs) at a sequence
 *   (after a bulk load into an empty store, the N-Triples or N-Quads loaded, comments and repeats included);
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
