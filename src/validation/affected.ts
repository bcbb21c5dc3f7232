import type { Quad, Term } from '@rdfjs/types';
import type { GraphView } from '../rdf/graph.ts';
import { termKey } from '../rdf/terms.ts';
import { rdf, rdfs } from '../vocab.ts';
import type { ShapesProgram } from './engine.ts';

/** How far back from a changed triple a shape's path may start (path length of the longest shape path). */
const REACH = 4;

/** Walking back over rdf:type would reach every instance of a class; type changes matter to the subject only. */
const notWalked = new Set([rdf('type'), rdfs('subClassOf')]);

/**
 * The focus nodes whose validation a change can alter: the subjects of the changed quads, and the nodes that
 * reach them backwards through predicates the shapes read (e.g. a node image, when its node's hypervisor
 * changes); the objects too, and what reaches them, when a shape reads the changed predicate from object to
 * subject (sh:inversePath, sh:targetObjectsOf) — otherwise a new `image owner customer` would re-validate
 * every image of that customer; 'all' when the class hierarchy changed. Validate these with
 * `validateGraph(program, data, { focus })` after the change.
 */
export function affectedNodes(
  program: ShapesProgram,
  data: GraphView,
  changes: Iterable<Quad>,
): Term[] | 'all' {
  const walked = [...program.predicates].filter((p) => !notWalked.has(p));
  const found = new Map<string, Term>();
  let frontier: Term[] = [];
  const visit = (t: Term) => {
    if (t.termType === 'Literal' || found.has(termKey(t))) return;
    found.set(termKey(t), t);
    frontier.push(t);
  };
  for (const q of changes) {
    if (q.predicate.value === rdfs('subClassOf')) return 'all';
    visit(q.subject);
    if (!notWalked.has(q.predicate.value) && program.backward.has(q.predicate.value)) visit(q.object);
  }
  for (let depth = 0; depth < REACH && frontier.length > 0; depth++) {
    const current = frontier;
    frontier = [];
    for (const node of current) {
      for (const p of walked) for (const s of data.subjects(p, node)) visit(s);
    }
  }
  return [...found.values()];
}
