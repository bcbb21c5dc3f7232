import type { InsertDeleteOperation, Pattern, Quads } from 'sparqljs';
import { whereDataset } from './dataset.ts';
import type { OperationContext } from './operation.ts';
import { emptySolution, solutions } from './solutions.ts';
import { instantiate } from './template.ts';

type Of<K extends InsertDeleteOperation['updateType']> = Extract<InsertDeleteOperation, { updateType: K }>;

/** INSERT DATA: the quads as written, each blank node label a new blank node (SPARQL 1.1 Update §3.1.1). */
export function insertData(op: Of<'insert'>, ctx: OperationContext): void {
  ctx.writer.add(instantiate(op.insert, [emptySolution], { freshBlankNodes: true }));
}

/** DELETE DATA: the quads as written; those not in the store are no change. */
export function deleteData(op: Of<'delete'>, ctx: OperationContext): void {
  ctx.writer.delete(instantiate(op.delete, [emptySolution], { freshBlankNodes: false }));
}

/** DELETE WHERE: the quad pattern is both the WHERE clause (over the whole store) and the template. */
export function deleteWhere(op: Of<'deletewhere'>, ctx: OperationContext): void {
  const found = solutions(ctx.store, op.delete.map(asPattern), {}, ctx.where);
  ctx.writer.delete(instantiate(op.delete, found, { freshBlankNodes: false }));
}

/**
 * DELETE … INSERT … WHERE (SPARQL 1.1 Update §3.1.3): WHERE is evaluated once, over the dataset WITH, USING or
 * the protocol chose; then every solution's DELETE quads go and then every solution's INSERT quads come. Triples
 * outside GRAPH in the templates go to WITH's graph, or to the default graph.
 */
export function modify(op: Of<'insertdelete'>, ctx: OperationContext): void {
  const found = solutions(ctx.store, op.where, whereDataset(op, ctx.protocol), ctx.where);
  const target = op.graph;
  const deletions = instantiate(op.delete, found, { target, freshBlankNodes: false });
  const insertions = instantiate(op.insert, found, { target, freshBlankNodes: true });
  ctx.writer.delete(deletions);
  ctx.writer.add(insertions);
}

/** A quad pattern of DELETE WHERE as a graph pattern to match. */
const asPattern = (quads: Quads): Pattern =>
  quads.type === 'bgp'
    ? quads
    : { type: 'graph', name: quads.name, patterns: [{ type: 'bgp', triples: quads.triples }] };
