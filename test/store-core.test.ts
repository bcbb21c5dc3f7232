import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import * as oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { blankNode, literal, namedNode, quad } from '../src/rdf/terms.ts';
import { type Commit, EmbeddedCore } from '../src/store/core.ts';
import { dataFiles } from '../src/store/data-dir.ts';
import { LimitError } from '../src/store/errors.ts';
import { recoverReading } from '../src/store/recovery.ts';
import type { QueryOptions } from '../src/store/store.ts';
import { graphs } from '../src/vocab.ts';
import { datasetOf, filesOf, openPrimary, patentCatalogue, storeLines, tempDir } from './support/store.ts';

const notes = { kind: 'named', iri: 'http://e/notes' } as const;
const say = (s: string, text: string) =>
  quad(namedNode(`http://e/${s}`), namedNode('http://e/says'), literal(text));
const csv = (format = 'text/csv'): QueryOptions => ({ format, timeoutMs: 10_000, maxResultBytes: 1_000_000 });
const count = (core: EmbeddedCore, query: string, options: Partial<QueryOptions> = {}) =>
  Number(core.query(query, { ...csv(), ...options }).body.split('\r\n')[1]);

/** A primary with the patent catalogue, a named graph of notes, and an update applied. */
async function populated(dir = tempDir()) {
  const core = await openPrimary(dir);
  core.load(await patentCatalogue(), { kind: 'default' });
  core.write({
    kind: 'add',
    graph: notes,
    quads: [say('a', 'one'), quad(blankNode('x'), namedNode('http://e/on'), namedNode('http://e/a'))],
  });
  core.update(
    `WITH <${notes.iri}> DELETE { ?s <http://e/says> ?o } INSERT { ?s <http://e/says> "uno"@es } WHERE { ?s <http://e/says> ?o }`,
    {
      timeoutMs: 10_000,
    },
  );
  return { dir, core };
}

describe('a restart', () => {
  it.each([
    ['from the journal alone', false],
    ['from a snapshot', true],
  ])('%s restores exactly the acknowledged dataset', async (_name, snapshot) => {
    const { dir, core } = await populated();
    if (snapshot) core.snapshot();
    const [dataset, stats] = [datasetOf(core), core.stats()];
    core.close();
    const again = await openPrimary(dir);
    expect(datasetOf(again)).toEqual(dataset);
    expect(again.stats()).toMatchObject({ quads: stats.quads, sequence: 3 });
    expect(dataset).toHaveLength(437);
    again.close();
  });
});

describe('queries', () => {
  it.each([
    [
      'the default graph is the union of all graphs',
      'SELECT (COUNT(*) AS ?n) WHERE { <http://e/a> ?p ?o }',
      {},
      1,
    ],
    [
      'the ontology is in the union',
      `SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://www.w3.org/2002/07/owl#Class> }`,
      {},
      -1,
    ],
    [
      'default-graph-uri picks the default graph',
      'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }',
      { defaultGraphs: [notes.iri] },
      2,
    ],
    [
      'named-graph-uri alone leaves the default graph empty',
      'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }',
      { namedGraphs: [notes.iri] },
      0,
    ],
    [
      'named-graph-uri names the graphs GRAPH sees',
      'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }',
      { namedGraphs: [notes.iri] },
      2,
    ],
    ['FROM in the query is obeyed', `SELECT (COUNT(*) AS ?n) FROM <${notes.iri}> WHERE { ?s ?p ?o }`, {}, 2],
  ])('%s', async (_name, query, options, expected) => {
    const { core } = await populated();
    const n = count(core, query, options);
    if (expected < 0) expect(n).toBeGreaterThan(10);
    else expect(n).toBe(expected);
    core.close();
  });

  it.each([
    ['a syntax error', 'SELECT WHERE {', csv(), InputError],
    ['an update sent as a query', 'CLEAR ALL', csv(), InputError],
    [
      'a result over the limit',
      'SELECT * WHERE { ?s ?p ?o }',
      { ...csv(), maxResultBytes: 1000 },
      LimitError,
    ],
  ])('%s is refused', async (_name, query, options, type) => {
    const { core } = await populated();
    expect(() => core.query(query, options)).toThrow(type);
    core.close();
  });
});

describe('Graph Store writes', () => {
  it('tell a new graph from an existing one, replace, and drop', async () => {
    const core = await openPrimary(tempDir());
    const g = { kind: 'named', iri: 'http://e/g' } as const;
    expect(core.write({ kind: 'add', graph: g, quads: [say('a', '1')] })).toEqual({
      inserted: 1,
      deleted: 0,
      sequence: 1,
      graphExisted: false,
    });
    expect(core.write({ kind: 'add', graph: g, quads: [say('a', '1'), say('b', '2')] })).toMatchObject({
      inserted: 1,
      graphExisted: true,
    });
    expect(core.write({ kind: 'replace', graph: g, quads: [say('b', '2'), say('c', '3')] })).toMatchObject({
      inserted: 1,
      deleted: 1,
      sequence: 3,
    });
    expect(core.readGraph(g, 'application/n-triples')?.split('\n').filter(Boolean).sort()).toEqual([
      '<http://e/b> <http://e/says> "2" .',
      '<http://e/c> <http://e/says> "3" .',
    ]);
    expect(core.write({ kind: 'drop', graph: g })).toMatchObject({
      deleted: 2,
      sequence: 4,
      graphExisted: true,
    });
    expect(core.readGraph(g, 'text/turtle')).toBeUndefined();
    expect(core.write({ kind: 'drop', graph: g })).toEqual({
      inserted: 0,
      deleted: 0,
      sequence: 0,
      graphExisted: false,
    });
    expect(core.readGraph({ kind: 'default' }, 'text/turtle')).toBe('');
    core.close();
  });

  it('give blank nodes of each request fresh identities', async () => {
    const core = await openPrimary(tempDir());
    const body = [
      quad(blankNode('b'), namedNode('http://e/p'), literal('1')),
      quad(blankNode('b'), namedNode('http://e/q'), literal('2')),
    ];
    core.write({ kind: 'add', graph: { kind: 'default' }, quads: body });
    core.write({ kind: 'add', graph: { kind: 'default' }, quads: body });
    expect(
      count(core, 'SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?b <http://e/p> "1" ; <http://e/q> "2" }'),
    ).toBe(2);
    core.close();
  });

  it('load puts triples into the graph named and keeps the graph of quads', async () => {
    const core = await openPrimary(tempDir());
    const other = namedNode('http://e/other');
    core.load(
      [say('a', '1'), quad(namedNode('http://e/b'), namedNode('http://e/says'), literal('2'), other)],
      notes,
    );
    expect(datasetOf(core)).toEqual([
      '<http://e/a> <http://e/says> "1" <http://e/notes> .',
      '<http://e/b> <http://e/says> "2" <http://e/other> .',
    ]);
    core.close();
  });
});

