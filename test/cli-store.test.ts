import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../src/cli/settings.ts';
import { findImporter } from '../src/importers/index.ts';
import { type Service, startService } from '../src/server.ts';
import { defaultGraphName, namedGraph } from '../src/store/store.ts';
import { type CliRun, runCli } from './support/cli.ts';
import { datasetOf, filesOf, openPrimary, tempDir } from './support/store.ts';

// The data-directory commands (load, query, dump, backup, restore) on real temporary directories; the service
// is a real one on 127.0.0.1, and the commands that must meet its lock run as real child processes.

const root = join(import.meta.dirname, '..');
const patent = join(root, 'data/patent.ttl');
const glance = join(root, 'test/fixtures/glance/images.json');
const invalid = join(root, 'test/fixtures/invalid/image/osBits-in.ttl');

/** `imagegraph ARGS…` as a child process, with the project's Node. */
async function runChild(args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/imagegraph.js', ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

const lines = (text: string): string[] => text.split('\n').filter(Boolean).sort();

async function dumpOf(dir: string): Promise<string[]> {
  const run = await runCli(['dump', '--data', dir]);
  expect(run.code).toBe(0);
  return lines(run.out);
}

type Load = readonly [file: string, from?: string, graph?: string];

/** The dataset the service's own load path (EmbeddedCore.load: parsed quads, a journal record) makes of LOADS. */
async function journalPathLines(...loads: Load[]): Promise<string[]> {
  const core = await openPrimary(tempDir());
  for (const [file, from, graph] of loads) {
    core.load(await findImporter(from, file).read(file), graph ? namedGraph(graph) : defaultGraphName);
  }
  const lines = datasetOf(core);
  core.close();
  return lines;
}

const images = 'SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i <https://w3id.org/imagegraph/ns#imageId> ?id }';

describe('imagegraph load, query and dump', () => {
  const dir = join(tempDir(), 'data');
  const query = join(tempDir(), 'images.rq');
  writeFileSync(query, images);

  it('loads a file into an empty data directory and reports the rate', async () => {
    const run = await runChild(['load', patent, '--data', dir]);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/^loaded 435 triples in \d+\.\d s \(\d+ triples\/s\)/m);
    expect(await dumpOf(dir)).toEqual(await journalPathLines([patent]));
  });

  it('loads more, from another format, into a named graph of a non-empty store', async () => {
    const run = await runCli([
      'load',
      glance,
      '--from',
      'glance',
      '--graph',
      'urn:test:glance',
      '--data',
      dir,
    ]);
    expect(run.code).toBe(0);
    expect(await dumpOf(dir)).toEqual(
      await journalPathLines([patent], [glance, 'glance', 'urn:test:glance']),
    );
  });

  it.each([
    ['a query file, as CSV by default', [query], 'n\r\n12\r\n'],
    ['a query file, as TSV', [query, '--format', 'tsv'], '?n\n12\n'],
    [
      'a named query, as JSON',
      ['--name', 'store/graph-has-quads', '--format', 'json'],
      '{"head":{},"boolean":true}',
    ],
  ])('runs %s', async (_name, args, out) => {
    const run = await runCli(['query', ...args, '--data', dir]);
    expect(run).toEqual({ code: 0, out, err: '' });
  });

  it('prints CONSTRUCT results as Turtle', async () => {
    const construct = join(tempDir(), 'construct.rq');
    writeFileSync(
      construct,
      'CONSTRUCT { ?g a <urn:test:Graph> } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g = <urn:test:glance>) }',
    );
    const run = await runCli(['query', construct, '--data', dir]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/<urn:test:glance> a <urn:test:Graph> \./);
  });

  it('exits 1 with the SHACL report on invalid data, and changes nothing', async () => {
    const files = filesOf(dir);
    const run = await runCli(['load', invalid, '--data', dir]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/VIOLATION id:image\/9001 {2}path ig:osBits {2}value "48"/);
    expect(run.out).toMatch(/^1 violation\(s\)/m);
    expect(run.err).toMatch(
      /the load was rejected: it would introduce 1 SHACL violation\(s\); nothing was changed/,
    );
    expect(filesOf(dir)).toEqual(files);
    const count = await runCli(['query', query, '--data', dir]);
    expect(count.out).toBe('n\r\n12\r\n');
  });

  it('loads invalid data with --no-validate', async () => {
    const other = join(tempDir(), 'data');
    const run = await runCli(['load', patent, invalid, '--no-validate', '--data', other]);
    expect(run.code).toBe(0);
    expect(await dumpOf(other)).toEqual(await journalPathLines([patent], [invalid]));
  });
});

