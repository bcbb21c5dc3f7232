import type { StoreStats } from './store.ts';

export interface CoreOptions {
  /** The primary owns the files and takes the writes; a replica reads the files once and then follows it. */
  readonly role: 'primary' | 'replica';
  /** Whether writes that introduce SHACL violations are rejected (primary only). */
  readonly validate: boolean;
  /** A snapshot is taken when the journal grows past this many bytes (default 64 MiB). */
  readonly journalLimitBytes?: number;
  /** Told of every acknowledged write, after its journal record is on disk: what replicas need. */
  readonly onCommit?: (commit: Commit) => void;
}

export interface Commit {
  readonly sequence: number;
  /** The Change, encoded as in the journal (change-codec.ts). */
  readonly change: string;
  /** The snapshot's sequence: commits up to it are on disk in the snapshot. */
  readonly snapshotSequence: number;
}

export interface CoreStats extends StoreStats {
  /** What opening found: journal records replayed and the bytes of a torn last record cut off. */
  readonly recovered: { readonly replayed: number; readonly tornBytes: number };
  /** Why the last automatic snapshot failed, if it did (writes go on: the journal still holds them). */
  readonly snapshotError?: string;
}
