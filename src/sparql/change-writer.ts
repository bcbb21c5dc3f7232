import type { Quad, Term } from '@rdfjs/types';
import type { Store } from 'oxigraph';
import { termKey } from '../rdf/terms.ts';
import { ForbiddenGraphError } from '../store/errors.ts';
import type { Change } from './change.ts';
import { ox } from './ox.ts';

/**
 * Writes quads into an Oxigraph store and keeps the net Change of everything written so far: a quad removed
 * and then added back (or added and then removed) is no change at all. Every quad is checked against the
 * protected graphs before the store is touched, whether or not it would change anything.
 */
export interface ChangeWriter {
  delete(quads: Iterable<Quad>): void;
  add(quads: Iterable<Quad>): void;
  /** Throws ForbiddenGraphError when GRAPH is protected (an explicit write to it). */
  guard(graph: Term): void;
  change(): Change;
}

export const quadKey = (q: Quad): string =>
  `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)} ${termKey(q.graph)}`;

export function changeWriter(store: Store, protectedGraphs: ReadonlySet<string>): ChangeWriter {
  const removed = new Map<string, Quad>();
  const added = new Map<string, Quad>();
  const guard = (graph: Term): void => {
    if (graph.termType === 'NamedNode' && protectedGraphs.has(graph.value)) {
      throw new ForbiddenGraphError(graph.value);
    }
  };
  return {
    guard,
    delete(quads) {
      for (const q of quads) {
        guard(q.graph);
        if (!store.has(ox(q))) continue;
        store.delete(ox(q));
        const key = quadKey(q);
        if (!added.delete(key)) removed.set(key, q);
      }
    },
    add(quads) {
      for (const q of quads) {
        guard(q.graph);
        if (store.has(ox(q))) continue;
        store.add(ox(q));
        const key = quadKey(q);
        if (!removed.delete(key)) added.set(key, q);
      }
    },
    change: () => ({ removed: [...removed.values()], added: [...added.values()] }),
  };
}
