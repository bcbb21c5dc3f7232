import type { BlankNode, Quad, Quad_Graph, Term } from '@rdfjs/types';
import type * as oxigraph from 'oxigraph';
import { defaultGraph, namedNode, quad } from '../rdf/terms.ts';
import type { Change } from '../sparql/change.ts';
import { type ChangeWriter, changeWriter } from '../sparql/change-writer.ts';
import { freshBlankNode, quadsIn } from '../sparql/ox.ts';
import { revert } from '../sparql/plan-update.ts';
import type { GraphName, GraphWrite } from './store.ts';

export const graphNode = (graph: GraphName): Quad_Graph =>
  graph.kind === 'default' ? defaultGraph() : namedNode(graph.iri);

/**
 * QUADS with fresh blank nodes (a request's _:b1 is a new node, never one the store already holds; the same
 * label twice in QUADS is the same node), each in the graph GRAPHOF chooses.
 */
function placed(quads: readonly Quad[], graphOf: (q: Quad) => Quad_Graph): Quad[] {
  const fresh = new Map<string, BlankNode>();
  const rename = <T extends Term>(t: T): T => {
    if (t.termType !== 'BlankNode') return t;
    const node = fresh.get(t.value) ?? freshBlankNode();
    fresh.set(t.value, node);
    return node as unknown as T;
  };
  return quads.map((q) => quad(rename(q.subject), q.predicate, rename(q.object), graphOf(q)) as Quad);
}

type Step = (writer: ChangeWriter, store: oxigraph.Store, graph: Quad_Graph, quads: readonly Quad[]) => void;

/** What each Graph Store Protocol write does to its graph. */
const steps: Record<GraphWrite['kind'], Step> = {
  replace: (writer, store, graph, quads) => {
    writer.delete(quadsIn(store, graph));
    writer.add(placed(quads, () => graph));
  },
  add: (writer, _store, graph, quads) => writer.add(placed(quads, () => graph)),
  drop: (writer, store, graph) => writer.delete(quadsIn(store, graph)),
};

/** Runs STEP on STORE as one net change; on an error what it wrote is reverted. READONLY graphs are refused. */
function run(
  store: oxigraph.Store,
  readOnly: ReadonlySet<string>,
  graph: Term,
  step: (w: ChangeWriter) => void,
) {
  const writer = changeWriter(store, readOnly);
  writer.guard(graph);
  try {
    step(writer);
  } catch (error) {
    revert(store, writer.change());
    throw error;
  }
  return writer.change();
}

/** Applies a Graph Store Protocol write to STORE; the net Change. */
export function applyGraphWrite(
  store: oxigraph.Store,
  write: GraphWrite,
  readOnly: ReadonlySet<string>,
): Change {
  const graph = graphNode(write.graph);
  const quads = write.kind === 'drop' ? [] : write.quads;
  return run(store, readOnly, graph, (writer) => steps[write.kind](writer, store, graph, quads));
}

/** Adds QUADS to STORE: those in the default graph go into GRAPH, those in a named graph stay in it. */
export function applyLoad(
  store: oxigraph.Store,
  quads: readonly Quad[],
  graph: GraphName,
  readOnly: ReadonlySet<string>,
): Change {
  const target = graphNode(graph);
  const graphOf = (q: Quad) => (q.graph.termType === 'DefaultGraph' ? target : q.graph);
  return run(store, readOnly, target, (writer) => writer.add(placed(quads, graphOf)));
}
