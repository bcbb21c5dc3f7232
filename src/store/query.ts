import type * as oxigraph from 'oxigraph';
import { InputError } from '../errors.ts';
import { namedNode } from '../rdf/terms.ts';
import { parseSparqlQuery } from '../sparql/parse.ts';
import { LimitError } from './errors.ts';
import type { QueryOptions, QueryResult } from './store.ts';

type OxQueryOptions = NonNullable<Parameters<oxigraph.Store['query']>[1]>;
type OxGraph = oxigraph.NamedNode;

/**
 * The dataset a query runs on (SPARQL 1.1 Protocol §2.1.4): the protocol's default-graph-uri and
 * named-graph-uri when given (either alone leaves the other part empty); else the query's FROM / FROM NAMED;
 * else imagegraph's default dataset, whose default graph is the union of all graphs (unless the caller asks
 * for the store's own default graph).
 */
function dataset(options: QueryOptions, hasFrom: boolean): OxQueryOptions {
  const iris = (list: readonly string[] | undefined) =>
    (list ?? []).map((iri) => namedNode(iri) as unknown as OxGraph);
  if ((options.defaultGraphs?.length ?? 0) + (options.namedGraphs?.length ?? 0) > 0) {
    return { default_graph: iris(options.defaultGraphs), named_graphs: iris(options.namedGraphs) };
  }
  return hasFrom || options.unionDefaultGraph === false ? {} : { use_default_graph_as_union: true };
}

/** Answers the SPARQL query TEXT in options.format; a result over options.maxResultBytes is a LimitError. */
export function runQuery(store: oxigraph.Store, text: string, options: QueryOptions): QueryResult {
  const { ast } = parseSparqlQuery(text, {
    where: 'query',
    ...(options.baseIri ? { baseIri: options.baseIri } : {}),
  });
  const hasFrom = (ast.from?.default.length ?? 0) + (ast.from?.named.length ?? 0) > 0;
  let body: string;
  try {
    body = store.query(text, {
      results_format: options.format,
      ...(options.baseIri ? { base_iri: options.baseIri } : {}),
      ...dataset(options, hasFrom),
    }) as string;
  } catch (error) {
    throw new InputError(
      `the query could not be evaluated: ${error instanceof Error ? error.message : error}`,
      {
        where: 'query',
        cause: error,
      },
    );
  }
  const bytes = body.length > options.maxResultBytes / 3 ? Buffer.byteLength(body) : body.length;
  if (bytes > options.maxResultBytes) {
    throw new LimitError(
      `the result is ${bytes} bytes, more than the ${options.maxResultBytes} allowed: add a LIMIT or ask for less`,
      options.maxResultBytes,
    );
  }
  return { mediaType: options.format, body };
}
