import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRdfFormat } from '../src/rdf/formats.ts';
import { parseRdf } from '../src/rdf/parse.ts';
import { dump, problemOf, startServer, type TestServer } from './support/http.ts';
import { testStore } from './support/test-store.ts';

// The SPARQL 1.1 Graph Store HTTP Protocol: each verb on the default graph and on named graphs.

let server: TestServer;
beforeAll(async () => {
  server = await startServer(await testStore(), { openWrites: true });
});
afterAll(() => server.close());

const turtle = (body: string) => ({ headers: { 'content-type': 'text/turtle' }, body });
const put = (target: string, body: string) =>
  server.fetch(`/store?${target}`, { method: 'PUT', ...turtle(body) });
const post = (target: string, body: string) =>
  server.fetch(`/store?${target}`, { method: 'POST', ...turtle(body) });
const del = (target: string) => server.fetch(`/store?${target}`, { method: 'DELETE' });

/** The triples of a graph, as sorted N-Triples lines; undefined when GET answers 404. */
async function triples(target: string): Promise<string[] | undefined> {
  const res = await server.fetch(`/store?${target}`, { headers: { accept: 'application/n-triples' } });
  if (res.status === 404) return undefined;
  expect(res.status).toBe(200);
  return (await res.text()).split('\n').filter(Boolean).sort();
}

const named = (name: string) => `graph=${encodeURIComponent(`urn:test:${name}`)}`;

