import type { Store } from 'oxigraph';
import type { Change } from './change.ts';
import { ox } from './ox.ts';

/**
 * Replays CHANGE on STORE (from the journal, or on a replica): its removed quads go, its added quads come.
 * A Change is net (no quad is both removed and added), so the order of the two steps does not matter.
 */
export function applyChange(store: Store, change: Change): void {
  for (const q of change.removed) store.delete(ox(q));
  for (const q of change.added) store.add(ox(q));
}

/** Undoes CHANGE exactly: on the state CHANGE produced, this gives back the state before it. */
export function revert(store: Store, change: Change): void {
  for (const q of change.added) store.delete(ox(q));
  for (const q of change.removed) store.add(ox(q));
}
