import { crc32 } from 'node:zlib';
import { CorruptDataError } from './errors.ts';

/**
 * A journal record, one per acknowledged write, all integers big-endian:
 *
 *   offset 0   magic     4 bytes  "IGJ1"
 *          4   sequence  8 bytes  unsigned, 1 more than the previous record's
 *         12   length    4 bytes  unsigned, byte length of the payload
 *         16   crc       4 bytes  CRC-32 of bytes 4–15 followed by the payload
 *         20   payload   `length` bytes: the Change as UTF-8 text (change-codec.ts)
 *
 * A record is written with one write and fsynced before the write is acknowledged, so a crash can only leave
 * a prefix of the last record: a torn tail, which recovery cuts off.
 */
export const MAGIC = Buffer.from('IGJ1', 'latin1');
export const HEADER_BYTES = 20;

export interface JournalRecord {
  readonly sequence: number;
  /** Byte offset of the record in the journal. */
  readonly offset: number;
  readonly payload: Buffer;
}

export interface JournalScan {
  readonly records: JournalRecord[];
  /** Length of the intact prefix: where the next record goes. */
  readonly end: number;
  /** Bytes after the intact prefix: an unacknowledged, partly written record (0 when none). */
  readonly tornBytes: number;
}

const checksum = (fields: Uint8Array, payload: Uint8Array): number => crc32(payload, crc32(fields));

/** The bytes of one record. */
export function encodeRecord(sequence: number, payload: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  MAGIC.copy(record, 0);
  record.writeBigUInt64BE(BigInt(sequence), 4);
  record.writeUInt32BE(payload.length, 12);
  record.writeUInt32BE(checksum(record.subarray(4, 16), payload), 16);
  record.set(payload, HEADER_BYTES);
  return record;
}

/** The record at OFFSET of BYTES, or why there is none. */
function readRecord(bytes: Buffer, offset: number): JournalRecord | string {
  if (bytes.length - offset < HEADER_BYTES) return 'the record header is incomplete';
  if (!bytes.subarray(offset, offset + 4).equals(MAGIC)) return 'no record starts there (wrong magic)';
  const length = bytes.readUInt32BE(offset + 12);
  const start = offset + HEADER_BYTES;
  if (start + length > bytes.length) return `the payload is cut short (${length} bytes announced)`;
  const payload = bytes.subarray(start, start + length);
  if (checksum(bytes.subarray(offset + 4, offset + 16), payload) !== bytes.readUInt32BE(offset + 16)) {
    return 'the checksum does not match';
  }
  return { sequence: Number(bytes.readBigUInt64BE(offset + 4)), offset, payload };
}

/** Whether an intact record starts anywhere after OFFSET: then the damage at OFFSET is not a torn tail. */
function intactRecordAfter(bytes: Buffer, offset: number): boolean {
  for (let at = bytes.indexOf(MAGIC, offset + 1); at >= 0; at = bytes.indexOf(MAGIC, at + 1)) {
    if (typeof readRecord(bytes, at) !== 'string') return true;
  }
  return false;
}

/**
 * The records of the journal FILE (its content BYTES), in order. Damage followed by no intact record is a
 * torn tail and ends the scan; damage followed by an intact record, or a break in the sequence numbers, is
 * corruption: a CorruptDataError naming FILE and the offset.
 */
export function scanJournal(bytes: Buffer, file: string): JournalScan {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const record = readRecord(bytes, offset);
    if (typeof record === 'string') {
      if (intactRecordAfter(bytes, offset)) throw new CorruptDataError(file, offset, record);
      break;
    }
    const previous = records.at(-1);
    if (previous && record.sequence !== previous.sequence + 1) {
      throw new CorruptDataError(
        file,
        offset,
        `record ${record.sequence} follows record ${previous.sequence} (the sequence must go up by one)`,
      );
    }
    records.push(record);
    offset += HEADER_BYTES + record.payload.length;
  }
  return { records, end: offset, tornBytes: bytes.length - offset };
}
