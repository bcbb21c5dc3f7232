import type * as oxigraph from 'oxigraph';
import type { GraphView } from '../rdf/graph.ts';
import type { Change } from '../sparql/change.ts';
import { applyChange, revert } from '../sparql/plan-update.ts';
import { affectedNodes } from '../validation/affected.ts';
import { type ShapesProgram, type ValidateOptions, validateGraph } from '../validation/engine.ts';
import type { ValidationResult } from '../validation/report.ts';
import { indexedCopy } from './graph-copy.ts';
import { StoreGraphView } from './graph-view.ts';
import { resultKey, violations } from './violations.ts';

/** Changes larger than this are validated on an in-memory copy of the store (graph-copy.ts). */
const BULK_CHANGE = 2000;

/**
 * The SHACL violations CHANGE, already applied to STORE, introduces: the focus nodes it can affect
 * (validation/affected.ts) are validated after the change and, only when that finds violations, before it
 * (the change is reverted for the look and applied again). A violation found after but not before is new; one
 * that was there before is not the write's doing, so a write that leaves or fixes old violations passes.
 * STORE is left as it was found. The graphs in EXCLUDED (the shapes) are not data. A small change is
 * validated on the store itself (StoreGraphView), one of more than BULKCHANGE quads on a copy (graph-copy.ts).
 */
export function introducedViolations(
  store: oxigraph.Store,
  program: ShapesProgram,
  change: Change,
  excluded: ReadonlySet<string>,
  bulkChange = BULK_CHANGE,
): ValidationResult[] {
  const bulk = change.removed.length + change.added.length > bulkChange;
  const viewOf = (): GraphView => (bulk ? indexedCopy(store, excluded) : new StoreGraphView(store, excluded));
  const view = viewOf();
  const focus = affectedNodes(program, view, [...change.removed, ...change.added]);
  const options: ValidateOptions = focus === 'all' ? {} : { focus };
  const after = violations(validateGraph(program, view, options).results);
  if (after.length === 0) return [];
  revert(store, change);
  let before: ValidationResult[];
  try {
    before = violations(validateGraph(program, viewOf(), options).results);
  } finally {
    applyChange(store, change);
  }
  const old = new Set(before.map(resultKey));
  return after.filter((r) => !old.has(resultKey(r)));
}
