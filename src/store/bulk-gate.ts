import type { Quad } from '@rdfjs/types';
import { IndexedGraph } from '../rdf/graph.ts';
import { affectedNodes } from '../validation/affected.ts';
import { type ShapesProgram, type ValidateOptions, validateGraph } from '../validation/engine.ts';
import type { ValidationResult } from '../validation/report.ts';
import { resultKey, violations } from './write-gate.ts';

/**
 * The SHACL violations that adding ADDED to EXISTING introduces, judged in memory the way the write gate
 * (write-gate.ts) judges a write against the store: the data is validated after the load and, only when that
 * finds violations, before it; a violation found after but not before is the load's doing. BACKGROUND (the
 * ontology) is read with the data in both. Graph names do not matter: validation reads the union of graphs.
 *
 * Into an empty store, or when the load is large next to what is there, every target is validated; otherwise
 * only the focus nodes the added quads can affect (validation/affected.ts). Both give the same answer.
 */
export function introducedInMemory(
  program: ShapesProgram,
  background: readonly Quad[],
  existing: readonly Quad[],
  added: readonly Quad[],
): ValidationResult[] {
  const after = new IndexedGraph(background).addAll(existing).addAll(added);
  const everything = added.length * 4 >= existing.length;
  const focus = everything ? 'all' : affectedNodes(program, after, added);
  const options: ValidateOptions = focus === 'all' ? {} : { focus };
  const found = violations(validateGraph(program, after, options).results);
  if (found.length === 0) return [];
  const before = new IndexedGraph(background).addAll(existing);
  const old = new Set(violations(validateGraph(program, before, options).results).map(resultKey));
  return found.filter((r) => !old.has(resultKey(r)));
}
