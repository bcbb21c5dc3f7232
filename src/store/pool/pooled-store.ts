import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { writeRdf } from '../../rdf/serialize.ts';
import type { Commit, CoreStats } from '../core-types.ts';
import { dataFiles } from '../data-dir.ts';
import { TimeoutError } from '../errors.ts';
import type {
  GraphName,
  GraphWrite,
  QueryOptions,
  QueryResult,
  Store,
  StoreStats,
  UpdateOptions,
  WriteResult,
} from '../store.ts';
import { ReaderQueue } from './reader-queue.ts';
import { WorkerHandle } from './worker-handle.ts';
import { WriteQueue } from './write-queue.ts';

export interface PoolOptions {
  readonly dataDir: string;
  /** Copies of the dataset, each in its own thread; any copy answers reads and takes writes (default 2). */
  readonly copies?: number;
  readonly validate?: boolean;
  readonly journalLimitBytes?: number;
  /** Reads allowed to wait for a copy before the store answers OverloadedError (default 64). */
  readonly maxQueuedReads?: number;
  /** Writes allowed to wait for their turn (default 256). */
  readonly maxQueuedWrites?: number;
  /** Time limit of writes, load and backup included (default 10 minutes). */
  readonly writeTimeoutMs?: number;
}

/**
 * The embedded store as the service runs it: copies of the dataset, each an EmbeddedCore in its own worker
 * thread, all peers. A read goes to an idle copy that has applied every acknowledged write (read-your-writes);
 * a write too, one write at a time: that copy journals it, and the others apply it after. So a query that runs
 * for a minute holds one copy while the others serve reads and writes; a query past its time limit costs its
 * copy, which is terminated and rebuilt from disk. Every copy is a full copy: memory grows with their number.
 */
export class PooledStore implements Store {
  private readonly copies: WorkerHandle[] = [];
  private readonly reads: ReaderQueue;
  private readonly writes: WriteQueue;
  /** Committed changes since the last snapshot known, to bring a rebuilt copy up to date. */
  private readonly log: { sequence: number; change: string }[] = [];
  private committed = 0;
  private snapshotSequence = 0;
  private quads = 0;
  /** The copy a write is in flight on, if any. */
  private writing: WorkerHandle | undefined;
  /** Settles once the files are sound again after a copy was lost in the middle of a write. */
  private repaired: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly options: Required<PoolOptions>;
  private readonly journalPath: string;

  private constructor(options: PoolOptions) {
    this.journalPath = dataFiles(resolve(options.dataDir)).journal;
    this.options = {
      copies: 2,
      validate: true,
      journalLimitBytes: 64 * 1024 * 1024,
      maxQueuedReads: 64,
      maxQueuedWrites: 256,
      writeTimeoutMs: 600_000,
      ...options,
    };
    this.reads = new ReaderQueue(
      () => this.copies,
      () => this.committed,
      this.options.maxQueuedReads,
    );
    this.writes = new WriteQueue(this.options.maxQueuedWrites, () => this.repaired);
  }

  /**
   * Opens the data directory in every copy at once: the first, its owner, creates and locks it and repairs
   * what a crash left (a torn journal tail, an uncommitted snapshot), which the others' reading tolerates
   * (recovery.ts recoverReading); so a restart takes about the time of one copy's, not of each in turn.
   */
  static async open(options: PoolOptions): Promise<PooledStore> {
    const store = new PooledStore(options);
    const owner = store.addCopy(true);
    await Promise.all([
      owner,
      ...Array.from({ length: store.options.copies - 1 }, () => store.addCopy(false)),
    ]);
    return store;
  }

  query(text: string, options: QueryOptions): Promise<QueryResult> {
    return this.onCopy('query', [text, options], options.timeoutMs);
  }

  readGraph(graph: GraphName, format: string): Promise<string | undefined> {
    return this.onCopy('readGraph', [graph, format], this.options.writeTimeoutMs);
  }

  update(text: string, options: UpdateOptions): Promise<WriteResult> {
    return this.writeCall('update', [text, options], options.timeoutMs);
  }

  write(change: GraphWrite): Promise<WriteResult> {
    const quads = change.kind === 'drop' ? undefined : writeRdf(change.quads as Quad[], 'nquads');
    return this.writeCall('write', [{ kind: change.kind, graph: change.graph, nquads: quads }]);
  }

  load(quads: readonly Quad[], graph: GraphName): Promise<WriteResult> {
    return this.writeCall('load', [writeRdf(quads as Quad[], 'nquads'), graph]);
  }

