import type { NamedNode } from '@rdfjs/types';
import type { Update } from 'sparqljs';
import { InputError } from '../errors.ts';
import { namedNode } from '../rdf/terms.ts';

/** The SPARQL Protocol's using-graph-uri and using-named-graph-uri parameters. */
export interface ProtocolDataset {
  readonly usingGraphs?: readonly string[];
  readonly usingNamedGraphs?: readonly string[];
}

/** The dataset a WHERE clause is evaluated against, as Oxigraph's query options; {} is the whole store. */
export interface WhereDataset {
  readonly default_graph?: NamedNode[];
  readonly named_graphs?: NamedNode[];
}

/** The parts of a DELETE/INSERT … WHERE operation that choose its dataset. */
export interface DatasetClauses {
  readonly graph?: NamedNode;
  readonly using?: { readonly default: readonly NamedNode[]; readonly named: readonly NamedNode[] };
}

const given = (protocol: ProtocolDataset): boolean =>
  (protocol.usingGraphs?.length ?? 0) + (protocol.usingNamedGraphs?.length ?? 0) > 0;

/**
 * The dataset of one operation's WHERE clause (SPARQL 1.1 Update §3.1.3): the protocol's using-graph-uri /
 * using-named-graph-uri when given; else USING / USING NAMED (either alone leaves the other part empty); else
 * WITH's graph as the default graph, with every named graph; else the store's default graph and named graphs.
 */
export function whereDataset(clauses: DatasetClauses, protocol: ProtocolDataset): WhereDataset {
  const iris = (list: readonly string[] | undefined) => (list ?? []).map((iri) => namedNode(iri));
  if (given(protocol)) {
    return { default_graph: iris(protocol.usingGraphs), named_graphs: iris(protocol.usingNamedGraphs) };
  }
  if (clauses.using)
    return { default_graph: [...clauses.using.default], named_graphs: [...clauses.using.named] };
  if (clauses.graph) return { default_graph: [clauses.graph] };
  return {};
}

/**
 * The SPARQL Protocol (§2.2.3) forbids using-graph-uri / using-named-graph-uri with an update that names its
 * own dataset with USING, USING NAMED or WITH: refused before anything runs.
 */
export function checkProtocolDataset(ast: Update, protocol: ProtocolDataset): void {
  if (!given(protocol)) return;
  const clash = ast.updates.findIndex(
    (operation) =>
      'updateType' in operation &&
      operation.updateType === 'insertdelete' &&
      (operation.using || operation.graph),
  );
  if (clash < 0) return;
  throw new InputError(
    `the update names its dataset with USING, USING NAMED or WITH (operation ${clash + 1}) and the request also gives using-graph-uri or using-named-graph-uri`,
    { fix: 'Give the dataset one way only: drop the request parameters, or the USING/WITH clauses.' },
  );
}
