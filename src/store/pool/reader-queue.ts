import { OverloadedError, TimeoutError } from '../errors.ts';
import type { WorkerHandle } from './worker-handle.ts';

interface Waiter {
  readonly ready: (reader: WorkerHandle) => void;
  readonly fail: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Hands each call (a read, or the write whose turn it is) to a copy that is idle and has applied every
 * acknowledged write (read-your-writes), queueing calls while none is; a call waits at most until its
 * deadline, and the queue is bounded.
 */
export class ReaderQueue {
  private readonly waiters: Waiter[] = [];
  private readonly maxQueued: number;
  private readonly readers: () => readonly WorkerHandle[];
  private readonly committed: () => number;

  constructor(readers: () => readonly WorkerHandle[], committed: () => number, maxQueued: number) {
    this.readers = readers;
    this.committed = committed;
    this.maxQueued = maxQueued;
  }

  /** A fresh idle copy, reserved for the caller until its next call is sent. */
  acquire(timeoutMs: number): Promise<WorkerHandle> {
    const free = this.findFree();
    if (free) return Promise.resolve(free);
    if (this.waiters.length >= this.maxQueued) {
      return Promise.reject(
        new OverloadedError(
          `${this.waiters.length} requests are already waiting for a free copy of the store`,
        ),
      );
    }
    return new Promise((ready, fail) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.timer === timer);
        if (i >= 0) this.waiters.splice(i, 1);
        fail(new TimeoutError(timeoutMs));
      }, timeoutMs);
      this.waiters.push({ ready, fail, timer });
    });
  }

  /** Called whenever a copy finishes a call or catches up: serve the oldest waiting calls. */
  wake(): void {
    while (this.waiters.length > 0) {
      const free = this.findFree();
      if (!free) return;
      const waiter = this.waiters.shift()!;
      clearTimeout(waiter.timer);
      waiter.ready(free);
    }
  }

  failAll(error: Error): void {
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.fail(error);
    }
  }

  private findFree(): WorkerHandle | undefined {
    const committed = this.committed();
    const free = this.readers().find(
      (r) => r.alive && r.busy === 0 && !r.reserved && r.sequence >= committed,
    );
    if (free) free.reserved = true;
    return free;
  }
}
