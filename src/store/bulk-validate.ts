import { Worker } from 'node:worker_threads';
import type { BulkValidateInput, BulkVerdict } from './bulk-validate-worker.ts';
import { errorFromWire } from './pool/protocol.ts';

const entry = new URL('./bulk-validate-worker.ts', import.meta.url);

/**
 * A bulk load's validation, in a worker thread of its own (bulk-validate-worker.ts), so that the in-memory
 * engine works while the loading thread, blocked in Oxigraph's loader, fills the store. Start it early: the
 * thread loads its modules and compiles the shapes while the caller reads its files.
 */
export class ValidationThread {
  private readonly worker: Worker;
  private readonly answer: Promise<void>;

  private constructor() {
    this.worker = new Worker(entry);
    this.answer = new Promise<void>((resolve, reject) => {
      this.worker.once('message', (verdict: BulkVerdict) =>
        verdict.kind === 'ok' ? resolve() : reject(errorFromWire(verdict.error)),
      );
      this.worker.once('error', reject);
      this.worker.once('exit', (code) =>
        reject(new Error(`the validation thread stopped (code ${code}) before its verdict`)),
      );
    }).finally(() => this.stop());
    this.answer.catch(() => undefined);
  }

  static start(): ValidationThread {
    return new ValidationThread();
  }

  /**
   * Hands the thread INPUT (the bytes are copied); resolves when the load introduces no violation, else
   * rejects with WriteRejectedError (or the InputError of data it cannot parse).
   */
  judge(input: BulkValidateInput): Promise<void> {
    this.worker.postMessage(input);
    return this.answer;
  }

  stop(): void {
    void this.worker.terminate();
  }
}
