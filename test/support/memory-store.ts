import type { Quad } from '@rdfjs/types';
import * as oxigraph from 'oxigraph';
import { InputError } from '../../src/errors.ts';
import { ForbiddenGraphError, LimitError } from '../../src/store/errors.ts';
import type { GraphName, GraphWrite, Store, WriteResult } from '../../src/store/store.ts';
import { graphs } from '../../src/vocab.ts';

// A minimal Store over an in-memory Oxigraph store, for the HTTP tests until the durable store lands. It does
// not validate, journal or time out; USING graphs work for single-operation updates only.

const graphTerm = (graph: GraphName) =>
  graph.kind === 'default' ? oxigraph.defaultGraph() : oxigraph.namedNode(graph.iri);

const readOnly: readonly string[] = [graphs.ontology, graphs.shapes];

/** Oxigraph's errors (syntax above all) are the client's. */
function input<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error), {
      where: what,
      cause: error,
    });
  }
}

export function memoryStore(): Store {
  const ox = new oxigraph.Store();
  let sequence = 0;
  const inGraph = (graph: GraphName) => ox.match(null, null, null, graphTerm(graph));
  const exists = (graph: GraphName) => graph.kind === 'default' || inGraph(graph).length > 0;
  const add = (quads: readonly Quad[], graph: GraphName) => {
    for (const q of quads)
      ox.add(oxigraph.quad(q.subject as never, q.predicate as never, q.object as never, graphTerm(graph)));
    return quads.length;
  };
  const drop = (graph: GraphName) => {
    const old = inGraph(graph);
    for (const q of old) ox.delete(q);
    return old.length;
  };
  const written = (inserted: number, deleted: number, graphExisted?: boolean): WriteResult => ({
    inserted,
    deleted,
    sequence: inserted + deleted > 0 ? ++sequence : 0,
    ...(graphExisted === undefined ? {} : { graphExisted }),
  });

  return {
    async query(text, options) {
      const body = input('query', () =>
        ox.query(text, {
          results_format: options.format,
          ...(options.defaultGraphs?.length
            ? { default_graph: options.defaultGraphs.map(oxigraph.namedNode) }
            : {}),
          ...(options.namedGraphs?.length
            ? { named_graphs: options.namedGraphs.map(oxigraph.namedNode) }
            : {}),
        }),
      ) as string;
      if (Buffer.byteLength(body) > options.maxResultBytes) {
        throw new LimitError(
          `the result is larger than ${options.maxResultBytes} bytes`,
          options.maxResultBytes,
        );
      }
      return { mediaType: options.format, body };
    },
    async update(text, options) {
      const using = [
        ...(options.usingGraphs ?? []).map((g) => `USING <${g}>`),
        ...(options.usingNamedGraphs ?? []).map((g) => `USING NAMED <${g}>`),
      ].join(' ');
      const before = ox.size;
      input('update', () => ox.update(using ? text.replace(/\bWHERE\b/i, `${using} WHERE`) : text));
      const delta = ox.size - before;
      return written(Math.max(delta, 0), Math.max(-delta, 0));
    },
    async write(change: GraphWrite) {
      if (change.graph.kind === 'named' && readOnly.includes(change.graph.iri)) {
        throw new ForbiddenGraphError(change.graph.iri);
      }
      const existed = exists(change.graph);
      const deleted = change.kind === 'add' ? 0 : drop(change.graph);
      const inserted = change.kind === 'drop' ? 0 : add(change.quads, change.graph);
      return written(inserted, deleted, existed);
    },
    async readGraph(graph, format) {
      if (!exists(graph)) return undefined;
      return ox.dump({ format, from_graph_name: graphTerm(graph) });
    },
    async load(quads, graph) {
      return written(add(quads, graph), 0);
    },
    async stats() {
      return { quads: ox.size, journalBytes: 0, sequence, snapshotSequence: 0 };
    },
    async backup() {
      throw new Error('the memory store keeps no backups');
    },
    async close() {},
  };
}
