import type { Store } from 'oxigraph';
import type { ChangeWriter } from './change-writer.ts';
import type { ProtocolDataset } from './dataset.ts';

/** What one update operation runs with: the store, the request's writer and its protocol dataset. */
export interface OperationContext {
  readonly store: Store;
  readonly writer: ChangeWriter;
  readonly protocol: ProtocolDataset;
  readonly protectedGraphs: ReadonlySet<string>;
  /** Names the operation in error messages: 'operation 2 (DROP)'. */
  readonly where: string;
}
