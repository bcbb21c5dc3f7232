import { existsSync, readFileSync } from 'node:fs';
import type * as oxigraph from 'oxigraph';
import type { DataFiles } from './data-dir.ts';
import { removeDurably, renameDurably, temporary } from './durable.ts';
import { CorruptDataError } from './errors.ts';
import { addNQuads } from './nquads.ts';
import { describes, emptySnapshot, readSnapshotMeta, type SnapshotMeta } from './snapshot-meta.ts';

const readIfPresent = (path: string): Buffer | undefined =>
  existsSync(path) ? readFileSync(path) : undefined;

/**
 * Loads the snapshot of FILES into STORE, whatever point of writeSnapshot (snapshot-write.ts) a crash
 * interrupted: snapshot.json.tmp means the new snapshot was never committed (its .tmp files are discarded);
 * a snapshot.nq.tmp that snapshot.json describes was committed but not yet renamed (it is the snapshot).
 * With REPAIR (the primary) the leftovers are removed or renamed; without it (a replica) nothing is touched.
 * A snapshot.nq that does not match snapshot.json is a CorruptDataError.
 */
export function loadSnapshot(store: oxigraph.Store, files: DataFiles, repair: boolean): SnapshotMeta {
  const pending = temporary(files.snapshot);
  const uncommitted = existsSync(temporary(files.snapshotMeta));
  if (uncommitted && repair) {
    removeDurably(temporary(files.snapshotMeta));
    removeDurably(pending);
  }
  const meta = readSnapshotMeta(files.snapshotMeta);
  const candidate = uncommitted ? undefined : readIfPresent(pending);
  if (!meta) {
    if (existsSync(files.snapshot)) {
      throw new CorruptDataError(files.snapshotMeta, 0, 'it is missing, so snapshot.nq cannot be checked');
    }
    if (candidate && repair) removeDurably(pending);
    return emptySnapshot;
  }
  let bytes: Buffer | undefined;
  if (candidate && describes(meta, candidate)) {
    bytes = candidate;
    if (repair) renameDurably(pending, files.snapshot);
  } else {
    if (candidate && repair) removeDurably(pending);
    bytes = readIfPresent(files.snapshot);
    if (!bytes)
      throw new CorruptDataError(files.snapshot, 0, 'it is missing while snapshot.json describes it');
    if (!describes(meta, bytes)) {
      throw new CorruptDataError(
        files.snapshot,
        0,
        `it does not match snapshot.json (${bytes.length} bytes where ${meta.bytes} were written, or another SHA-256)`,
      );
    }
  }
  try {
    addNQuads(store, bytes);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new CorruptDataError(files.snapshot, 0, `it matches snapshot.json but is not N-Quads: ${why}`);
  }
  return meta;
}
