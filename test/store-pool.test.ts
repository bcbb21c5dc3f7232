import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TimeoutError } from '../src/store/errors.ts';
import { PooledStore } from '../src/store/pool/pooled-store.ts';

// The service's store: two copies, both peers. A long query holds one copy while the other takes the reads
// and the writes; a copy lost in the middle of a write leaves the files and the other copy consistent.

const open: PooledStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function pool(dataDir = mkdtempSync(join(tmpdir(), 'imagegraph-pool-'))) {
  const store = await PooledStore.open({ dataDir, copies: 2, validate: false });
  open.push(store);
  return { store, dataDir };
}

const insert = (i: number) => `INSERT DATA { <http://e/n${i}> <http://e/p> ${i} }`;
const rows = async (store: PooledStore, query: string) => {
  const result = await store.query(query, { format: 'text/csv', timeoutMs: 10_000, maxResultBytes: 1e7 });
  return result.body.trim().split('\r\n').slice(1);
};
const numbers = (store: PooledStore) =>
  rows(store, 'SELECT ?v WHERE { ?s <http://e/p> ?v } ORDER BY ?v').then((r) => r.map(Number));
/** A query that runs for minutes on 300 triples: it ends only by its time limit. */
const endless = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';
const seed = async (store: PooledStore, n: number) => {
  const triples = Array.from({ length: n }, (_, i) => `<http://e/s${i}> <http://e/q> "${i}" .`).join('\n');
  await store.update(`INSERT DATA { ${triples} }`, { timeoutMs: 10_000 });
};

describe('the pool of copies', () => {
  it('takes reads and writes on one copy while a long query holds the other', async () => {
    const { store } = await pool();
    await seed(store, 300);
    const events: string[] = [];
    const long = store
      .query(endless, { format: 'text/csv', timeoutMs: 4000, maxResultBytes: 1e6 })
      .catch((error: Error) => events.push(`long: ${error.name}`));
    for (let i = 1; i <= 20; i++) {
      await store.update(insert(i), { timeoutMs: 10_000 });
      expect(await numbers(store)).toHaveLength(i);
    }
    events.push('20 writes and reads done');
    await long;
    expect(events).toEqual(['20 writes and reads done', 'long: TimeoutError']);
    // The copy the long query cost is rebuilt from disk and serves the writes made meanwhile.
    const answers = await Promise.all(Array.from({ length: 4 }, () => numbers(store)));
    for (const answer of answers) expect(answer).toHaveLength(20);
  }, 30_000);

  it('applies every write on every copy', async () => {
    const { store } = await pool();
    for (let i = 1; i <= 10; i++) await store.update(insert(i), { timeoutMs: 10_000 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => numbers(store)));
    for (const answer of answers) expect(answer).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await store.stats()).toMatchObject({ sequence: 10, quads: 10 });
  });

  it('survives a copy lost in the middle of a write: later writes, the other copy and a restart agree', async () => {
    const { store, dataDir } = await pool();
    await seed(store, 300);
    await store.update(insert(1), { timeoutMs: 10_000 });
    const lost = store.update(`INSERT { <http://e/lost> <http://e/p> ?n } WHERE { { ${endless} } }`, {
      timeoutMs: 500,
    });
    await expect(lost).rejects.toBeInstanceOf(TimeoutError);
    await store.update(insert(2), { timeoutMs: 10_000 });
    await store.update(insert(3), { timeoutMs: 10_000 });
    const answers = await Promise.all(Array.from({ length: 4 }, () => numbers(store)));
    for (const answer of answers) expect(answer).toEqual([1, 2, 3]);
    await store.close();
    const { store: reopened } = await pool(dataDir);
    expect(await numbers(reopened)).toEqual([1, 2, 3]);
    expect((await reopened.stats()).sequence).toBe((await store.stats()).sequence);
  }, 30_000);

  it('answers stats without a free copy', async () => {
    const { store } = await pool();
    await seed(store, 300);
    const longs = [1, 2].map(() =>
      store
        .query(endless, { format: 'text/csv', timeoutMs: 2000, maxResultBytes: 1e6 })
        .catch(() => undefined),
    );
    expect(await store.stats()).toMatchObject({ sequence: 1, quads: 300 });
    await Promise.all(longs);
  }, 20_000);
});
