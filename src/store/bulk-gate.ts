import type { IndexedGraph } from '../rdf/graph.ts';
import { affectedNodes } from '../validation/affected.ts';
import { type ShapesProgram, type ValidateOptions, validateGraph } from '../validation/engine.ts';
import type { ValidationResult } from '../validation/report.ts';
import { resultKey, violations } from './violations.ts';

/** Where the parts of a bulk load's graph start, as marks of it (IndexedGraph.mark). */
export interface LoadMarks {
  /** After the background (the ontology): the data the store held starts here. */
  readonly existing: number;
  /** After the data the store held: the loaded data starts here. */
  readonly added: number;
}

/**
 * The SHACL violations that a bulk load introduces, judged in memory the way the write gate (write-gate.ts)
 * judges a write against the store. GRAPH holds, in this order, the background (the ontology, read with the
 * data), the data the store held and the loaded data, where MARKS says. The data is validated after the load
 * and, only when that finds violations, before it (GRAPH up to the loaded data); a violation found after but
 * not before is the load's doing. Graph names do not matter: validation reads the union of graphs.
 *
 * Into an empty store, or when the load is large next to what is there, every target is validated; otherwise
 * only the focus nodes the added statements can affect (validation/affected.ts). Both give the same answer.
 */
export function introducedInMemory(
  program: ShapesProgram,
  graph: IndexedGraph,
  marks: LoadMarks,
): ValidationResult[] {
  const everything = (graph.mark() - marks.added) * 4 >= marks.added - marks.existing;
  const focus = everything ? 'all' : affectedNodes(program, graph, graph.quadsFrom(marks.added));
  const options: ValidateOptions = focus === 'all' ? {} : { focus };
  const found = violations(validateGraph(program, graph, options).results);
  if (found.length === 0) return [];
  const before = graph.upTo(marks.added);
  const old = new Set(violations(validateGraph(program, before, options).results).map(resultKey));
  return found.filter((r) => !old.has(resultKey(r)));
}
