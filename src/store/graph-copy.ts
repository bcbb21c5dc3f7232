import type * as oxigraph from 'oxigraph';
import { IndexedGraph } from '../rdf/graph.ts';
import { forEachQuad } from './nquads.ts';

/**
 * The union of STORE's graphs but EXCLUDED ones, copied into an in-memory IndexedGraph: the view to validate
 * a large change on. Copying costs a pass over the store, but then every lookup is a map access, where a
 * StoreGraphView pays a call into Oxigraph per lookup; past a few thousand changed quads the copy wins.
 */
export function indexedCopy(store: oxigraph.Store, excluded: ReadonlySet<string>): IndexedGraph {
  const graph = new IndexedGraph();
  forEachQuad(Buffer.from(store.dump({ format: 'application/n-quads' })), (q) => {
    if (!excluded.has(q.graph.value)) graph.add(q.subject, q.predicate.value, q.object);
  });
  return graph;
}
