// The service's store (two copies in worker threads) writing into a data directory until killed, printing
// each write's number once it is acknowledged. A read runs beside every write, so that the writes land on
// either copy. Usage: node test/support/durability-child.ts DIR JOURNAL_LIMIT_BYTES   (see durability.ts)
import { writeSync } from 'node:fs';
import { PooledStore } from '../../src/store/pool/pooled-store.ts';
import { durabilityWrite } from './durability.ts';

const [dir, limit] = process.argv.slice(2);
const store = await PooledStore.open({
  dataDir: dir!,
  copies: 2,
  validate: false,
  journalLimitBytes: Number(limit),
});
const ask = { format: 'text/csv', timeoutMs: 60_000, maxResultBytes: 1e6 };
for (let n = (await store.stats()).sequence + 1; ; n++) {
  const { graph, quads } = durabilityWrite(n);
  await Promise.all([store.load(quads, graph), store.query('ASK { ?s ?p ?o }', ask)]);
  writeSync(1, `${n}\n`);
}