describe('replicas', () => {
  it('read the files, then follow the primary’s commits', async () => {
    const { dir, core } = await populated();
    const commits: Commit[] = [];
    core.close();
    const primary = await EmbeddedCore.open(dir, {
      role: 'primary',
      validate: false,
      onCommit: (c) => commits.push(c),
    });
    const replica = await EmbeddedCore.open(dir, { role: 'replica', validate: false });
    primary.write({ kind: 'add', graph: notes, quads: [say('b', 'two')] });
    primary.update(`DROP GRAPH <${notes.iri}>`, { timeoutMs: 10_000 });
    expect(commits.map((c) => [c.sequence, c.snapshotSequence])).toEqual([
      [4, 0],
      [5, 0],
    ]);
    for (const c of commits) replica.applyReplicated(c.sequence, c.change);
    expect(replica.applyReplicated(4, commits[0]!.change)).toBe(5);
    expect(datasetOf(replica)).toEqual(datasetOf(primary));
    expect(replica.stats()).toMatchObject({ sequence: 5, quads: primary.stats().quads });
    expect(() => replica.applyReplicated(7, commits[0]!.change)).toThrow(
      /replicated write 7 follows write 5/,
    );
    expect(() => replica.write({ kind: 'drop', graph: notes })).toThrow(
      /goes to the primary: this store is a read replica/,
    );
    expect(() => primary.applyReplicated(6, commits[0]!.change)).toThrow(/the primary cannot apply/);
    primary.close();
  });
});

describe('peers', () => {
  it('take turns writing, each applying the other’s commits, through a compaction', async () => {
    const { dir, core } = await populated();
    core.close();
    const commits: Commit[] = [];
    const peer = (owner: boolean) =>
      EmbeddedCore.open(dir, {
        role: 'peer',
        owner,
        validate: false,
        journalLimitBytes: 600,
        onCommit: (c) => commits.push(c),
      });
    const [a, b] = [await peer(true), await peer(false)];
    for (let i = 0; i < 6; i++) {
      const [writer, follower] = i % 2 === 0 ? [a, b] : [b, a];
      writer.write({ kind: 'add', graph: notes, quads: [say(`w${i}`, `write ${i}`)] });
      const commit = commits.at(-1)!;
      expect(commit).toMatchObject({ sequence: 4 + i, quads: writer.stats().quads });
      follower.applyReplicated(commit.sequence, commit.change);
    }
    expect(datasetOf(b)).toEqual(datasetOf(a));
    expect(a.stats().snapshotSequence + b.stats().snapshotSequence).toBeGreaterThan(0);
    const reopened = await openPrimary(dir);
    expect(datasetOf(reopened)).toEqual(datasetOf(a));
    expect(reopened.stats().sequence).toBe(9);
    reopened.close();
  });
});

describe('a replica reading while the primary takes a snapshot', () => {
  it('reads again when snapshot.json changed under it', async () => {
    const { dir, core } = await populated();
    const attempts: number[] = [];
    const { store, recovery } = recoverReading(() => {
      attempts.push(attempts.length + 1);
      if (attempts.length === 1) core.snapshot();
      return new oxigraph.Store();
    }, dataFiles(dir));
    expect(attempts).toEqual([1, 2]);
    expect(recovery).toMatchObject({ sequence: 3, replayed: 0, snapshot: { sequence: 3 } });
    expect(storeLines(store)).toEqual(datasetOf(core));
    core.close();
  });
});

describe('the data directory lock', () => {
  it('keeps a second primary out while its holder runs, and is taken over once it is gone', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    writeFileSync(dataFiles(dir).lock, `${holder.pid}\n`);
    await expect(openPrimary(dir)).rejects.toThrow(`the data directory is in use by process ${holder.pid}`);
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const core = await openPrimary(dir);
    expect(filesOf(dir).LOCK).toBe(`${process.pid}\n`);
    core.close();
    expect(Object.keys(filesOf(dir))).not.toContain('LOCK');
  });

  it('is not taken by a replica', async () => {
    const { dir, core } = await populated();
    const replica = await EmbeddedCore.open(dir, { role: 'replica', validate: false });
    expect(datasetOf(replica)).toEqual(datasetOf(core));
    expect(filesOf(dir).LOCK).toBe(`${process.pid}\n`);
    core.close();
    expect(graphs.ontology).toBeDefined();
  });
});
