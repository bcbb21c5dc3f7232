import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { parseRdf, requireRdfFormat } from '../src/rdf/parse.ts';
import { writeRdf } from '../src/rdf/serialize.ts';
import type { BulkSource } from '../src/store/bulk-source.ts';
import { dataFiles } from '../src/store/data-dir.ts';
import { WriteRejectedError } from '../src/store/errors.ts';
import { defaultGraphName, type GraphName, namedGraph } from '../src/store/store.ts';
import { graphs } from '../src/vocab.ts';
import { generate } from './support/federation.ts';
import { datasetOf, filesOf, openPrimary, tempDir } from './support/store.ts';

// A bulk load into an empty store whose input is its own snapshot (bulk-snapshot.ts): snapshot.nq is the
// input's bytes, and a restart gives back exactly the dataset loaded. Inputs that do not qualify (blank nodes,
// a named graph as the target, N-Quads naming a read-only graph) get a snapshot dumped from the store.

const source = (text: string, format: string): BulkSource => ({
  where: `inline ${format}`,
  bytes: Buffer.from(text),
  format,
});

/** Bulk-loads SOURCES into a new data directory, then reopens it: the dataset must come back whole. */
async function loadAndReopen(sources: BulkSource[], graph: GraphName = defaultGraphName) {
  const dir = tempDir();
  const core = await openPrimary(dir);
  const result = await core.bulkLoad(sources, graph);
  const loaded = datasetOf(core);
  expect(result).toEqual({ inserted: loaded.length, deleted: 0, sequence: 1 });
  core.close();
  const reopened = await openPrimary(dir);
  expect(datasetOf(reopened)).toEqual(loaded);
  expect(reopened.stats()).toMatchObject({ quads: loaded.length, sequence: 1, recovered: { replayed: 0 } });
  const write = reopened.update('INSERT DATA { <urn:test:after> <urn:test:p> 1 }', { timeoutMs: 1000 });
  expect(write.sequence).toBe(2);
  reopened.close();
  const files = dataFiles(dir);
  return {
    dir,
    loaded,
    snapshot: readFileSync(files.snapshot, 'utf8'),
    meta: JSON.parse(readFileSync(files.snapshotMeta, 'utf8')),
  };
}

const a = '<urn:test:a> <urn:test:p> "1" .\n';
const b = '<urn:test:b> <urn:test:p> "x"@EN .';
const c = '<urn:test:c> <urn:test:p> <urn:test:a> .\r\n';

describe('the snapshot of a bulk load into an empty store', () => {
  it('is the N-Triples loaded, duplicated lines, comments and a missing last newline included', async () => {
    const first = `${a}# a comment\n${a}${b}`;
    const { loaded, snapshot, meta } = await loadAndReopen([
      source(first, 'ntriples'),
      source(`${a}${c}`, 'ntriples'),
    ]);
    expect(loaded).toHaveLength(3);
    expect(loaded).toContain('<urn:test:b> <urn:test:p> "x"@en .');
    expect(snapshot).toBe(`${a}# a comment\n${a}${b}\n${a}${c}`);
    expect(meta).toMatchObject({ sequence: 1, quads: 3, bytes: Buffer.byteLength(snapshot) });
  });

  it('is the N-Quads loaded into the default graph, named graphs included', async () => {
    const text = `${a}<urn:test:a> <urn:test:p> "2" <urn:test:g> .\n<urn:test:a> <urn:test:p> "2" <urn:test:g> .\n`;
    const { loaded, snapshot, meta } = await loadAndReopen([source(text, 'nquads')]);
    expect(loaded).toEqual([a.trim(), '<urn:test:a> <urn:test:p> "2" <urn:test:g> .']);
    expect(snapshot).toBe(text);
    expect(meta).toMatchObject({ quads: 2 });
  });

  it('is the generated catalogue, a file of several slices, as it is', async () => {
    const medium = await generate('medium', 3);
    const { loaded, snapshot } = await loadAndReopen([source(medium, 'ntriples')]);
    expect(snapshot).toBe(medium);
    const journal = await openPrimary(tempDir());
    journal.load(parseRdf(medium, requireRdfFormat('ntriples'), { where: 'medium' }), defaultGraphName);
    expect(loaded).toEqual(datasetOf(journal));
    journal.close();
  });

  it.each<[string, BulkSource[], GraphName, (loaded: string[]) => void]>([
    [
      'triples for a named graph',
      [source(`${a}${a}${c}`, 'ntriples')],
      namedGraph('urn:test:target'),
      (loaded) => expect(loaded.every((line) => line.endsWith(' <urn:test:target> .'))).toBe(true),
    ],
    [
      'blank nodes, whose labels the snapshot keeps',
      [source(`_:x <urn:test:p> _:y .\n_:y <urn:test:p> "1" .\n${a}`, 'ntriples')],
      defaultGraphName,
      (loaded) => expect(loaded.filter((line) => line.startsWith('_:'))).toHaveLength(2),
    ],
    [
      'N-Quads naming a read-only graph',
      [source(`<urn:test:s> <urn:test:p> <${graphs.ontology}> <urn:test:g> .\n`, 'nquads')],
      defaultGraphName,
      (loaded) => expect(loaded).toHaveLength(1),
    ],
    ['Turtle', [source('<urn:test:s> <urn:test:p> 1, 1, 2 .', 'turtle')], defaultGraphName, () => undefined],
  ])('is dumped from the store for %s, and reopens the same', async (_name, sources, graph, check) => {
    const { loaded, snapshot, meta } = await loadAndReopen(sources, graph);
    check(loaded);
    expect(snapshot.split('\n').filter(Boolean).sort()).toEqual(loaded);
    expect(meta).toMatchObject({ quads: loaded.length });
  });

  it.each<[string, () => Promise<BulkSource[]>, new (...args: never[]) => Error]>([
    [
      'a syntax error after several slices were loaded',
      async () => [source(`${await generate('medium', 4)}<urn:test:s> <urn:test:p> .\n`, 'ntriples')],
      InputError,
    ],
    [
      'data that would introduce violations',
      async () => {
        const text = readFileSync('test/fixtures/invalid/image/osBits-in.ttl', 'utf8');
        return [
          source(
            writeRdf(parseRdf(text, requireRdfFormat('turtle'), { where: 'osBits' }), 'nquads'),
            'nquads',
          ),
        ];
      },
      WriteRejectedError,
    ],
  ])(
    'is thrown away when the load fails on %s, leaving the directory empty',
    async (_name, sources, error) => {
      const dir = tempDir();
      const core = await openPrimary(dir, { validate: true });
      const before = filesOf(dir);
      await expect(core.bulkLoad(await sources(), defaultGraphName)).rejects.toThrow(error);
      expect(filesOf(dir)).toEqual(before);
      expect(existsSync(`${dataFiles(dir).snapshot}.tmp`)).toBe(false);
      expect(datasetOf(core)).toEqual([]);
      expect(core.stats()).toMatchObject({ quads: 0, sequence: 0 });
      core.close();
      const reopened = await openPrimary(dir);
      expect(datasetOf(reopened)).toEqual([]);
      reopened.close();
    },
  );
});