  /** Known without asking a copy (all may be busy): from the last commit, and the journal file itself. */
  async stats(): Promise<StoreStats> {
    const journal = this.journalPath;
    return {
      quads: this.quads,
      journalBytes: existsSync(journal) ? statSync(journal).size : 0,
      sequence: this.committed,
      snapshotSequence: this.snapshotSequence,
    };
  }

  /** A copy that has every acknowledged write writes its state: consistent, while writes go on. */
  backup(dir: string): Promise<void> {
    return this.onCopy('backup', [dir], this.options.writeTimeoutMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    const closing = new Error('the store is closing');
    this.reads.failAll(closing);
    this.writes.failAll(closing);
    for (const copy of this.copies) copy.terminate();
  }

  /** Calls METHOD on an idle, up-to-date copy within TIMEOUTMS, the wait for one included. */
  private async onCopy<T>(method: string, args: unknown[], timeoutMs: number): Promise<T> {
    const started = Date.now();
    const copy = await this.reads.acquire(timeoutMs);
    try {
      return await copy.call<T>(method, args, Math.max(1, timeoutMs - (Date.now() - started)));
    } catch (error) {
      // The time spent waiting for a copy counts, but the client is told the limit it asked for.
      throw error instanceof TimeoutError ? new TimeoutError(timeoutMs) : error;
    } finally {
      this.reads.wake();
    }
  }

  private writeCall<T>(method: string, args: unknown[], timeoutMs = this.options.writeTimeoutMs): Promise<T> {
    return this.writes.run(timeoutMs, async (remainingMs) => {
      const started = Date.now();
      const copy = await this.reads.acquire(remainingMs);
      this.writing = copy;
      try {
        return await copy.call<T>(method, args, Math.max(1, remainingMs - (Date.now() - started)));
      } catch (error) {
        throw error instanceof TimeoutError ? new TimeoutError(timeoutMs) : error;
      } finally {
        this.writing = undefined;
        this.reads.wake();
      }
    });
  }

  private spawn(owner: boolean): WorkerHandle {
    const copy = new WorkerHandle(
      {
        owner,
        dataDir: this.options.dataDir,
        validate: this.options.validate,
        journalLimitBytes: this.options.journalLimitBytes,
      },
      (handle, commit) => this.onCommitted(handle, commit),
      (handle) => this.onDeath(handle),
    );
    this.copies.push(copy);
    return copy;
  }

  /** Starts a copy; it reads the files, then the committed changes it lacks. Its state on disk. */
  private async addCopy(owner: boolean): Promise<CoreStats> {
    const copy = this.spawn(owner);
    const stats = await copy.call<CoreStats>('open', []);
    copy.sequence = stats.sequence;
    if (owner && stats.sequence >= this.committed) {
      this.committed = stats.sequence;
      this.quads = stats.quads;
      this.snapshotSequence = stats.snapshotSequence;
    }
    for (const entry of this.log) this.forward(copy, entry.sequence, entry.change);
    this.reads.wake();
    return stats;
  }

  private onCommitted(writer: WorkerHandle, commit: Commit): void {
    this.committed = commit.sequence;
    this.quads = commit.quads;
    this.snapshotSequence = Math.max(this.snapshotSequence, commit.snapshotSequence);
    writer.sequence = commit.sequence;
    this.log.push({ sequence: commit.sequence, change: commit.change });
    while (this.log.length > 0 && this.log[0]!.sequence <= this.snapshotSequence) this.log.shift();
    for (const copy of this.copies) this.forward(copy, commit.sequence, commit.change);
  }

  private forward(copy: WorkerHandle, sequence: number, change: string): void {
    if (!copy.alive || copy.sequence >= sequence) return;
    copy
      .call('applyReplicated', [sequence, change])
      .then(() => {
        copy.sequence = Math.max(copy.sequence, sequence);
        this.reads.wake();
      })
      .catch(() => undefined);
  }

  private onDeath(handle: WorkerHandle): void {
    if (this.closed) return;
    this.copies.splice(this.copies.indexOf(handle), 1);
    if (handle !== this.writing) {
      void this.addCopy(false).catch(() => undefined);
      return;
    }
    // Lost in the middle of a write, which may or may not have reached the journal: the next writes wait
    // while a new owner copy repairs the files and reads them. If the write is there, the other copies
    // never saw it: they are rebuilt from disk.
    this.writing = undefined;
    const before = this.committed;
    this.repaired = this.addCopy(true)
      .then((stats) => {
        if (stats.sequence === before) return;
        this.log.length = 0;
        for (const copy of this.copies) if (copy.sequence < stats.sequence) copy.terminate();
      })
      .catch(() => undefined);
  }
}
