import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, statSync } from 'node:fs';
import { writeAll } from './durable.ts';
import { encodeRecord } from './journal-format.ts';

/**
 * Appends records to journal.log. `append` returns only after the record is written and fsynced: that is the
 * moment a write is acknowledged. The file is opened for each append, so that any of the pool's copies can
 * take a write (one at a time) and a compaction may replace the file in between. A failed append (a full disk)
 * cuts the file back to where it was, so the journal never keeps half a record of a write reported as failed.
 */
export class JournalWriter {
  readonly path: string;
  private size: number;

  private constructor(path: string) {
    this.path = path;
    this.size = existsSync(path) ? statSync(path).size : 0;
  }

  /** Appends to PATH, which is created empty on the first append when absent (its directory fsynced by the caller). */
  static open(path: string): JournalWriter {
    return new JournalWriter(path);
  }

  /** The journal's length in bytes after the last append through this writer (or at open). */
  get bytes(): number {
    return this.size;
  }

  /** Appends the record of write SEQUENCE durably; its byte length. */
  append(sequence: number, payload: Uint8Array): number {
    const record = encodeRecord(sequence, payload);
    const fd = openSync(this.path, 'a');
    try {
      const size = fstatSync(fd).size;
      try {
        writeAll(fd, record);
        fsyncSync(fd);
      } catch (error) {
        ftruncateSync(fd, size);
        throw error;
      }
      this.size = size + record.length;
    } finally {
      closeSync(fd);
    }
    return record.length;
  }
}
