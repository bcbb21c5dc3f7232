import { Worker } from 'node:worker_threads';
import type { Commit } from '../core-types.ts';
import { TimeoutError } from '../errors.ts';
import { type Call, errorFromWire, type Reply } from './protocol.ts';

const entry = new URL('./worker.ts', import.meta.url);

export interface WorkerOptions {
  /** Whether the copy opens the data directory as its owner (see CoreOptions.owner). */
  readonly owner: boolean;
  readonly dataDir: string;
  readonly validate: boolean;
  readonly journalLimitBytes?: number;
  readonly maxResultBytes?: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | undefined;
}

/**
 * One store worker thread and the calls in flight to it. A call that outlives its time limit is answered
 * with a TimeoutError and the worker is terminated: Oxigraph's calls cannot be interrupted any other way.
 */
export class WorkerHandle {
  /** The sequence number of the last committed write this worker has applied. */
  sequence = 0;
  /** Set while a read has been handed this worker but not yet sent (see ReaderQueue). */
  reserved = false;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private dead = false;
  private readonly onDeath: (handle: WorkerHandle, error: Error) => void;

  constructor(
    options: WorkerOptions,
    onCommitted: (handle: WorkerHandle, commit: Commit) => void,
    onDeath: (handle: WorkerHandle, error: Error) => void,
  ) {
    this.onDeath = onDeath;
    this.worker = new Worker(entry, { workerData: options });
    this.worker.on('message', (reply: Reply) => {
      if (reply.kind === 'committed') return onCommitted(this, reply.committed);
      const call = this.pending.get(reply.id);
      if (!call) return;
      this.pending.delete(reply.id);
      if (call.timer) clearTimeout(call.timer);
      if (reply.kind === 'ok') call.resolve(reply.value);
      else call.reject(errorFromWire(reply.error));
    });
    this.worker.on('error', (error) => this.die(error));
    this.worker.on('exit', (code) => this.die(new Error(`a store worker exited (code ${code})`)));
  }

  /** Calls METHOD in the worker; after TIMEOUTMS the call fails and the worker is terminated. */
  call<T>(method: string, args: readonly unknown[], timeoutMs?: number): Promise<T> {
    if (this.dead) return Promise.reject(new Error('the store worker is not running'));
    const id = this.nextId++;
    this.reserved = false;
    return new Promise<T>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.pending.delete(id);
              reject(new TimeoutError(timeoutMs));
              this.terminate();
            }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.worker.postMessage({ id, method, args } satisfies Call);
    });
  }

  /** How many calls are waiting for an answer. */
  get busy(): number {
    return this.pending.size;
  }

  get alive(): boolean {
    return !this.dead;
  }

  terminate(): void {
    if (this.dead) return;
    void this.worker.terminate();
    this.die(new Error('the store worker was stopped'));
  }

  private die(error: Error): void {
    if (this.dead) return;
    this.dead = true;
    for (const call of this.pending.values()) {
      if (call.timer) clearTimeout(call.timer);
      call.reject(error);
    }
    this.pending.clear();
    this.onDeath(this, error);
  }
}