describe('imagegraph backup and restore while a service takes writes', () => {
  const token = 'test-write-token';
  const dir = join(tempDir(), 'data');
  const nonEmpty = tempDir();
  writeFileSync(join(nonEmpty, 'notes.txt'), 'not a data directory');
  let service: Service;
  beforeAll(async () => {
    expect((await runCli(['load', patent, '--data', dir])).code).toBe(0);
    const settings = { ...readSettings({}, {}), data: dir, port: 0, host: '127.0.0.1', copies: 2 };
    service = await startService({ settings, writeToken: token, log: () => undefined });
  });
  afterAll(() => service?.close());

  const write = async (n: number) => {
    const update = `INSERT DATA { GRAPH <urn:test:log> { <urn:test:write:${n}> <urn:test:n> ${n} } }`;
    const res = await fetch(`${service.url}/sparql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: new URLSearchParams({ update }),
    });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  };

  it('backs up a prefix of the acknowledged writes, which restores exactly', async () => {
    let acknowledged = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop) await write(++acknowledged);
    })();
    while (acknowledged < 5) await new Promise((r) => setTimeout(r, 10));
    const backup = join(tempDir(), 'backup');
    const atStart = acknowledged - 1;
    const run = await runChild(['backup', backup, '--data', dir]);
    const atEnd = acknowledged;
    stop = true;
    await writer;
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/^backed up \d+ quads \(up to write \d+\) to /);
    expect(atEnd - atStart).toBeGreaterThan(1); // writes were acknowledged while the backup ran

    const restored = join(tempDir(), 'restored');
    expect((await runCli(['restore', backup, '--data', restored])).code).toBe(0);
    const dump = await dumpOf(restored);
    const logged = dump.filter((l) => l.includes('<urn:test:log>')).length;
    expect(logged).toBeGreaterThanOrEqual(atStart);
    expect(logged).toBeLessThanOrEqual(atEnd);
    const prefix = Array.from(
      { length: logged },
      (_, i) =>
        `<urn:test:write:${i + 1}> <urn:test:n> "${i + 1}"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:test:log> .`,
    );
    expect(dump).toEqual([...(await journalPathLines([patent])), ...prefix].sort());
  });

  it.each([
    ['a missing file', ['load', 'no-such-file.ttl', '--data', join(tempDir(), 'd')], /cannot read the file/],
    [
      'a data directory a running service owns',
      ['load', patent, '--data', dir],
      new RegExp(`in use by process ${process.pid}, a running imagegraph[\\s\\S]*POST it to /store`),
    ],
    [
      'an unknown named query',
      ['query', '--name', 'no/such-query', '--data', dir],
      /there is no named query/,
    ],
    [
      'an update given to query',
      ['query', '--name', 'align/apply-alignment', '--data', dir],
      /expected a SPARQL query but found an update/,
    ],
    [
      'a data directory that does not exist',
      ['dump', '--data', join(dir, 'nothing')],
      /no data directory here/,
    ],
    ['a relative graph name', ['load', patent, '--graph', 'catalogue', '--data', dir], /not an absolute IRI/],
    [
      'a restore into a non-empty directory',
      ['restore', dir, '--data', nonEmpty],
      /the directory is not empty/,
    ],
    [
      'a restore of something that is no backup',
      ['restore', nonEmpty, '--data', join(tempDir(), 'x')],
      /not an imagegraph backup/,
    ],
    ['a restore into a running service', ['restore', dir, '--data', dir, '--force'], /in use by process/],
  ])('exits 2 on %s', async (_name, args, message) => {
    const files = filesOf(dir);
    const run = await runChild(args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
    expect(filesOf(dir)).toEqual(files);
  });
});
