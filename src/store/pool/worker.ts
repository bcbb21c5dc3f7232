// A store worker thread: one EmbeddedCore, a peer of the pool's other copies, answering the pool's calls in order.
import { parentPort, workerData } from 'node:worker_threads';
import { Parser } from 'n3';
import { EmbeddedCore } from '../core.ts';
import type { GraphName, GraphWrite } from '../store.ts';
import { type Call, errorToWire, type Reply } from './protocol.ts';
import type { WorkerOptions } from './worker-handle.ts';

const options = workerData as WorkerOptions;
const port = parentPort!;
let core: EmbeddedCore | undefined;

const opened = (): EmbeddedCore => {
  if (core) return core;
  throw new Error('the store worker was called before it opened its data directory');
};
const quadsOf = (nquads: string) => new Parser({ format: 'N-Quads' }).parse(nquads);

/** What the pool may ask of a worker: EmbeddedCore's methods, with quads passed as N-Quads text. */
const methods: Record<string, (...args: never[]) => unknown> = {
  open: async () => {
    core = await EmbeddedCore.open(options.dataDir, {
      role: 'peer',
      owner: options.owner,
      validate: options.validate,
      ...(options.journalLimitBytes ? { journalLimitBytes: options.journalLimitBytes } : {}),
      onCommit: (committed) => port.postMessage({ kind: 'committed', committed } satisfies Reply),
    });
    return core.stats();
  },
  query: (text: string, queryOptions: Parameters<EmbeddedCore['query']>[1]) =>
    opened().query(text, queryOptions),
  update: (text: string, updateOptions: Parameters<EmbeddedCore['update']>[1]) =>
    opened().update(text, updateOptions),
  write: (write: { kind: GraphWrite['kind']; graph: GraphName; nquads?: string }) =>
    opened().write(
      write.kind === 'drop'
        ? { kind: 'drop', graph: write.graph }
        : { kind: write.kind, graph: write.graph, quads: quadsOf(write.nquads ?? '') },
    ),
  load: (nquads: string, graph: GraphName) => opened().load(quadsOf(nquads), graph),
  readGraph: (graph: GraphName, format: string) => opened().readGraph(graph, format),
  stats: () => opened().stats(),
  snapshot: () => opened().snapshot(),
  backup: (dir: string) => opened().backup(dir),
  applyReplicated: (sequence: number, change: string) => opened().applyReplicated(sequence, change),
};

/** Answers one call; calls are answered strictly one after another, even those that wait on I/O. */
async function answer(call: Call): Promise<void> {
  try {
    const method = methods[call.method];
    if (!method) throw new Error(`the store worker has no method '${call.method}'`);
    const value = await method(...(call.args as never[]));
    port.postMessage({ kind: 'ok', id: call.id, value } satisfies Reply);
  } catch (error) {
    port.postMessage({ kind: 'error', id: call.id, error: errorToWire(error) } satisfies Reply);
  }
}

let queue: Promise<void> = Promise.resolve();
port.on('message', (call: Call) => {
  queue = queue.then(() => answer(call));
});
