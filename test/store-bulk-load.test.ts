import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { parseRdf, requireRdfFormat } from '../src/rdf/parse.ts';
import type { BulkSource } from '../src/store/bulk-source.ts';
import { ForbiddenGraphError, WriteRejectedError } from '../src/store/errors.ts';
import { defaultGraphName, type GraphName, namedGraph } from '../src/store/store.ts';
import { graphs } from '../src/vocab.ts';
import { generate, lines } from './support/federation.ts';
import { datasetOf, filesOf, openPrimary, tempDir } from './support/store.ts';

// EmbeddedCore.bulkLoad on real data directories: what it loads is what the journal path loads, it survives a
// restart, and every failure leaves both the files and the open store as they were.

const source = (text: string, format: string, where = `inline ${format}`): BulkSource => ({
  where,
  bytes: Buffer.from(text),
  format,
});
const patent = (): BulkSource => ({
  where: 'data/patent.ttl',
  bytes: readFileSync('data/patent.ttl'),
  format: 'turtle',
});
// Several slices of N-Triples go to Oxigraph before the bad last line; the error names the file's line.
const medium = await generate('medium', 2);
const ask = 'ASK { <https://w3id.org/imagegraph/id/image/1001> ?p ?o }';

describe('EmbeddedCore.bulkLoad', () => {
  // Medium: several slices of input for Oxigraph, and a snapshot read back in several slices too.
  it('loads what the journal path loads, as a snapshot that survives a restart', async () => {
    const bulkDir = tempDir();
    const bulk = await openPrimary(bulkDir, { validate: true });
    const result = await bulk.bulkLoad([source(medium, 'ntriples')], defaultGraphName);
    const journal = await openPrimary(tempDir());
    journal.load(parseRdf(medium, requireRdfFormat('ntriples'), { where: 'medium' }), defaultGraphName);
    expect(datasetOf(bulk)).toEqual(datasetOf(journal));
    expect(result).toEqual({ inserted: datasetOf(journal).length, deleted: 0, sequence: 1 });
    expect(bulk.stats()).toMatchObject({
      quads: result.inserted,
      sequence: 1,
      snapshotSequence: 1,
      journalBytes: 0,
    });
    const before = datasetOf(bulk);
    bulk.close();
    journal.close();
    const reopened = await openPrimary(bulkDir);
    expect(datasetOf(reopened)).toEqual(before);
    expect(reopened.stats()).toMatchObject({ quads: before.length, sequence: 1, recovered: { replayed: 0 } });
    reopened.close();
  });

  it('gives the blank nodes of each load new nodes, and puts triples into the graph named', async () => {
    const core = await openPrimary(tempDir());
    const text = '_:a <urn:test:p> "1" .\n';
    await core.bulkLoad([source(text, 'ntriples'), source(text, 'ntriples')], namedGraph('urn:test:g'));
    const lines = datasetOf(core);
    expect(lines).toHaveLength(2);
    expect(new Set(lines.map((l) => l.split(' ')[0])).size).toBe(2);
    expect(lines.every((l) => l.endsWith(' "1" <urn:test:g> .'))).toBe(true);
    core.close();
  });

  it.each<[string, () => Promise<BulkSource[]>, GraphName, new (...args: never[]) => Error, RegExp]>([
    [
      'data that would introduce violations',
      async () => [source(readFileSync('test/fixtures/invalid/image/osBits-in.ttl', 'utf8'), 'turtle')],
      defaultGraphName,
      WriteRejectedError,
      /introduce 1 SHACL violation/,
    ],
    [
      'a syntax error after several slices were loaded',
      async () => [source(`${medium}<urn:test:s> <urn:test:p> .\n`, 'ntriples', 'big.nt')],
      defaultGraphName,
      InputError,
      new RegExp(`invalid ntriples: Parser error at line ${lines(medium) + 1} column`),
    ],
    [
      'a quad in the ontology graph',
      async () => [source(`<urn:test:s> <urn:test:p> <urn:test:o> <${graphs.ontology}> .\n`, 'nquads')],
      defaultGraphName,
      ForbiddenGraphError,
      /is read-only/,
    ],
    [
      'the shapes graph as the target',
      async () => [source('<urn:test:s> <urn:test:p> <urn:test:o> .\n', 'ntriples')],
      namedGraph(graphs.shapes),
      ForbiddenGraphError,
      /is read-only/,
    ],
  ])('refuses %s, leaving files and store as they were', async (_name, sources, graph, error, message) => {
    const dir = tempDir();
    const core = await openPrimary(dir, { validate: true });
    await core.bulkLoad([patent()], defaultGraphName);
    const files = filesOf(dir);
    const dataset = datasetOf(core);
    const rejected = core.bulkLoad(await sources(), graph);
    await expect(rejected).rejects.toThrow(error);
    await expect(rejected).rejects.toThrow(message);
    expect(filesOf(dir)).toEqual(files);
    expect(datasetOf(core)).toEqual(dataset);
    expect(core.stats()).toMatchObject({ quads: dataset.length, sequence: 1 });
    expect(core.query(ask, { format: 'text/csv', timeoutMs: 1000, maxResultBytes: 1e6 }).body).toBe('true');
    const write = core.update('INSERT DATA { <urn:test:after> <urn:test:p> 1 }', { timeoutMs: 1000 });
    expect(write.sequence).toBe(2);
    core.close();
    const reopened = await openPrimary(dir);
    expect(datasetOf(reopened)).toHaveLength(dataset.length + 1);
    reopened.close();
  });

  it('is refused on a primary that replicas follow', async () => {
    const core = await openPrimary(tempDir(), { onCommit: () => undefined });
    await expect(core.bulkLoad([patent()], defaultGraphName)).rejects.toThrow(/cannot be sent to replicas/);
    core.close();
  });
});
