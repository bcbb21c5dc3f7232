import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, termToId } from 'n3';

/** imagegraph's in-process RDF/JS factory (plain JavaScript terms, cheap to create and compare). */
export const factory = DataFactory;
export const { namedNode, literal, blankNode, quad, defaultGraph, variable } = DataFactory;

/** Oxigraph's WASM-backed terms as plain RDF/JS terms. */
export function fromForeignTerm(term: Term): Term {
  return factory.fromTerm(term as Parameters<typeof factory.fromTerm>[0]) as Term;
}

export function fromForeignQuad(q: Quad): Quad {
  return factory.fromQuad(q as Parameters<typeof factory.fromQuad>[0]) as Quad;
}

/**
 * A stable string key for a term, for maps and sets: N3.js's term id (precomputed on N3 terms, so free on the
 * hot path), computed the same way for terms from other libraries.
 */
export const termKey = (term: Term): string => termToId(term as Parameters<typeof termToId>[0]);

/** A term written out as in N-Triples (literal values JSON-escaped), for messages and comparisons in tests. */
export function termString(term: Term): string {
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType !== 'Literal') return termKey(term);
  const suffix = term.language ? `@${term.language}` : `^^<${term.datatype.value}>`;
  return `${JSON.stringify(term.value)}${suffix}`;
}

/** A default-graph quad from any terms, the predicate given by IRI. */
export const triple = (subject: Term, predicate: string, object: Term): Quad =>
  factory.quad(subject as Quad['subject'], factory.namedNode(predicate), object as Quad['object']) as Quad;
