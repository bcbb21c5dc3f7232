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
 * Closes JOURNAL and returns the journal to append to next, with the snapshot's description.
 */
export function compact(
  files: DataFiles,
  graphs: UserGraphs,
  sequence: number,
  journal: JournalWriter,
): { snapshot: SnapshotMeta; journal: JournalWriter } {
  return commitCompaction(files, prepareSnapshot(files, graphs, sequence), journal);
}

/**
 * The second half of compact, for a caller that prepared the snapshot itself (prepareSnapshot) and decided
 * to keep it: commits SNAPSHOT, then starts the new journal.
 */
export function commitCompaction(
  files: DataFiles,
  snapshot: SnapshotMeta,
  journal: JournalWriter,
): { snapshot: SnapshotMeta; journal: JournalWriter } {
  commitSnapshot(files);
  journal.close();
  try {
    writeFileAtomically(files.journal, new Uint8Array());
  } finally {
    // Failing that, the old journal goes on: its records up to SEQUENCE are skipped at recovery.
    journal = JournalWriter.open(files.journal);
  }
  return { snapshot, journal };
}
