import { createHash } from 'node:crypto';
import { closeSync, fsync, openSync, write } from 'node:fs';

/** A snapshot file written from bytes in memory (writeInBackground): its length and SHA-256. */
export interface SnapshotBytes {
  readonly bytes: number;
  readonly sha256: string;
  /** Resolves once the file holds PARTS and is fsynced; rejects with the write's error. Never left pending. */
  readonly written: Promise<void>;
}

/** Writes all of BYTES at POSITION of FD, on libuv's thread pool (a regular file may take less at a time). */
function writeAt(fd: number, bytes: Uint8Array, position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const from = (done: number): void => {
      if (done >= bytes.length) {
        resolve();
        return;
      }
      write(fd, bytes, done, bytes.length - done, position + done, (error, n) =>
        error ? reject(error) : from(done + n),
      );
    };
    from(0);
  });
}

const fsyncOf = (fd: number): Promise<void> =>
  new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));

/**
 * Writes PARTS one after another to PATH (created or truncated), then fsyncs it, in the background: every
 * write is handed to libuv's thread pool at once, so the disk works while this thread goes on (a bulk load
 * gives Oxigraph the same bytes meanwhile). The SHA-256 is computed here while the writes run. The fsync
 * and the close wait for this thread's event loop. PARTS must not change until `written` settles.
 */
export function writeInBackground(path: string, parts: readonly Uint8Array[]): SnapshotBytes {
  const fd = openSync(path, 'w');
  let position = 0;
  const writes = parts.map((part) => {
    const at = position;
    position += part.length;
    return writeAt(fd, part, at);
  });
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  // Every write settles before the descriptor is closed: closing under a pending write could hit a reused fd.
  const written = Promise.allSettled(writes)
    .then((results) => {
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      return fsyncOf(fd);
    })
    .finally(() => closeSync(fd));
  written.catch(() => undefined);
  return { bytes: position, sha256: hash.digest('hex'), written };
}
