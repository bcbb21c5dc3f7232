import type { Quad } from '@rdfjs/types';
import { writeRdf } from '../../rdf/serialize.ts';
import { OverloadedError, TimeoutError } from '../errors.ts';
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
import { WorkerHandle, type WorkerOptions } from './worker-handle.ts';

export interface PoolOptions {
  readonly dataDir: string;
  /** Read replicas, each a full copy of the dataset in its own thread (default 2). */
  readonly replicas?: number;
  readonly validate?: boolean;
  readonly journalLimitBytes?: number;
  /** Reads allowed to wait for a replica before the store answers OverloadedError (default 64). */
  readonly maxQueuedReads?: number;
  /** Writes allowed to wait for the primary (default 256). */
  readonly maxQueuedWrites?: number;
  /** Time limit of writes, load and backup included (default 10 minutes). */
  readonly writeTimeoutMs?: number;
}

/**
 * The embedded store as the service runs it: one primary worker thread owns the files and takes every write;
 * read replicas, each in its own thread, answer queries and receive every committed change. A query that
 * runs too long costs one replica, which is terminated and rebuilt from disk while the others serve.
 */
export class PooledStore implements Store {
  private primary!: WorkerHandle;
  private readonly replicas: WorkerHandle[] = [];
  private readonly queue: ReaderQueue;
  /** Committed changes since the primary's last snapshot, to bring a rebuilt replica up to date. */
  private readonly log: { sequence: number; change: string }[] = [];
  private committed = 0;
  private closed = false;
  private readonly options: Required<PoolOptions>;

  private constructor(options: PoolOptions) {
    this.options = {
      replicas: 2,
      validate: true,
      journalLimitBytes: 64 * 1024 * 1024,
      maxQueuedReads: 64,
      maxQueuedWrites: 256,
      writeTimeoutMs: 600_000,
      ...options,
    };
    this.queue = new ReaderQueue(
      () => this.replicas,
      () => this.committed,
      this.options.maxQueuedReads,
    );
  }

  /** Opens the data directory (recovering it) in the primary, then starts the replicas. */
  static async open(options: PoolOptions): Promise<PooledStore> {
    const store = new PooledStore(options);
    store.primary = store.spawn('primary');
    store.committed = await store.primary.call<number>('open', []);
    store.primary.sequence = store.committed;
    await Promise.all(Array.from({ length: store.options.replicas }, () => store.addReplica()));
    return store;
  }

  async query(text: string, options: QueryOptions): Promise<QueryResult> {
    return this.read('query', [text, options], options.timeoutMs);
  }

  async readGraph(graph: GraphName, format: string): Promise<string | undefined> {
    return this.read('readGraph', [graph, format], this.options.writeTimeoutMs);
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

  stats(): Promise<StoreStats> {
    return this.primary.call<StoreStats>('stats', []);
  }

  backup(dir: string): Promise<void> {
    return this.primary.call<void>('backup', [dir], this.options.writeTimeoutMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.failAll(new Error('the store is closing'));
    for (const w of [this.primary, ...this.replicas]) w.terminate();
  }

  private async read<T>(method: string, args: unknown[], timeoutMs: number): Promise<T> {
    const started = Date.now();
    const reader = await this.queue.acquire(timeoutMs);
    try {
      return await reader.call<T>(method, args, Math.max(1, timeoutMs - (Date.now() - started)));
    } catch (error) {
      // The time spent waiting for a replica counts, but the client is told the limit it asked for.
      throw error instanceof TimeoutError ? new TimeoutError(timeoutMs) : error;
    } finally {
      this.queue.wake();
    }
  }

  private writeCall<T>(method: string, args: unknown[], timeoutMs = this.options.writeTimeoutMs): Promise<T> {
    if (this.primary.busy >= this.options.maxQueuedWrites) {
      return Promise.reject(new OverloadedError(`${this.primary.busy} writes are already queued`));
    }
    return this.primary.call<T>(method, args, timeoutMs);
  }

  private spawn(role: 'primary' | 'replica'): WorkerHandle {
    const options: WorkerOptions = {
      role,
      dataDir: this.options.dataDir,
      validate: this.options.validate,
      journalLimitBytes: this.options.journalLimitBytes,
    };
    return new WorkerHandle(
      options,
      (sequence, change, snapshotSequence) => this.onCommitted(sequence, change, snapshotSequence),
      (handle) => this.onDeath(handle),
    );
  }

  private onCommitted(sequence: number, change: string, snapshotSequence: number): void {
    this.committed = sequence;
    this.primary.sequence = sequence;
    this.log.push({ sequence, change });
    while (this.log.length > 0 && this.log[0]!.sequence <= snapshotSequence) this.log.shift();
    for (const replica of this.replicas) this.forward(replica, sequence, change);
  }

  private forward(replica: WorkerHandle, sequence: number, change: string): void {
    if (!replica.alive || replica.sequence >= sequence) return;
    replica
      .call('applyReplicated', [sequence, change])
      .then(() => {
        replica.sequence = Math.max(replica.sequence, sequence);
        this.queue.wake();
      })
      .catch(() => undefined);
  }

  private async addReplica(): Promise<void> {
    const replica = this.spawn('replica');
    this.replicas.push(replica);
    replica.sequence = await replica.call<number>('open', []);
    for (const entry of this.log) this.forward(replica, entry.sequence, entry.change);
    this.queue.wake();
  }

  private onDeath(handle: WorkerHandle): void {
    if (this.closed) return;
    if (handle.role === 'replica') {
      this.replicas.splice(this.replicas.indexOf(handle), 1);
      void this.addReplica().catch(() => undefined);
      return;
    }
    // The primary died (a write ran out of time): recover it from disk, then rebuild every replica on it.
    this.primary = this.spawn('primary');
    void this.primary.call<number>('open', []).then((sequence) => {
      this.committed = sequence;
      this.primary.sequence = sequence;
      this.log.length = 0;
      for (const r of [...this.replicas]) r.terminate();
    });
  }
}
