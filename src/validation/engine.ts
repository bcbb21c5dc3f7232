import type { Quad, Term } from '@rdfjs/types';
import { type GraphView, IndexedGraph } from '../rdf/graph.ts';
import { namedNode, termKey } from '../rdf/terms.ts';
import { rdf, rdfs, sh } from '../vocab.ts';
import { RunContext } from './context.ts';
import type { ValidationReport, ValidationResult } from './report.ts';
import { type CompiledShape, ShapeCompiler } from './shape.ts';
import { Targets, targetParameters } from './targets.ts';

interface TargetedShape {
  readonly shape: CompiledShape;
  readonly targets: Targets;
}

/** Shapes compiled once, to validate many data graphs or many changes. */
export interface ShapesProgram {
  readonly shapes: readonly TargetedShape[];
  /** Every predicate a shape's path, target or class check reads: what a change must touch to matter. */
  readonly predicates: ReadonlySet<string>;
  /**
   * The predicates read from object to subject (under sh:inversePath, or by sh:targetObjectsOf): only a change
   * to one of these can matter to the object's side of a triple.
   */
  readonly backward: ReadonlySet<string>;
}

/** Compiles the SHACL shapes in QUADS (SHACL Core; see components/ for what is covered). */
export function compileShapes(quads: Iterable<Quad>): ShapesProgram {
  const graph = new IndexedGraph(quads);
  const compiler = new ShapeCompiler(graph);
  const roots = new Map<string, Term>();
  for (const p of targetParameters) for (const s of graph.subjectsWith(p)) roots.set(termKey(s), s);
  for (const kind of [sh('NodeShape'), sh('PropertyShape')]) {
    for (const s of graph.subjects(rdf('type'), namedNode(kind))) {
      if (new Targets(graph, s).any) roots.set(termKey(s), s);
    }
  }
  const shapes = [...roots.values()].map((term) => ({
    shape: compiler.shape(term),
    targets: new Targets(graph, term),
  }));
  compiler.finish();
  const predicates = new Set<string>([rdf('type'), rdfs('subClassOf')]);
  for (const path of graph.objectsWith(sh('path'))) collectPredicates(graph, path, predicates);
  for (const p of [
    sh('targetSubjectsOf'),
    sh('targetObjectsOf'),
    sh('equals'),
    sh('disjoint'),
    sh('lessThan'),
  ]) {
    for (const o of graph.objectsWith(p)) predicates.add(o.value);
  }
  const backward = new Set<string>(graph.objectsWith(sh('targetObjectsOf')).map((o) => o.value));
  for (const path of graph.objectsWith(sh('inversePath'))) collectPredicates(graph, path, backward);
  return { shapes, predicates, backward };
}

/** The IRIs in the path expression at NODE into INTO; SEEN stops at a cycle (an ill-formed path). */
function collectPredicates(
  graph: IndexedGraph,
  node: Term,
  into: Set<string>,
  seen = new Set<string>(),
): void {
  if (node.termType === 'NamedNode') {
    into.add(node.value);
    return;
  }
  if (seen.has(termKey(node))) return;
  seen.add(termKey(node));
  for (const p of graph.predicatesOf(node))
    for (const o of graph.objects(node, p)) collectPredicates(graph, o, into, seen);
}

export interface ValidateOptions {
  /** Validate only these focus nodes (those of them that some shape targets). */
  readonly focus?: Iterable<Term>;
}

/** Validates DATA against PROGRAM: every target, or only the given focus nodes. */
export function validateGraph(
  program: ShapesProgram,
  data: GraphView,
  options: ValidateOptions = {},
): ValidationReport {
  const run = new RunContext(data);
  const results: ValidationResult[] = [];
  const focus = options.focus ? [...options.focus] : undefined;
  let checked = 0;
  for (const { shape, targets } of program.shapes) {
    const nodes = focus ? focus.filter((n) => targets.includes(n, run)) : targets.focusNodes(run);
    for (const node of nodes) shape.validate(node, run, results);
    checked += nodes.length;
  }
  return { conforms: results.length === 0, results, checked };
}

/** Validates the quads DATA as one graph. */
export function validateQuads(program: ShapesProgram, data: Iterable<Quad>): ValidationReport {
  return validateGraph(program, new IndexedGraph(data));
}
