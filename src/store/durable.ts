import {
  closeSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/**
 * The file operations a durable store is built from. Each returns only once the bytes (or the directory
 * entry) are on stable storage: fsync after writing, fsync of the directory after creating or renaming.
 */

/** Writes all of BYTES at the current position of FD (writeSync may write less than asked). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Makes DIR's entries (files created, renamed or removed in it) durable. */
export function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Creates or overwrites PATH with BYTES and fsyncs it (not its directory entry: see writeFileAtomically). */
export function writeFileDurably(path: string, bytes: Uint8Array | string): void {
  const fd = openSync(path, 'w');
  try {
    writeAll(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames FROM over TO and makes the rename durable. */
export function renameDurably(from: string, to: string): void {
  renameSync(from, to);
  fsyncDirectory(dirname(to));
  if (dirname(from) !== dirname(to)) fsyncDirectory(dirname(from));
}

/** PATH's temporary sibling: written and fsynced first, then renamed over PATH. */
export const temporary = (path: string): string => `${path}.tmp`;

/** Replaces PATH with BYTES so that a crash leaves either the old or the new content, never a mix. */
export function writeFileAtomically(path: string, bytes: Uint8Array | string): void {
  writeFileDurably(temporary(path), bytes);
  renameDurably(temporary(path), path);
}

/** Cuts PATH back to LENGTH bytes, durably (a torn journal tail). */
export function truncateDurably(path: string, length: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes PATH if it exists, durably. */
export function removeDurably(path: string): void {
  rmSync(path, { force: true, recursive: true });
  fsyncDirectory(dirname(path));
}

/** Whether DIR is absent or has no entries. */
export function isEmptyDirectory(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}
