import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literal, namedNode, quad } from '../src/rdf/terms.ts';
import { EmbeddedCore } from '../src/store/core.ts';
import { dataFiles } from '../src/store/data-dir.ts';
import { encodeRecord } from '../src/store/journal-format.ts';
import { copyDir, datasetOf, filesOf, openPrimary, patentCatalogue, tempDir } from './support/store.ts';

const note = (n: number) => [
  quad(namedNode(`http://e/note/${n}`), namedNode('http://e/says'), literal(`note ${n}`)),
];
const addNote = (core: EmbeddedCore, n: number) =>
  core.load(note(n), { kind: 'named', iri: 'http://e/notes' });

/**
 * OLD: a data directory with a snapshot at write 1 and writes 2 and 3 in its journal; NEW: the same after a
 * snapshot at write 3. The crash states below are made of their files.
 */
async function beforeAndAfterSnapshot() {
  const old = tempDir();
  const core = await openPrimary(old);
  core.load(await patentCatalogue(), { kind: 'default' });
  core.snapshot();
  addNote(core, 2);
  addNote(core, 3);
  const state = datasetOf(core);
  core.close();
  const fresh = copyDir(old);
  const again = await openPrimary(fresh);
  expect(again.snapshot()).toMatchObject({ sequence: 3 });
  again.close();
  return { old: filesOf(old), fresh: filesOf(fresh), state };
}

type Files = Record<string, string>;
const half = (text: string | undefined) => text!.slice(0, Math.floor(text!.length / 2));

/** The files a crash leaves at each point of a snapshot (snapshot-write.ts, compaction.ts). */
const crashPoints: [string, (o: Files, n: Files) => Files][] = [
  ['snapshot.nq.tmp half written', (o, n) => ({ ...o, 'snapshot.nq.tmp': half(n['snapshot.nq']) })],
  ['snapshot.nq.tmp written', (o, n) => ({ ...o, 'snapshot.nq.tmp': n['snapshot.nq']! })],
  [
    'snapshot.json.tmp half written',
    (o, n) => ({ ...o, 'snapshot.nq.tmp': n['snapshot.nq']!, 'snapshot.json.tmp': half(n['snapshot.json']) }),
  ],
  [
    'snapshot.json.tmp written',
    (o, n) => ({ ...o, 'snapshot.nq.tmp': n['snapshot.nq']!, 'snapshot.json.tmp': n['snapshot.json']! }),
  ],
  [
    'snapshot.json renamed: committed',
    (o, n) => ({ ...o, 'snapshot.json': n['snapshot.json']!, 'snapshot.nq.tmp': n['snapshot.nq']! }),
  ],
  [
    'snapshot.nq renamed',
    (o, n) => ({ ...o, 'snapshot.json': n['snapshot.json']!, 'snapshot.nq': n['snapshot.nq']! }),
  ],
  [
    'empty journal.log.tmp written',
    (o, n) => ({ ...o, ...n, 'journal.log': o['journal.log']!, 'journal.log.tmp': '' }),
  ],
  ['new journal renamed: done', (_o, n) => n],
];

function materialize(files: Files): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    if (name !== 'LOCK') writeFileSync(join(dir, name), content, 'latin1');
  }
  return dir;
}

describe('a crash while a snapshot is taken', async () => {
  const { old, fresh, state } = await beforeAndAfterSnapshot();

  it.each(crashPoints)('%s: the primary recovers every write and tidies up', async (_name, leave) => {
    const dir = materialize(leave(old, fresh));
    const core = await openPrimary(dir);
    expect(datasetOf(core)).toEqual(state);
    expect(core.stats().sequence).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['LOCK', 'journal.log', 'snapshot.json', 'snapshot.nq']);
    addNote(core, 4);
    const expected = datasetOf(core);
    core.close();
    const again = await openPrimary(dir);
    expect(datasetOf(again)).toEqual(expected);
    again.close();
  });

  it.each(crashPoints)('%s: a replica reads every write and changes no file', async (_name, leave) => {
    const dir = materialize(leave(old, fresh));
    const before = filesOf(dir);
    const replica = await EmbeddedCore.open(dir, { role: 'replica', validate: false });
    expect(datasetOf(replica)).toEqual(state);
    expect(filesOf(dir)).toEqual(before);
  });

  /** Damage that no crash leaves: [name, files, the file the error names]. */
  const damages: [string, (o: Files) => Files, string][] = [
    [
      'snapshot.nq changed',
      (o) => ({ ...o, 'snapshot.nq': o['snapshot.nq']!.replace('2005', '2105') }),
      'snapshot.nq',
    ],
    ['snapshot.nq gone', ({ 'snapshot.nq': _, ...o }) => o, 'snapshot.nq'],
    ['snapshot.json gone', ({ 'snapshot.json': _, ...o }) => o, 'snapshot.json'],
    ['snapshot.json not JSON', (o) => ({ ...o, 'snapshot.json': '{"sequence": 1' }), 'snapshot.json'],
    [
      'journal.log with an intact record that is not a change',
      (o) => ({ ...o, 'journal.log': encodeRecord(2, Buffer.from('not a change')).toString('latin1') }),
      'journal.log',
    ],
    [
      'journal.log missing writes after the snapshot',
      (o) => ({ ...o, 'journal.log': encodeRecord(5, Buffer.from('')).toString('latin1') }),
      'journal.log',
    ],
  ];

  it.each(damages)('%s: opening fails, naming the file', async (_name, damage, file) => {
    const dir = materialize(damage(old));
    await expect(openPrimary(dir)).rejects.toThrow(`${join(dir, file)} is damaged at byte 0`);
  });
});

describe('snapshots', () => {
  it('are taken when the journal outgrows its limit, and restarts give the same dataset', async () => {
    const dir = tempDir();
    const core = await openPrimary(dir, { journalLimitBytes: 1000 });
    core.load(await patentCatalogue(), { kind: 'default' });
    expect(core.stats()).toMatchObject({ sequence: 1, snapshotSequence: 1, journalBytes: 0 });
    addNote(core, 2);
    expect(core.stats()).toMatchObject({ sequence: 2, snapshotSequence: 1 });
    expect(statSync(dataFiles(dir).journal).size).toBe(core.stats().journalBytes);
    const state = datasetOf(core);
    core.close();
    const meta = JSON.parse(readFileSync(dataFiles(dir).snapshotMeta, 'utf8'));
    expect(meta).toMatchObject({ sequence: 1, quads: 435 });
    const again = await openPrimary(dir);
    expect(datasetOf(again)).toEqual(state);
    expect(again.stats()).toMatchObject({ quads: 436, recovered: { replayed: 1 } });
    again.close();
  });

  it('hold the user dataset only: the ontology and shapes are loaded from their files', async () => {
    const dir = tempDir();
    const core = await openPrimary(dir);
    addNote(core, 1);
    core.snapshot();
    core.close();
    expect(readFileSync(dataFiles(dir).snapshot, 'utf8')).toBe(
      '<http://e/note/1> <http://e/says> "note 1" <http://e/notes> .\n',
    );
    rmSync(dir, { recursive: true });
  });
});
