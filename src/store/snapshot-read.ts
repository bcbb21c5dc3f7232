import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync } from 'node:fs';
import type * as oxigraph from 'oxigraph';
import type { DataFiles } from './data-dir.ts';
import { removeDurably, renameDurably, temporary } from './durable.ts';
import { CorruptDataError } from './errors.ts';
import { addNQuadsFile, readInChunks } from './nquads-file.ts';
import { emptySnapshot, readSnapshotMeta, type SnapshotMeta } from './snapshot-meta.ts';

/** PATH opened for reading, or undefined when absent. */
function openIfPresent(path: string): number | undefined {
  try {
    return openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether the open file FD is the snapshot META describes (its length, then its SHA-256: a pass over it). */
function fileDescribes(meta: SnapshotMeta, fd: number): boolean {
  if (fstatSync(fd).size !== meta.bytes) return false;
  const hash = createHash('sha256');
  const bytes = readInChunks(fd, (chunk) => hash.update(chunk));
  return bytes === meta.bytes && hash.digest('hex') === meta.sha256;
}

const mismatch = (path: string, bytes: number, meta: SnapshotMeta) =>
  new CorruptDataError(
    path,
    0,
    `it does not match snapshot.json (${bytes} bytes where ${meta.bytes} were written, or another SHA-256)`,
  );

/**
 * Adds the snapshot file FD (at PATH) to STORE as it reads it, a few MiB at a time, checking it against META
 * as it goes: a file of another length fails at once, one of another SHA-256 once read to its end. Either way
 * STORE may then hold part of it: the caller throws that store away with the CorruptDataError.
 */
function addSnapshotFile(store: oxigraph.Store, fd: number, path: string, meta: SnapshotMeta): void {
  const size = fstatSync(fd).size;
  if (size !== meta.bytes) throw mismatch(path, size, meta);
  const hash = createHash('sha256');
  const { bytes, error } = addNQuadsFile(store, fd, (chunk) => hash.update(chunk));
  if (bytes !== meta.bytes || hash.digest('hex') !== meta.sha256) throw mismatch(path, bytes, meta);
  if (error !== undefined) {
    const why = error instanceof Error ? error.message : String(error);
    throw new CorruptDataError(path, 0, `it matches snapshot.json but is not N-Quads: ${why}`);
  }
}

/**
 * Loads the snapshot of FILES into STORE, whatever point of writeSnapshot (snapshot-write.ts) a crash
 * interrupted: snapshot.json.tmp means the new snapshot was never committed (its .tmp files are discarded);
 * a snapshot.nq.tmp that snapshot.json describes was committed but not yet renamed (it is the snapshot).
 * With REPAIR (the primary) the leftovers are removed or renamed; without it (a replica) nothing is touched.
 * A snapshot.nq that does not match snapshot.json is a CorruptDataError. The snapshot is read a few MiB at a
 * time (nquads-file.ts), never whole; each file is read through one descriptor, so that a primary renaming it
 * meanwhile does not disturb a replica.
 */
export function loadSnapshot(store: oxigraph.Store, files: DataFiles, repair: boolean): SnapshotMeta {
  const pending = temporary(files.snapshot);
  const uncommitted = existsSync(temporary(files.snapshotMeta));
  if (uncommitted && repair) {
    removeDurably(temporary(files.snapshotMeta));
    removeDurably(pending);
  }
  const meta = readSnapshotMeta(files.snapshotMeta);
  const candidate = uncommitted ? undefined : openIfPresent(pending);
  let fd: number | undefined;
  try {
    if (!meta) {
      if (existsSync(files.snapshot)) {
        throw new CorruptDataError(files.snapshotMeta, 0, 'it is missing, so snapshot.nq cannot be checked');
      }
      if (candidate !== undefined && repair) removeDurably(pending);
      return emptySnapshot;
    }
    if (candidate !== undefined && fileDescribes(meta, candidate)) {
      fd = candidate;
      if (repair) renameDurably(pending, files.snapshot);
    } else {
      if (candidate !== undefined && repair) removeDurably(pending);
      fd = openIfPresent(files.snapshot);
      if (fd === undefined) {
        throw new CorruptDataError(files.snapshot, 0, 'it is missing while snapshot.json describes it');
      }
    }
    addSnapshotFile(store, fd, files.snapshot, meta);
    return meta;
  } finally {
    if (candidate !== undefined) closeSync(candidate);
    if (fd !== undefined && fd !== candidate) closeSync(fd);
  }
}
