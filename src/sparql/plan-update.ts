import type { Store } from 'oxigraph';
import type {
  ClearDropOperation,
  CopyMoveAddOperation,
  CreateOperation,
  InsertDeleteOperation,
  UpdateOperation,
} from 'sparqljs';
import { InputError } from '../errors.ts';
import { revert } from './apply-change.ts';
import type { Change } from './change.ts';
import { changeWriter } from './change-writer.ts';
import { checkProtocolDataset, type ProtocolDataset } from './dataset.ts';
import { clearOrDrop, create, transfer } from './graph-ops.ts';
import { deleteData, deleteWhere, insertData, modify } from './modify.ts';
import type { OperationContext } from './operation.ts';
import { parseSparqlUpdate } from './parse.ts';

export { applyChange, revert } from './apply-change.ts';

export interface ApplyUpdateOptions extends ProtocolDataset {
  /** Graphs never written (the ontology and the shapes): an explicit write is a ForbiddenGraphError. */
  readonly protectedGraphs: ReadonlySet<string>;
  /** The base IRI of the request's relative IRIs; without one they are an InputError. */
  readonly baseIri?: string;
}

type Of<K extends InsertDeleteOperation['updateType']> = Extract<InsertDeleteOperation, { updateType: K }>;

/** Each kind of operation (sparqljs's updateType or type) and what runs it. LOAD is refused by the parser. */
interface Operations {
  insert(op: Of<'insert'>, ctx: OperationContext): void;
  delete(op: Of<'delete'>, ctx: OperationContext): void;
  deletewhere(op: Of<'deletewhere'>, ctx: OperationContext): void;
  insertdelete(op: Of<'insertdelete'>, ctx: OperationContext): void;
  clear(op: ClearDropOperation, ctx: OperationContext): void;
  drop(op: ClearDropOperation, ctx: OperationContext): void;
  create(op: CreateOperation, ctx: OperationContext): void;
  add(op: CopyMoveAddOperation, ctx: OperationContext): void;
  copy(op: CopyMoveAddOperation, ctx: OperationContext): void;
  move(op: CopyMoveAddOperation, ctx: OperationContext): void;
}

const operations: Operations = {
  insert: insertData,
  delete: deleteData,
  deletewhere: deleteWhere,
  insertdelete: modify,
  clear: clearOrDrop,
  drop: clearOrDrop,
  create,
  add: transfer,
  copy: transfer,
  move: transfer,
};

const names: Record<keyof Operations, string> = {
  insert: 'INSERT DATA',
  delete: 'DELETE DATA',
  deletewhere: 'DELETE WHERE',
  insertdelete: 'DELETE/INSERT',
  clear: 'CLEAR',
  drop: 'DROP',
  create: 'CREATE',
  add: 'ADD',
  copy: 'COPY',
  move: 'MOVE',
};

const kindOf = (op: UpdateOperation): string => ('updateType' in op ? op.updateType : op.type);

/**
 * Runs a SPARQL 1.1 Update request on STORE, operation by operation, each seeing the effects of the ones before
 * (SPARQL 1.1 Update §3): every operation's concrete quads are computed (a DELETE/INSERT's WHERE clause is
 * evaluated by Oxigraph as a SELECT generated from the parsed request) and written with store.delete/store.add.
 * Returns the net Change. The request is atomic: when an operation fails, what the earlier ones wrote is
 * reverted before the error is rethrown.
 *
 * - Protected graphs are never written: an operation that would write one (INSERT/DELETE of a quad in it, CLEAR,
 *   DROP, ADD/COPY/MOVE to it, MOVE from it) throws ForbiddenGraphError, SILENT or not; DROP/CLEAR ALL and NAMED
 *   leave them alone.
 * - usingGraphs / usingNamedGraphs are the protocol's using-graph-uri / using-named-graph-uri: they replace the
 *   dataset of every DELETE/INSERT … WHERE (not of DELETE WHERE, which matches the store it deletes from); with
 *   USING, USING NAMED or WITH in the request they are an InputError.
 * - Named graphs exist only while they hold quads: CREATE changes nothing (an error, unless SILENT, when the graph
 *   already holds triples), and CLEAR and DROP of a graph are the same.
 * - LOAD and SERVICE are refused (InputError): imagegraph never fetches remote data.
 */
export function applyUpdate(store: Store, text: string, options: ApplyUpdateOptions): Change {
  const ast = parseSparqlUpdate(text, { baseIri: options.baseIri });
  checkProtocolDataset(ast, options);
  const writer = changeWriter(store, options.protectedGraphs);
  try {
    ast.updates.forEach((op, index) => {
      const kind = kindOf(op);
      if (!Object.hasOwn(operations, kind)) {
        throw new InputError(`the operation ${kind.toUpperCase()} is not supported`, {
          where: `operation ${index + 1}`,
        });
      }
      const run = operations[kind as keyof Operations] as (
        op: UpdateOperation,
        ctx: OperationContext,
      ) => void;
      const where = `operation ${index + 1} (${names[kind as keyof Operations]})`;
      run(op, { store, writer, protocol: options, protectedGraphs: options.protectedGraphs, where });
    });
  } catch (error) {
    revert(store, writer.change());
    throw error;
  }
  return writer.change();
}
