import type { Quad } from '@rdfjs/types';

/** A graph of the dataset: the default graph (the catalogue) or a named graph. */
export type GraphName = { readonly kind: 'default' } | { readonly kind: 'named'; readonly iri: string };

export const defaultGraphName: GraphName = { kind: 'default' };
export const namedGraph = (iri: string): GraphName => ({ kind: 'named', iri });

/** The query forms; the HTTP layer negotiates the result format from it. */
export type QueryForm = 'select' | 'ask' | 'construct' | 'describe';

export interface QueryOptions {
  /** SPARQL Protocol default-graph-uri: the default graph is the merge of these graphs. */
  readonly defaultGraphs?: readonly string[];
  /** SPARQL Protocol named-graph-uri: the named graphs the query sees. */
  readonly namedGraphs?: readonly string[];
  /**
   * Without a dataset of its own (above, or FROM), a query's default graph is the union of all graphs
   * (true, the default) or the store's own default graph alone (false: what the REST API reads and writes).
   */
  readonly unionDefaultGraph?: boolean;
  /** Media type of the results, as negotiated for the query's form (Oxigraph results_format). */
  readonly format: string;
  /** The base IRI relative IRIs in the query resolve against (the endpoint's URL). */
  readonly baseIri?: string;
  /** The query is abandoned after this many milliseconds (TimeoutError). */
  readonly timeoutMs: number;
  /** Results larger than this many bytes are refused (LimitError). */
  readonly maxResultBytes: number;
}

export interface QueryResult {
  readonly mediaType: string;
  readonly body: string;
}

export interface UpdateOptions {
  /** SPARQL Protocol using-graph-uri / using-named-graph-uri. */
  readonly usingGraphs?: readonly string[];
  readonly usingNamedGraphs?: readonly string[];
  /** The base IRI relative IRIs in the update resolve against (the endpoint's URL). */
  readonly baseIri?: string;
  readonly timeoutMs: number;
}

/** A Graph Store Protocol write, as one atomic change. */
export type GraphWrite =
  | { readonly kind: 'replace'; readonly graph: GraphName; readonly quads: readonly Quad[] }
  | { readonly kind: 'add'; readonly graph: GraphName; readonly quads: readonly Quad[] }
  | { readonly kind: 'drop'; readonly graph: GraphName };

/** What an acknowledged write changed. It is durable on disk when the promise resolves. */
export interface WriteResult {
  readonly inserted: number;
  readonly deleted: number;
  /** The journal sequence number of the write (0 when it changed nothing). */
  readonly sequence: number;
  /** Whether the graph written to existed before (Graph Store Protocol: 201 vs 204). */
  readonly graphExisted?: boolean;
}

export interface StoreStats {
  readonly quads: number;
  readonly journalBytes: number;
  readonly sequence: number;
  readonly snapshotSequence: number;
}

/**
 * The one store interface. The embedded Oxigraph store (durable, in worker threads) is the default; a remote
 * SPARQL 1.1 store is the planned second implementation. Errors: InputError (400: syntax, bad graph name),
 * ForbiddenGraphError (403: the ontology and shapes graphs are read-only), WriteRejectedError (422: SHACL
 * violations, with the report), TimeoutError and OverloadedError (503), LimitError (413 / 507 result size).
 */
export interface Store {
  query(text: string, options: QueryOptions): Promise<QueryResult>;
  update(text: string, options: UpdateOptions): Promise<WriteResult>;
  write(change: GraphWrite): Promise<WriteResult>;
  /** The graph serialized in FORMAT (a media type), or undefined when it does not exist. */
  readGraph(graph: GraphName, format: string): Promise<string | undefined>;
  /** Loads QUADS into GRAPH as one acknowledged, validated write (the CLI's `load`). */
  load(quads: readonly Quad[], graph: GraphName): Promise<WriteResult>;
  stats(): Promise<StoreStats>;
  /** Writes a consistent backup of the acknowledged state into DIR (which must be empty or absent). */
  backup(dir: string): Promise<void>;
  close(): Promise<void>;
}
