import type { BlankNode, Quad, Term } from '@rdfjs/types';
import type { Quads } from 'sparqljs';
import { defaultGraph, fromForeignTerm, quad } from '../rdf/terms.ts';
import { freshBlankNode } from './ox.ts';
import type { Solution } from './solutions.ts';

/** The term types each position of a quad accepts (RDF 1.1; SPARQL 1.1 Update §3.1.3 drops the others). */
const allowed: Record<'subject' | 'predicate' | 'object' | 'graph', ReadonlySet<string>> = {
  subject: new Set(['NamedNode', 'BlankNode']),
  predicate: new Set(['NamedNode']),
  object: new Set(['NamedNode', 'BlankNode', 'Literal']),
  graph: new Set(['NamedNode', 'DefaultGraph']),
};

export interface TemplateOptions {
  /** Where triples outside GRAPH go: WITH's graph, or the default graph. */
  readonly target?: Term;
  /** INSERT templates and INSERT DATA: every blank node label is a new blank node for each solution. */
  readonly freshBlankNodes: boolean;
}

/**
 * The concrete quads of TEMPLATES for each solution. A triple with an unbound variable, or whose terms end up
 * in a place RDF does not allow (a literal subject, a blank node graph name, …), is left out, as SPARQL 1.1
 * Update says; the rest of the solution's template still counts.
 */
export function instantiate(
  templates: readonly Quads[],
  solutions: readonly Solution[],
  options: TemplateOptions,
): Quad[] {
  const target = options.target ?? defaultGraph();
  const quads: Quad[] = [];
  for (const solution of solutions) {
    const blanks = new Map<string, BlankNode>();
    const term = (t: unknown): Term | undefined => {
      if (!isTerm(t)) return undefined;
      if (t.termType === 'Variable') return solution.get(t.value);
      if (t.termType === 'BlankNode' && options.freshBlankNodes) return fresh(blanks, t.value);
      return fromForeignTerm(t);
    };
    for (const group of templates) {
      const graph = group.type === 'graph' ? term(group.name) : target;
      for (const triple of group.triples) {
        const parts = {
          subject: term(triple.subject),
          predicate: term(triple.predicate),
          object: term(triple.object),
          graph,
        };
        const q = fits(parts);
        if (q) quads.push(q);
      }
    }
  }
  return quads;
}

const isTerm = (t: unknown): t is Term => typeof (t as Term | undefined)?.termType === 'string';

function fresh(blanks: Map<string, BlankNode>, label: string): BlankNode {
  let node = blanks.get(label);
  if (!node) {
    node = freshBlankNode();
    blanks.set(label, node);
  }
  return node;
}

function fits(parts: Record<keyof typeof allowed, Term | undefined>): Quad | undefined {
  for (const [position, types] of Object.entries(allowed)) {
    const t = parts[position as keyof typeof allowed];
    if (!t || !types.has(t.termType)) return undefined;
  }
  return quad(
    parts.subject as Quad['subject'],
    parts.predicate as Quad['predicate'],
    parts.object as Quad['object'],
    parts.graph as Quad['graph'],
  ) as Quad;
}
