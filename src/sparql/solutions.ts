import type { Term } from '@rdfjs/types';
import type { Store } from 'oxigraph';
import { type Pattern, type SelectQuery, Wildcard } from 'sparqljs';
import { InputError } from '../errors.ts';
import { fromForeignTerm } from '../rdf/terms.ts';
import type { WhereDataset } from './dataset.ts';
import { generateSparql } from './generate.ts';

/** One solution of a WHERE clause: variable name (without '?') → plain RDF/JS term; unbound names are absent. */
export type Solution = ReadonlyMap<string, Term>;

/** The one solution of an empty pattern, binding nothing: what INSERT DATA and DELETE DATA instantiate. */
export const emptySolution: Solution = new Map();

/** WHERE as the text of 'SELECT * WHERE { … }', generated from the parsed patterns (sparqljs escapes every term). */
export function selectText(where: Pattern[]): string {
  const query: SelectQuery = {
    type: 'query',
    queryType: 'SELECT',
    variables: [new Wildcard()],
    where,
    prefixes: {},
  };
  return generateSparql(query);
}

/**
 * Evaluates WHERE against the store with Oxigraph, over DATASET; every solution, in Oxigraph's order. An error
 * of the engine (a bad regular expression, …) is an InputError naming WHEREABOUTS.
 */
export function solutions(
  store: Store,
  where: Pattern[],
  dataset: WhereDataset,
  whereabouts?: string,
): Solution[] {
  let rows: Map<string, Term>[];
  try {
    rows = store.query(selectText(where), dataset as Parameters<Store['query']>[1]) as Map<string, Term>[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`the WHERE clause could not be evaluated: ${message}`, {
      where: whereabouts,
      fix: "Correct the WHERE clause; the message above is the query engine's.",
      cause: error,
    });
  }
  return rows.map((row) => new Map([...row].map(([name, term]) => [name, fromForeignTerm(term)])));
}
