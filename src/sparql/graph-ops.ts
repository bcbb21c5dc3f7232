import type { Quad, Term } from '@rdfjs/types';
import type { ClearDropOperation, CopyMoveAddOperation, CreateOperation, GraphOrDefault } from 'sparqljs';
import { InputError } from '../errors.ts';
import { defaultGraph, namedNode, quad } from '../rdf/terms.ts';
import type { OperationContext } from './operation.ts';
import { graphExists, quadsIn } from './ox.ts';

/*
 * The graph management operations of SPARQL 1.1 Update §3.2. Oxigraph's named graphs exist only while they hold
 * quads, so in imagegraph "the graph exists" means "the graph holds a triple": CLEAR and DROP are the same, and
 * CREATE records nothing (see create below).
 */

const graphOf = (ref: GraphOrDefault): Term => (ref.name ? namedNode(ref.name.value) : defaultGraph());

const label = (graph: Term): string =>
  graph.termType === 'DefaultGraph' ? 'DEFAULT' : `GRAPH <${graph.value}>`;

function missing(operation: string, graph: Term, ctx: OperationContext): InputError {
  return new InputError(
    `${operation} ${label(graph)} failed: the graph does not exist (it holds no triples)`,
    {
      where: ctx.where,
      fix: `Check the graph IRI, or write ${operation} SILENT to do nothing when the graph is absent.`,
    },
  );
}

/**
 * The quads CLEAR / DROP DEFAULT, NAMED and ALL remove. NAMED and ALL leave the protected graphs (the ontology
 * and the shapes) alone: they mean "every graph the client may write", and a client cannot write those.
 */
const scopes: Record<'default' | 'named' | 'all', (ctx: OperationContext) => Quad[]> = {
  default: (ctx) => quadsIn(ctx.store, defaultGraph()),
  named: (ctx) =>
    quadsIn(ctx.store, null).filter((q) => q.graph.termType !== 'DefaultGraph' && writable(q, ctx)),
  all: (ctx) => quadsIn(ctx.store, null).filter((q) => writable(q, ctx)),
};

const writable = (q: Quad, ctx: OperationContext): boolean =>
  !(q.graph.termType === 'NamedNode' && ctx.protectedGraphs.has(q.graph.value));

/** CLEAR and DROP: GRAPH g (an error when g does not exist, unless SILENT), DEFAULT, NAMED or ALL. */
export function clearOrDrop(op: ClearDropOperation, ctx: OperationContext): void {
  const scope = (['default', 'named', 'all'] as const).find((name) => op.graph[name]);
  if (scope) {
    ctx.writer.delete(scopes[scope](ctx));
    return;
  }
  const graph = graphOf(op.graph);
  ctx.writer.guard(graph);
  const quads = quadsIn(ctx.store, graph);
  if (quads.length === 0 && !op.silent) throw missing(op.type.toUpperCase(), graph, ctx);
  ctx.writer.delete(quads);
}

/**
 * CREATE GRAPH g: an empty graph cannot be recorded in Oxigraph, so CREATE changes nothing. It fails, unless
 * SILENT, when g already exists (holds triples), as SPARQL 1.1 Update says; the graph then comes into being
 * with the first triple written to it.
 */
export function create(op: CreateOperation, ctx: OperationContext): void {
  const graph = graphOf(op.graph);
  if (op.silent || !graphExists(ctx.store, graph)) return;
  throw new InputError(`CREATE ${label(graph)} failed: the graph already exists`, {
    where: ctx.where,
    fix: 'Write CREATE SILENT to do nothing when the graph exists, or DROP it first to start it afresh.',
  });
}

/** What ADD, COPY and MOVE do besides inserting the source's triples into the destination. */
const transfers: Record<CopyMoveAddOperation['type'], { emptyDestination: boolean; dropSource: boolean }> = {
  add: { emptyDestination: false, dropSource: false },
  copy: { emptyDestination: true, dropSource: false },
  move: { emptyDestination: true, dropSource: true },
};

/**
 * ADD, COPY and MOVE (SPARQL 1.1 Update §3.2.3–5). The same graph as source and destination is no change; a
 * source named graph that does not exist is an error unless SILENT (the default graph always exists).
 */
export function transfer(op: CopyMoveAddOperation, ctx: OperationContext): void {
  const source = graphOf(op.source);
  const destination = graphOf(op.destination);
  if (source.equals(destination)) return;
  const { emptyDestination, dropSource } = transfers[op.type];
  ctx.writer.guard(destination);
  if (dropSource) ctx.writer.guard(source);
  const quads = quadsIn(ctx.store, source);
  if (quads.length === 0 && source.termType !== 'DefaultGraph') {
    if (op.silent) return;
    throw missing(op.type.toUpperCase(), source, ctx);
  }
  if (emptyDestination) ctx.writer.delete(quadsIn(ctx.store, destination));
  ctx.writer.add(
    quads.map((q) => quad(q.subject, q.predicate, q.object, destination as Quad['graph']) as Quad),
  );
  if (dropSource) ctx.writer.delete(quads);
}
