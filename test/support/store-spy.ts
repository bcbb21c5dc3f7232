import type { Store } from '../../src/store/store.ts';

export interface StoreCall {
  readonly method: keyof Store;
  readonly args: readonly unknown[];
}

/**
 * INNER with every call recorded and the methods in OVERRIDES answering instead: to see what the HTTP layer
 * asked of the store, and to make the store fail in the ways the real one can.
 */
export function spyStore(inner: Store, overrides: Partial<Store> = {}): { store: Store; calls: StoreCall[] } {
  const calls: StoreCall[] = [];
  const store = new Proxy(inner, {
    get(target, key: keyof Store) {
      const method = (overrides[key] ?? target[key]) as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        calls.push({ method: key, args });
        return method.apply(target, args);
      };
    },
  });
  return { store, calls };
}
