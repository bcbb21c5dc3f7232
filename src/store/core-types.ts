import type { StoreStats } from './store.ts';

export interface CoreOptions {
  /**
   * The primary owns the files and takes every write (the CLI's commands). A replica reads the files once and
   * then follows writes made elsewhere. A peer is one of the service's copies (pool/): it follows the writes of
   * the other peers and takes a write itself whenever the pool hands it one, one write at a time in all.
   */
  readonly role: 'primary' | 'replica' | 'peer';
  /**
   * A peer that opens the data directory as its owner, as a primary does (the lock; a torn journal tail cut
   * off): the pool's first peer, and the one that replaces a peer lost in the middle of a write.
   */
  readonly owner?: boolean;
  /** Whether writes that introduce SHACL violations are rejected. */
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
  /** Quads in the user-writable graphs after the write. */
  readonly quads: number;
  /** The journal's length after the write. */
  readonly journalBytes: number;
}

export interface CoreStats extends StoreStats {
  /** What opening found: journal records replayed and the bytes of a torn last record cut off. */
  readonly recovered: { readonly replayed: number; readonly tornBytes: number };
  /** Why the last automatic snapshot failed, if it did (writes go on: the journal still holds them). */
  readonly snapshotError?: string;
}
