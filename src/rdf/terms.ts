import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';

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

/** A stable string key for a term (N-Triples-like), for maps and sets. */
export function termKey(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}>`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal':
      return term.language
        ? `${JSON.stringify(term.value)}@${term.language}`
        : `${JSON.stringify(term.value)}^^<${term.datatype.value}>`;
    case 'DefaultGraph':
      return '';
    default:
      return `?${term.value}`;
  }
}

/** A default-graph quad from any terms, the predicate given by IRI. */
export const triple = (subject: Term, predicate: string, object: Term): Quad =>
  factory.quad(subject as Quad['subject'], factory.namedNode(predicate), object as Quad['object']) as Quad;