describe('a named graph', () => {
  const g = named('lifecycle');

  it('is 404 before it exists, for GET, HEAD and DELETE', async () => {
    for (const method of ['GET', 'HEAD', 'DELETE']) {
      expect((await server.fetch(`/store?${g}`, { method })).status).toBe(404);
    }
    expect((await problemOf(await server.fetch(`/store?${g}`))).detail).toContain('<urn:test:lifecycle>');
  });

  it('PUT creates it (201), then replaces it (204)', async () => {
    expect((await put(g, '<urn:s:a> <urn:p:v> 1 .')).status).toBe(201);
    expect((await put(g, '<urn:s:a> <urn:p:v> 2 .')).status).toBe(204);
    expect(await triples(g)).toEqual([
      '<urn:s:a> <urn:p:v> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .',
    ]);
  });

  it('POST adds to it (204)', async () => {
    expect((await post(g, '<urn:s:b> <urn:p:v> "b" .')).status).toBe(204);
    expect(await triples(g)).toHaveLength(2);
  });

  it('HEAD answers like GET, without a body', async () => {
    const res = await server.fetch(`/store?${g}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/turtle');
    expect(await res.text()).toBe('');
  });

  it('DELETE drops it (204); then it is 404', async () => {
    expect((await del(g)).status).toBe(204);
    expect(await triples(g)).toBeUndefined();
    expect((await del(g)).status).toBe(404);
  });

  it('POST to a new one creates it (201)', async () => {
    expect((await post(named('posted'), '<urn:s:c> <urn:p:v> "c" .')).status).toBe(201);
    expect(await triples(named('posted'))).toEqual(['<urn:s:c> <urn:p:v> "c" .']);
  });

  it('resolves relative IRIs in the body against the graph IRI', async () => {
    const g2 = `graph=${encodeURIComponent('http://example.org/graphs/rel')}`;
    expect((await put(g2, '<a> <urn:p:v> 1 .')).status).toBe(201);
    expect((await triples(g2))![0]).toMatch(/^<http:\/\/example\.org\/graphs\/a> /);
  });
});

describe('the default graph', () => {
  it('always exists: GET answers 200 even when it is empty', async () => {
    expect(await triples('default')).toEqual([]);
  });

  it('PUT replaces it and POST adds to it (204), leaving named graphs alone', async () => {
    expect((await put(named('keep'), '<urn:s:k> <urn:p:v> "k" .')).status).toBe(201);
    expect((await put('default', '<urn:s:d> <urn:p:v> 1 .')).status).toBe(204);
    expect((await put('default', '<urn:s:d> <urn:p:v> 2 .')).status).toBe(204);
    expect((await post('default', '<urn:s:e> <urn:p:v> 3 .')).status).toBe(204);
    expect(await triples('default')).toHaveLength(2);
    expect(await triples(named('keep'))).toHaveLength(1);
  });

  it('DELETE empties it (204)', async () => {
    expect((await del('default')).status).toBe(204);
    expect(await triples('default')).toEqual([]);
    expect(await triples(named('keep'))).toHaveLength(1);
  });
});

describe('POST to /store itself', () => {
  it('creates a graph with a fresh IRI under /store/: 201 and a Location that is its IRI and its URL', async () => {
    const res = await server.fetch('/store', { method: 'POST', ...turtle('<urn:s:n> <urn:p:v> "new" .') });
    expect(res.status).toBe(201);
    const { graph } = (await res.json()) as { graph: string };
    expect(graph).toMatch(new RegExp(`^${server.url}/store/[0-9a-f-]{36}$`));
    const location = res.headers.get('location')!;
    expect(location).toBe(graph);
    const again = await fetch(location, { headers: { accept: 'application/n-triples' } });
    expect(await again.text()).toBe('<urn:s:n> <urn:p:v> "new" .\n');
  });

  it('mints a different IRI each time', async () => {
    const create = () => server.fetch('/store', { method: 'POST', ...turtle('<urn:s:n> <urn:p:v> 1 .') });
    const [a, b] = await Promise.all([create(), create()]);
    expect(a!.headers.get('location')).not.toBe(b!.headers.get('location'));
  });
});

describe('request bodies in every RDF syntax', () => {
  const expected = ['<urn:s:x> <urn:p:v> "x" .'];
  it.each([
    ['text/turtle', '@prefix p: <urn:p:> . <urn:s:x> p:v "x" .'],
    ['application/n-triples', '<urn:s:x> <urn:p:v> "x" .'],
    [
      'application/rdf+xml',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:p="urn:p:"><rdf:Description rdf:about="urn:s:x"><p:v>x</p:v></rdf:Description></rdf:RDF>',
    ],
    ['application/ld+json', '{"@id": "urn:s:x", "urn:p:v": "x"}'],
    ['application/n-quads', '<urn:s:x> <urn:p:v> "x" .'],
    ['application/trig', '{ <urn:s:x> <urn:p:v> "x" . }'],
  ])('%s', async (type, body) => {
    const g = named(`syntax-${type.replace(/\W/g, '-')}`);
    const res = await server.fetch(`/store?${g}`, { method: 'PUT', headers: { 'content-type': type }, body });
    expect(res.status).toBe(201);
    expect(await triples(g)).toEqual(expected);
  });

  it('refuses a body that names graphs (400), and changes nothing', async () => {
    const before = await dump(server);
    const body = '<urn:g:other> { <urn:s:x> <urn:p:v> "x" . }';
    const res = await server.fetch(`/store?${named('trig')}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/trig' },
      body,
    });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(/names graphs/);
    expect(await dump(server)).toBe(before);
  });
});

it('refuses writes to the graphs imagegraph keeps read-only (403)', async () => {
  const res = await put(
    `graph=${encodeURIComponent('urn:imagegraph:graph:shapes')}`,
    '<urn:s:a> <urn:p:v> 1 .',
  );
  expect(res.status).toBe(403);
  expect((await problemOf(res)).detail).toMatch(/read-only/);
});

it('GET returns what PUT stored, in Turtle by default', async () => {
  const g = named('roundtrip');
  await put(g, '<urn:s:r> <urn:p:v> "r"@en .');
  const res = await server.fetch(`/store?${g}`);
  const quads = parseRdf(await res.text(), findRdfFormat('text/turtle')!, { where: 'response' });
  expect(quads.map((q) => q.object.value)).toEqual(['r']);
});
