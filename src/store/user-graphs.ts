import * as oxigraph from 'oxigraph';
import { namedQuery } from '../model/queries.ts';
import { readOnlyGraphs } from './read-only-graphs.ts';
import type { GraphName } from './store.ts';

/** GRAPH as an Oxigraph graph term. */
export const graphTerm = (graph: GraphName): oxigraph.NamedNode | oxigraph.DefaultGraph =>
  graph.kind === 'default' ? oxigraph.defaultGraph() : oxigraph.namedNode(graph.iri);

const countLines = (bytes: Buffer): number => {
  let n = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) n++;
  return n;
};

/**
 * The user-writable part of a store's dataset: the default graph (the catalogue) and every named graph but
 * the read-only ones. A graph exists when it holds a quad (N-Quads, hence snapshots and journals, cannot
 * carry an empty graph).
 */
export class UserGraphs {
  private readonly store: oxigraph.Store;
  private readonly namedGraphsQuery: string;
  private readonly hasQuadsQuery: string;

  private constructor(store: oxigraph.Store, namedGraphsQuery: string, hasQuadsQuery: string) {
    this.store = store;
    this.namedGraphsQuery = namedGraphsQuery;
    this.hasQuadsQuery = hasQuadsQuery;
  }

  static async of(store: oxigraph.Store): Promise<UserGraphs> {
    const [names, has] = await Promise.all([
      namedQuery('store/named-graphs'),
      namedQuery('store/graph-has-quads'),
    ]);
    return new UserGraphs(store, names, has);
  }

  /** The IRIs of the user's named graphs. */
  names(): string[] {
    const json = this.store.query(this.namedGraphsQuery, {
      results_format: 'application/sparql-results+json',
    });
    const rows = JSON.parse(json as string).results.bindings as { g: { type: string; value: string } }[];
    return rows.filter((r) => r.g.type === 'uri' && !readOnlyGraphs.has(r.g.value)).map((r) => r.g.value);
  }

  /** Whether GRAPH holds a quad; the default graph always exists. */
  exists(graph: GraphName): boolean {
    if (graph.kind === 'default') return true;
    return this.store.query(this.hasQuadsQuery, { default_graph: graphTerm(graph) }) === true;
  }

  /** Hands EMIT the N-Quads of the user-writable dataset, a graph at a time; the number of quads. */
  dump(emit: (chunk: Buffer) => void): number {
    let quads = 0;
    const put = (text: string) => {
      const bytes = Buffer.from(text);
      quads += countLines(bytes);
      if (bytes.length > 0) emit(bytes);
    };
    put(this.store.dump({ format: 'application/n-quads', from_graph_name: oxigraph.defaultGraph() }));
    for (const iri of this.names()) {
      const triples = this.store.dump({
        format: 'application/n-triples',
        from_graph_name: oxigraph.namedNode(iri),
      });
      // N-Triples escapes line breaks inside literals, so ' .\n' only ever ends a statement.
      put(triples.replaceAll(' .\n', ` <${iri}> .\n`));
    }
    return quads;
  }
}
