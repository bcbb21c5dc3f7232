import type { DataFiles } from './data-dir.ts';
import { writeFileAtomically } from './durable.ts';
import { JournalWriter } from './journal.ts';
import type { SnapshotMeta } from './snapshot-meta.ts';
import { commitSnapshot, prepareSnapshot } from './snapshot-write.ts';
import type { UserGraphs } from './user-graphs.ts';

/**
 * Folds the journal into a new snapshot: the dataset of GRAPHS at SEQUENCE becomes snapshot.nq (see
 * snapshot-write.ts for the crash points), then an empty journal replaces the old one (through a renamed
 * .tmp file too). A crash before the swap leaves the old journal, whose records up to SEQUENCE recovery skips.
 * Returns the journal to append to next, with the snapshot's description.
 */
export function compact(
  files: DataFiles,
  graphs: UserGraphs,
  sequence: number,
): { snapshot: SnapshotMeta; journal: JournalWriter } {
  return commitCompaction(files, prepareSnapshot(files, graphs, sequence));
}

/**
 * The second half of compact, for a caller that prepared the snapshot itself (prepareSnapshot) and decided
 * to keep it: commits SNAPSHOT, then starts the new journal.
 */
export function commitCompaction(
  files: DataFiles,
  snapshot: SnapshotMeta,
): { snapshot: SnapshotMeta; journal: JournalWriter } {
  commitSnapshot(files);
  // Should this fail, the old journal goes on: its records up to the snapshot's are skipped at recovery.
  writeFileAtomically(files.journal, new Uint8Array());
  return { snapshot, journal: JournalWriter.open(files.journal) };
}
