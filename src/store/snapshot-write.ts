import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import type { DataFiles } from './data-dir.ts';
import {
  fsyncDirectory,
  removeDurably,
  renameDurably,
  temporary,
  writeAll,
  writeFileDurably,
} from './durable.ts';
import { type SnapshotMeta, snapshotMeta } from './snapshot-meta.ts';
import type { UserGraphs } from './user-graphs.ts';

/** Writes the user-writable dataset of GRAPHS to PATH as N-Quads, fsynced; its description at SEQUENCE. */
export function writeSnapshotFile(path: string, graphs: UserGraphs, sequence: number): SnapshotMeta {
  const hash = createHash('sha256');
  let bytes = 0;
  const fd = openSync(path, 'w');
  try {
    const quads = graphs.dump((chunk) => {
      writeAll(fd, chunk);
      hash.update(chunk);
      bytes += chunk.length;
    });
    fsyncSync(fd);
    return snapshotMeta(sequence, quads, bytes, hash.digest('hex'));
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the snapshot of FILES with the dataset of GRAPHS at SEQUENCE. The rename of snapshot.json is the
 * commit point; at each moment a crash leaves a state snapshot-read.ts recovers:
 *
 *   1. snapshot.nq.tmp written, fsynced           → leftover .tmp files: discarded, the old snapshot stands
 *   2. snapshot.json.tmp written, fsynced, dir fsynced
 *   3. snapshot.json.tmp renamed over snapshot.json → snapshot.json describes snapshot.nq.tmp: it is renamed
 *   4. snapshot.nq.tmp renamed over snapshot.nq     → done; the journal's records up to SEQUENCE are skipped
 *
 * Starting a new journal afterwards is the caller's (compaction.ts). A bulk load into an empty store takes the
 * same steps with its input as snapshot.nq.tmp (bulk-snapshot.ts).
 */
export function writeSnapshot(files: DataFiles, graphs: UserGraphs, sequence: number): SnapshotMeta {
  const meta = prepareSnapshot(files, graphs, sequence);
  commitSnapshot(files);
  return meta;
}

/** Steps 1 and 2 of writeSnapshot: the new snapshot is on disk but not committed (a crash discards it). */
export function prepareSnapshot(files: DataFiles, graphs: UserGraphs, sequence: number): SnapshotMeta {
  const meta = writeSnapshotFile(temporary(files.snapshot), graphs, sequence);
  prepareSnapshotMeta(files, meta);
  return meta;
}

/** Step 2 of writeSnapshot, once snapshot.nq.tmp holds what META describes, written and fsynced. */
export function prepareSnapshotMeta(files: DataFiles, meta: SnapshotMeta): void {
  writeFileDurably(temporary(files.snapshotMeta), `${JSON.stringify(meta, null, 2)}\n`);
  fsyncDirectory(files.dir);
}

/** Steps 3 and 4 of writeSnapshot: the prepared snapshot replaces the old one. */
export function commitSnapshot(files: DataFiles): void {
  renameDurably(temporary(files.snapshotMeta), files.snapshotMeta);
  renameDurably(temporary(files.snapshot), files.snapshot);
}

/** Throws a prepared snapshot away (snapshot.json.tmp first: without it snapshot.nq.tmp is a leftover). */
export function discardSnapshot(files: DataFiles): void {
  removeDurably(temporary(files.snapshotMeta));
  removeDurably(temporary(files.snapshot));
}
