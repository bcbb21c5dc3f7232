import type { Quad, Term } from '@rdfjs/types';
import { IndexedGraph } from '../rdf/graph.ts';
import { termKey } from '../rdf/terms.ts';
import { sh } from '../vocab.ts';

/** One constraint a shape declares, as validation reports name it: the shape and the component's local name. */
export interface ShapeConstraint {
  readonly shape: Term;
  readonly component: string;
}

/** SHACL Core parameters and the constraint component each one selects (SHACL §4). */
export const componentOfParameter: Readonly<Record<string, string>> = {
  class: 'ClassConstraintComponent',
  datatype: 'DatatypeConstraintComponent',
  nodeKind: 'NodeKindConstraintComponent',
  minCount: 'MinCountConstraintComponent',
  maxCount: 'MaxCountConstraintComponent',
  minExclusive: 'MinExclusiveConstraintComponent',
  minInclusive: 'MinInclusiveConstraintComponent',
  maxExclusive: 'MaxExclusiveConstraintComponent',
  maxInclusive: 'MaxInclusiveConstraintComponent',
  minLength: 'MinLengthConstraintComponent',
  maxLength: 'MaxLengthConstraintComponent',
  pattern: 'PatternConstraintComponent',
  languageIn: 'LanguageInConstraintComponent',
  uniqueLang: 'UniqueLangConstraintComponent',
  equals: 'EqualsConstraintComponent',
  disjoint: 'DisjointConstraintComponent',
  lessThan: 'LessThanConstraintComponent',
  lessThanOrEquals: 'LessThanOrEqualsConstraintComponent',
  not: 'NotConstraintComponent',
  and: 'AndConstraintComponent',
  or: 'OrConstraintComponent',
  xone: 'XoneConstraintComponent',
  node: 'NodeConstraintComponent',
  qualifiedMinCount: 'QualifiedMinCountConstraintComponent',
  qualifiedMaxCount: 'QualifiedMaxCountConstraintComponent',
  closed: 'ClosedConstraintComponent',
  hasValue: 'HasValueConstraintComponent',
  in: 'InConstraintComponent',
};

const targets = ['targetClass', 'targetNode', 'targetSubjectsOf', 'targetObjectsOf'];

/**
 * The shapes that can appear as sh:sourceShape of a result: shapes with a target and the property shapes they
 * reach through sh:property. Shapes used only inside sh:or, sh:not, sh:node and the like are conditions:
 * their constraints report through the enclosing shape's component, never under their own name.
 */
export function reportingShapes(shapes: Iterable<Quad>): Term[] {
  const graph = new IndexedGraph(shapes);
  const found = new Map<string, Term>();
  for (const target of targets) {
    for (const shape of graph.subjectsWith(sh(target))) {
      found.set(termKey(shape), shape);
      for (const property of graph.objects(shape, sh('property'))) found.set(termKey(property), property);
    }
  }
  return [...found.values()];
}

/** Every (reporting shape, constraint component) pair of SHAPES: what a complete test corpus must exercise. */
export function shapeConstraints(shapes: Iterable<Quad>): ShapeConstraint[] {
  const quads = [...shapes];
  const graph = new IndexedGraph(quads);
  return reportingShapes(quads).flatMap((shape) =>
    [...graph.predicatesOf(shape)]
      .filter((p) => p.startsWith(sh()))
      .map((p) => componentOfParameter[p.slice(sh().length)])
      .filter((component) => component !== undefined)
      .map((component) => ({ shape, component })),
  );
}
