import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { PooledStore } from '../../src/store/pool/pooled-store.ts';

const opened: PooledStore[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** The real embedded store (two copies in worker threads) on a fresh temporary data directory. */
export async function testStore(options: { validate?: boolean } = {}): Promise<PooledStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'imagegraph-store-'));
  const store = await PooledStore.open({ dataDir, copies: 2, validate: options.validate ?? true });
  opened.push(store);
  return store;
}
