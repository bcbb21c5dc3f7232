import { existsSync, readFileSync } from 'node:fs';
import type * as oxigraph from 'oxigraph';
import { applyEncodedChange } from './change-codec.ts';
import type { DataFiles } from './data-dir.ts';
import { removeDurably, temporary, truncateDurably, writeFileAtomically } from './durable.ts';
import { CorruptDataError } from './errors.ts';
import { type JournalRecord, scanJournal } from './journal-format.ts';
import type { SnapshotMeta } from './snapshot-meta.ts';
import { loadSnapshot } from './snapshot-read.ts';

export interface Recovery {
  readonly snapshot: SnapshotMeta;
  /** The sequence number of the last acknowledged write, now applied. */
  readonly sequence: number;
  /** Quads in the user-writable graphs. */
  readonly quads: number;
  /** Records replayed from the journal on top of the snapshot. */
  readonly replayed: number;
  /** Length of the intact journal. */
  readonly journalBytes: number;
  /** Bytes of a partly written (never acknowledged) last record found after it: cut off when repairing. */
  readonly tornBytes: number;
}

const readIfPresent = (path: string): Buffer | undefined =>
  existsSync(path) ? readFileSync(path) : undefined;

/** Applies RECORD of the journal FILE to STORE; a record that is intact but cannot be applied is corruption. */
function replay(store: oxigraph.Store, record: JournalRecord, file: string) {
  try {
    return applyEncodedChange(store, record.payload);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new CorruptDataError(file, record.offset, `write ${record.sequence} cannot be replayed: ${why}`);
  }
}

/**
 * Rebuilds the acknowledged state of FILES in STORE: the snapshot, then the journal's records after it.
 * With REPAIR (the primary, which owns the files) a torn tail is cut off and records the snapshot already
 * includes (a crash between a snapshot and its new journal) are dropped; a replica changes no file.
 */
export function recover(store: oxigraph.Store, files: DataFiles, repair: boolean): Recovery {
  const snapshot = loadSnapshot(store, files, repair);
  if (repair && existsSync(temporary(files.journal))) removeDurably(temporary(files.journal));
  const bytes = readIfPresent(files.journal);
  const scan = scanJournal(bytes ?? Buffer.alloc(0), files.journal);
  const live = scan.records.filter((r) => r.sequence > snapshot.sequence);
  const first = live[0];
  if (first && first.sequence !== snapshot.sequence + 1) {
    throw new CorruptDataError(
      files.journal,
      first.offset,
      `its first record after the snapshot (which ends at write ${snapshot.sequence}) is write ` +
        `${first.sequence}: the writes in between are missing`,
    );
  }
  let quads = snapshot.quads;
  for (const record of live) {
    const { added, removed } = replay(store, record, files.journal);
    quads += added - removed;
  }
  const start = first?.offset ?? scan.end;
  if (repair && (!bytes || start > 0)) {
    writeFileAtomically(files.journal, (bytes ?? Buffer.alloc(0)).subarray(start, scan.end));
  } else if (repair && scan.tornBytes > 0) {
    truncateDurably(files.journal, scan.end);
  }
  return {
    snapshot,
    sequence: live.at(-1)?.sequence ?? snapshot.sequence,
    quads,
    replayed: live.length,
    journalBytes: scan.end - (repair ? start : 0),
    tornBytes: scan.tornBytes,
  };
}

/**
 * Recovery for a reader that does not own the files (a replica): the primary may replace the snapshot and
 * start a new journal while it reads them. When snapshot.json changed during an attempt, the attempt is
 * thrown away and made again on a fresh store from MAKESTORE.
 */
export function recoverReading(
  makeStore: () => oxigraph.Store,
  files: DataFiles,
  attempts = 5,
): { store: oxigraph.Store; recovery: Recovery } {
  const metaText = () => readIfPresent(files.snapshotMeta)?.toString('utf8') ?? '';
  for (let attempt = 1; ; attempt++) {
    const before = metaText();
    const store = makeStore();
    try {
      const recovery = recover(store, files, false);
      if (metaText() === before) return { store, recovery };
    } catch (error) {
      if (metaText() === before || attempt >= attempts) throw error;
    }
    if (attempt >= attempts) throw new Error(`${files.dir} kept changing while it was read; try again`);
  }
}
