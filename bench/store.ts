// The durable store's figures: fsync'd writes per second, and opening (recovery) time for a dataset held in a
// snapshot or replayed from the journal, with the snapshot time, next to Oxigraph's bare bulk load of the same.
// Usage: node bench/store.ts [PRESET...]   (default: medium large, ≈100k and ≈1M triples)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oxigraph from 'oxigraph';
import { paths } from '../src/paths.ts';
import { literal, namedNode, quad } from '../src/rdf/terms.ts';
import { EmbeddedCore } from '../src/store/core.ts';
import { dataFiles } from '../src/store/data-dir.ts';
import { encodeRecord } from '../src/store/journal-format.ts';
import { writeSnapshot } from '../src/store/snapshot-write.ts';
import { UserGraphs } from '../src/store/user-graphs.ts';
import { patentCatalogue, tempDir } from '../test/support/store.ts';

const presets = process.argv.slice(2);
const work = tempDir();
const seconds = (start: number) => (performance.now() - start) / 1000;
const timed = async <T>(run: () => T | Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await run();
  return [value, seconds(start)];
};

/** COUNT small writes, each fsync'd: the writes per second, and how long reopening (replaying them) takes. */
async function writes(validate: boolean, count: number): Promise<{ perSecond: number; reopen: number }> {
  const dir = join(work, `writes-${validate}`);
  const core = await EmbeddedCore.open(dir, { role: 'primary', validate, journalLimitBytes: 1e12 });
  core.load(await patentCatalogue(), { kind: 'default' });
  const [, time] = await timed(() => {
    for (let n = 0; n < count; n++) {
      const s = namedNode(`http://e/note/${n}`);
      const quads = [
        quad(s, namedNode('http://e/says'), literal(`note ${n}`)),
        quad(s, namedNode('http://e/n'), literal(String(n))),
      ];
      core.load(quads, { kind: 'default' });
    }
  });
  core.close();
  const [again, reopen] = await timed(() => EmbeddedCore.open(dir, { role: 'primary', validate: false }));
  if (again.stats().recovered.replayed !== count + 1) throw new Error('the journal replay lost writes');
  again.close();
  return { perSecond: count / time, reopen };
}

console.log(
  "fsync'd writes (2 quads each: one journal record and one fsync per write), and reopening after them:",
);
for (const [validate, count] of [
  [false, 10_000],
  [true, 1_000],
] as const) {
  const { perSecond, reopen } = await writes(validate, count);
  console.log(
    `  ${validate ? 'with validation   ' : 'without validation'}  ${perSecond.toFixed(0).padStart(5)} writes/s; ` +
      `reopening replays the ${count + 1} records in ${reopen.toFixed(2)} s`,
  );
}

console.log(
  '\ntriples   | Oxigraph load s | open from snapshot s | open from journal s | snapshot s | snapshot MB',
);
for (const preset of presets.length > 0 ? presets : ['medium', 'large']) {
  const nt = join(work, `${preset}.nt`);
  execFileSync(process.execPath, [
    join(paths.root, 'bin/imagegraph.js'),
    'generate',
    '--preset',
    preset,
    '--seed',
    '1',
    '--out',
    nt,
  ]);
  const bytes = readFileSync(nt);
  const [bare, loadTime] = await timed(() => {
    const store = new oxigraph.Store();
    store.load(bytes, { format: 'application/n-triples', no_transaction: true, lenient: true });
    return store;
  });

  const fromSnapshot = dataFiles(join(work, `${preset}-snapshot`));
  mkdirSync(fromSnapshot.dir);
  writeSnapshot(fromSnapshot, await UserGraphs.of(bare), 1);
  const [core, snapshotOpen] = await timed(() =>
    EmbeddedCore.open(fromSnapshot.dir, { role: 'primary', validate: false }),
  );
  const triples = core.stats().quads;
  const [meta, snapshotTime] = await timed(() => core.snapshot());
  core.close();

  const fromJournal = dataFiles(join(work, `${preset}-journal`));
  mkdirSync(fromJournal.dir);
  const payload = Buffer.concat([Buffer.from(`-0\n+${triples}\n`), bytes]);
  writeFileSync(fromJournal.journal, encodeRecord(1, payload));
  const [replayed, journalOpen] = await timed(() =>
    EmbeddedCore.open(fromJournal.dir, { role: 'primary', validate: false }),
  );
  if (replayed.stats().quads !== triples) throw new Error('the journal replay lost quads');
  replayed.close();

  console.log(
    [
      String(triples).padEnd(9),
      loadTime.toFixed(2).padStart(15),
      snapshotOpen.toFixed(2).padStart(20),
      journalOpen.toFixed(2).padStart(19),
      snapshotTime.toFixed(2).padStart(10),
      (meta.bytes / 1e6).toFixed(0).padStart(11),
    ].join(' | '),
  );
  rmSync(nt);
}
rmSync(work, { recursive: true, force: true });
