import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync } from 'node:fs';
import { writeAll } from './durable.ts';
import { encodeRecord } from './journal-format.ts';

/**
 * The primary's append handle on journal.log. `append` returns only after the record is written and fsynced:
 * that is the moment a write is acknowledged. A failed append (a full disk) cuts the file back to where it
 * was, so the journal never keeps half a record of a write that was reported as failed.
 */
export class JournalWriter {
  readonly path: string;
  private fd: number;
  private size: number;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.fd = fd;
    this.size = fstatSync(fd).size;
  }

  /** Opens PATH for appending, creating it empty when absent (its directory must be fsynced by the caller). */
  static open(path: string): JournalWriter {
    return new JournalWriter(path, openSync(path, 'a'));
  }

  /** The journal's length in bytes. */
  get bytes(): number {
    return this.size;
  }

  /** Appends the record of write SEQUENCE durably; its byte length. */
  append(sequence: number, payload: Uint8Array): number {
    const record = encodeRecord(sequence, payload);
    try {
      writeAll(this.fd, record);
      fsyncSync(this.fd);
    } catch (error) {
      ftruncateSync(this.fd, this.size);
      throw error;
    }
    this.size += record.length;
    return record.length;
  }

  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
  }
}
