import type { Quad, Term } from '@rdfjs/types';
import { IndexedGraph } from '../rdf/graph.ts';
import { namedNode, termString } from '../rdf/terms.ts';
import { type Path, readList, readPath } from '../validation/path.ts';
import { owl, rdf, rdfs, sh } from '../vocab.ts';
import { declaredTerms, isImagegraphTerm } from './declared.ts';

/** One hygiene problem: the offending term and a sentence saying what is wrong and how to fix it. */
export interface Finding {
  readonly term: string;
  readonly message: string;
}

const byTerm = (a: Finding, b: Finding): number => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

/** Imagegraph-namespace IRIs used anywhere in QUADS (subject, predicate, object, graph) that are not DECLARED. */
export function undeclaredTerms(quads: Iterable<Quad>, declared: ReadonlySet<string>): Finding[] {
  const found = new Set<string>();
  for (const q of quads) {
    for (const t of [q.subject, q.predicate, q.object, q.graph]) {
      if (t.termType === 'NamedNode' && isImagegraphTerm(t.value) && !declared.has(t.value))
        found.add(t.value);
    }
  }
  return [...found]
    .map((term) => ({
      term,
      message: `<${term}> is used but the ontology does not declare it: correct the spelling, or declare it in ontology/ with its owl type, rdfs:label and rdfs:comment.`,
    }))
    .sort(byTerm);
}

/** Declared classes, properties and individuals of ONTOLOGY that lack an rdfs:label or an rdfs:comment. */
export function undocumentedTerms(ontology: Iterable<Quad>): Finding[] {
  const quads = [...ontology];
  const graph = new IndexedGraph(quads);
  const findings: Finding[] = [];
  for (const term of declaredTerms(quads)) {
    const lacks = ['label', 'comment'].filter((p) => graph.objects(namedNode(term), rdfs(p)).length === 0);
    if (lacks.length === 0) continue;
    const what = lacks.map((p) => `rdfs:${p}`).join(' and ');
    findings.push({
      term,
      message: `<${term}> has no ${what}: say in English what it is, for the people who read the catalogue.`,
    });
  }
  return findings.sort(byTerm);
}

/** owl:Ontology resources of ONTOLOGY without an owl:versionIRI. */
export function ontologiesWithoutVersionIri(ontology: Iterable<Quad>): Finding[] {
  const graph = new IndexedGraph(ontology);
  return graph
    .subjects(rdf('type'), namedNode(owl('Ontology')))
    .filter((o) => graph.objects(o, owl('versionIRI')).length === 0)
    .map((o) => ({
      term: o.value,
      message: `The ontology ${termString(o)} has no owl:versionIRI: add one, such as <${o.value}/0.1.0>, so that data can say which version it follows.`,
    }))
    .sort(byTerm);
}

type Reader = (graph: IndexedGraph, value: Term) => Term[];

const objectsOf = (graph: IndexedGraph) => (s: Term, p: string) => graph.objects(s, p);
const pathPredicates = (path: Path): Term[] => {
  if (path.kind === 'predicate') return [namedNode(path.iri)];
  if (path.kind === 'sequence') return path.steps.flatMap(pathPredicates);
  if (path.kind === 'alternative') return path.options.flatMap(pathPredicates);
  return pathPredicates(path.path);
};
const one: Reader = (_, value) => [value];
const list: Reader = (graph, value) => readList(objectsOf(graph), value);
const path: Reader = (graph, value) => pathPredicates(readPath(objectsOf(graph), value));

/** The shapes-graph parameters that name ontology terms, and how to read the terms out of their values. */
const namingParameters: Record<string, Reader> = {
  targetClass: one,
  targetSubjectsOf: one,
  targetObjectsOf: one,
  path,
  class: one,
  in: list,
  hasValue: one,
  equals: one,
  disjoint: one,
  lessThan: one,
  lessThanOrEquals: one,
};

/**
 * IRIs that SHAPES names as classes, path predicates, compared properties, sh:in members or sh:hasValue
 * values but that ONTOLOGY does not declare (literals, e.g. sh:in ( 32 64 ), are not terms).
 */
export function undeclaredShapeTerms(shapes: Iterable<Quad>, ontology: Iterable<Quad>): Finding[] {
  const declared = declaredTerms(ontology);
  const graph = new IndexedGraph(shapes);
  const found = new Map<string, Set<string>>();
  for (const [parameter, read] of Object.entries(namingParameters)) {
    for (const shape of graph.subjectsWith(sh(parameter))) {
      for (const value of graph.objects(shape, sh(parameter))) {
        for (const t of read(graph, value)) {
          if (t.termType !== 'NamedNode' || declared.has(t.value)) continue;
          const uses = found.get(t.value) ?? new Set<string>();
          found.set(t.value, uses.add(`sh:${parameter} of ${termString(shape)}`));
        }
      }
    }
  }
  return [...found]
    .map(([term, uses]) => ({
      term,
      message: `<${term}> is named by ${[...uses].sort().join(', ')} but the ontology does not declare it: correct the shape or declare the term in ontology/.`,
    }))
    .sort(byTerm);
}

/** Every hygiene finding for an ontology, its shapes and any data (e.g. a catalogue or test fixtures). */
export function checkHygiene(parts: {
  ontology: readonly Quad[];
  shapes: readonly Quad[];
  data?: readonly Quad[];
}): Finding[] {
  const declared = declaredTerms(parts.ontology);
  return [
    ...ontologiesWithoutVersionIri(parts.ontology),
    ...undocumentedTerms(parts.ontology),
    ...undeclaredTerms([...parts.ontology, ...parts.shapes, ...(parts.data ?? [])], declared),
    ...undeclaredShapeTerms(parts.shapes, parts.ontology),
  ];
}
