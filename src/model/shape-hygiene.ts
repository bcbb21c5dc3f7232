import type { Quad, Term } from '@rdfjs/types';
import { IndexedGraph } from '../rdf/graph.ts';
import { namedNode, termKey, termString } from '../rdf/terms.ts';
import { readList } from '../validation/path.ts';
import { IGS_BASE, rdf, sh } from '../vocab.ts';
import type { Finding } from './hygiene.ts';
import { componentOfParameter, reportingShapes } from './shape-constraints.ts';

/** Where a shapes graph refers to shapes: single-valued parameters and list-valued ones. */
const shapeValued = ['property', 'node', 'not', 'qualifiedValueShape'];
const shapeListValued = ['and', 'or', 'xone'];

/** Every node of SHAPES that is a shape: typed as one, given a path or a target, or referenced as one. */
function shapeNodes(graph: IndexedGraph): Term[] {
  const found = new Map<string, Term>();
  const add = (terms: Iterable<Term>) => {
    for (const t of terms) found.set(termKey(t), t);
  };
  for (const kind of ['NodeShape', 'PropertyShape']) add(graph.subjects(rdf('type'), namedNode(sh(kind))));
  for (const p of ['path', 'targetClass', 'targetNode', 'targetSubjectsOf', 'targetObjectsOf'])
    add(graph.subjectsWith(sh(p)));
  for (const p of shapeValued) add(graph.objectsWith(sh(p)));
  const objectsOf = (s: Term, p: string) => graph.objects(s, p);
  for (const p of shapeListValued)
    for (const head of graph.objectsWith(sh(p))) add(readList(objectsOf, head));
  return [...found.values()];
}

/** Shapes that are blank nodes or IRIs outside the igs: namespace, which reports could not name. */
export function unnamedShapes(shapes: Iterable<Quad>): Finding[] {
  return shapeNodes(new IndexedGraph(shapes))
    .filter(
      (s) =>
        !(s.termType === 'NamedNode' && s.value.startsWith(IGS_BASE) && s.value.length > IGS_BASE.length),
    )
    .map((s) => ({
      term: termString(s),
      message: `The shape ${termString(s)} has no IRI in ${IGS_BASE}: name it, e.g. igs:Class-property, so that reports can say which rule failed.`,
    }));
}

/** Reporting shapes with constraints but no English sh:message, whose results would carry no explanation. */
export function silentShapes(shapes: Iterable<Quad>): Finding[] {
  const quads = [...shapes];
  const graph = new IndexedGraph(quads);
  const hasConstraint = (s: Term) =>
    [...graph.predicatesOf(s)].some(
      (p) => p.startsWith(sh()) && p.slice(sh().length) in componentOfParameter,
    );
  const hasEnglishMessage = (s: Term) =>
    graph.objects(s, sh('message')).some((m) => m.termType === 'Literal' && m.language === 'en');
  return reportingShapes(quads)
    .filter((s) => hasConstraint(s) && !hasEnglishMessage(s))
    .map((s) => ({
      term: termString(s),
      message: `The shape ${termString(s)} has no sh:message in English: add one that says what is wrong and what is expected.`,
    }));
}
