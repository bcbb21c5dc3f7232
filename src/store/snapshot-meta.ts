import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CorruptDataError } from './errors.ts';

/** snapshot.json: what snapshot.nq holds, to check it before trusting it. */
export interface SnapshotMeta {
  readonly format: typeof FORMAT;
  /** The journal sequence number the snapshot includes: records up to it are in it. */
  readonly sequence: number;
  readonly quads: number;
  readonly bytes: number;
  readonly sha256: string;
}

const FORMAT = 'imagegraph-snapshot-1';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The snapshot of a store that was never written to. */
export const emptySnapshot: SnapshotMeta = {
  format: FORMAT,
  sequence: 0,
  quads: 0,
  bytes: 0,
  sha256: sha256(new Uint8Array()),
};

export const snapshotMeta = (sequence: number, quads: number, bytes: number, hash: string): SnapshotMeta => ({
  format: FORMAT,
  sequence,
  quads,
  bytes,
  sha256: hash,
});

/** The snapshot.json at PATH; undefined when absent; a CorruptDataError when it is not one. */
export function readSnapshotMeta(path: string): SnapshotMeta | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let meta: Partial<SnapshotMeta>;
  try {
    meta = JSON.parse(text);
  } catch {
    throw new CorruptDataError(path, 0, 'it is not valid JSON');
  }
  const numbers = [meta.sequence, meta.quads, meta.bytes].every((n) => Number.isSafeInteger(n) && n! >= 0);
  if (meta.format !== FORMAT || !numbers || typeof meta.sha256 !== 'string') {
    throw new CorruptDataError(path, 0, `it is not an ${FORMAT} description`);
  }
  return meta as SnapshotMeta;
}
