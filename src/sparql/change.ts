import type { Quad } from '@rdfjs/types';

/**
 * The net effect of one write on the dataset: the quads it actually removed (they were there) and actually
 * added (they were not), in the order applied. It is what the journal records, what replicas apply and what
 * validation and rollback work from.
 */
export interface Change {
  readonly removed: readonly Quad[];
  readonly added: readonly Quad[];
}

export const emptyChange: Change = { removed: [], added: [] };

export const isEmpty = (change: Change): boolean => change.removed.length === 0 && change.added.length === 0;
