import { OverloadedError, TimeoutError } from '../errors.ts';

interface Job {
  readonly deadline: number;
  readonly timeoutMs: number;
  readonly run: (remainingMs: number) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Runs writes one at a time, in the order they came: the journal takes one record after another, and each
 * write must see every write before it. A write waits at most until its deadline (its time limit counts
 * from its arrival) and the queue is bounded; BEFOREEACH runs ahead of every write (the pool waits there
 * for a lost copy's files to be repaired).
 */
export class WriteQueue {
  private readonly jobs: Job[] = [];
  private running = false;
  private readonly maxQueued: number;
  private readonly beforeEach: () => Promise<void>;

  constructor(maxQueued: number, beforeEach: () => Promise<void>) {
    this.maxQueued = maxQueued;
    this.beforeEach = beforeEach;
  }

  /** Queues RUN, which is given the milliseconds left of TIMEOUTMS when its turn comes. */
  run<T>(timeoutMs: number, run: (remainingMs: number) => Promise<T>): Promise<T> {
    if (this.jobs.length >= this.maxQueued) {
      return Promise.reject(new OverloadedError(`${this.jobs.length} writes are already queued`));
    }
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.jobs.indexOf(job);
        if (i >= 0) this.jobs.splice(i, 1);
        reject(new TimeoutError(timeoutMs));
      }, timeoutMs);
      const job: Job = {
        deadline: Date.now() + timeoutMs,
        timeoutMs,
        run,
        resolve: resolve as (value: unknown) => void,
        reject,
        timer,
      };
      this.jobs.push(job);
      void this.pump();
    });
  }

  /** Fails every queued write with ERROR. */
  failAll(error: Error): void {
    for (const job of this.jobs.splice(0)) {
      clearTimeout(job.timer);
      job.reject(error);
    }
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.jobs.shift(); job; job = this.jobs.shift()) {
        clearTimeout(job.timer);
        try {
          await this.beforeEach();
          const remaining = job.deadline - Date.now();
          if (remaining <= 0) throw new TimeoutError(job.timeoutMs);
          job.resolve(await job.run(remaining));
        } catch (error) {
          job.reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
    } finally {
      this.running = false;
    }
  }
}
