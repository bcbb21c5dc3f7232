import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueryOptions, UpdateOptions } from '../src/store/store.ts';
import { form, startServer, type TestServer } from './support/http.ts';
import { type StoreCall, spyStore } from './support/store-spy.ts';
import { testStore } from './support/test-store.ts';

// The SPARQL 1.1 Protocol over HTTP: every way to send a query or an update, and the dataset parameters.

const data = `INSERT DATA {
  <urn:s:a> <urn:p:name> "in default" .
  GRAPH <urn:g:one> { <urn:s:b> <urn:p:name> "in one" }
  GRAPH <urn:g:two> { <urn:s:c> <urn:p:name> "in two" }
}`;
const names = 'SELECT ?name WHERE { ?s <urn:p:name> ?name } ORDER BY ?name';
const namedNames = 'SELECT ?g ?name WHERE { GRAPH ?g { ?s <urn:p:name> ?name } } ORDER BY ?g';

let server: TestServer;
let calls: StoreCall[];
beforeAll(async () => {
  const spy = spyStore(await testStore());
  calls = spy.calls;
  server = await startServer(spy.store, { openWrites: true, timeoutMs: 20_000 });
  const res = await server.fetch('/sparql', { method: 'POST', ...form(['update', data]) });
  expect(res.status).toBe(200);
});
afterAll(() => server.close());
beforeEach(() => {
  calls.length = 0;
});

type Send = (query: string, params?: [string, string][]) => Promise<Response>;
const qs = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();

const queryWays: [string, Send][] = [
  ['GET ?query=', (q, p = []) => server.fetch(`/sparql?${qs([['query', q], ...p])}`)],
  [
    'POST form query=',
    (q, p = []) => server.fetch('/sparql', { method: 'POST', ...form(['query', q], ...p) }),
  ],
  [
    'POST application/sparql-query',
    (q, p = []) =>
      server.fetch(`/sparql?${qs(p)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/sparql-query; charset=utf-8' },
        body: q,
      }),
  ],
];

const values = async (res: Response): Promise<string[]> => {
  expect(res.status).toBe(200);
  const json = (await res.json()) as { results: { bindings: { name: { value: string } }[] } };
  return json.results.bindings.map((b) => b.name.value);
};

describe.each(queryWays)('query by %s', (_way, send) => {
  it('answers from the union of all graphs by default (sd:UnionDefaultGraph)', async () => {
    expect(await values(await send(names))).toEqual(['in default', 'in one', 'in two']);
  });

  it('takes the default graph from default-graph-uri, repeated', async () => {
    const params: [string, string][] = [
      ['default-graph-uri', 'urn:g:one'],
      ['default-graph-uri', 'urn:g:two'],
    ];
    expect(await values(await send(names, params))).toEqual(['in one', 'in two']);
    expect((calls[0]!.args[1] as QueryOptions).defaultGraphs).toEqual(['urn:g:one', 'urn:g:two']);
  });

  it('limits the named graphs to named-graph-uri', async () => {
    const res = await send(namedNames, [['named-graph-uri', 'urn:g:two']]);
    expect(await values(res)).toEqual(['in two']);
    expect((calls[0]!.args[1] as QueryOptions).namedGraphs).toEqual(['urn:g:two']);
  });

  it('passes the timeout parameter to the store in milliseconds, the deployment limit otherwise', async () => {
    await values(await send(names, [['timeout', '2.5']]));
    await values(await send(names));
    expect(calls.map((c) => (c.args[1] as QueryOptions).timeoutMs)).toEqual([2500, 20_000]);
  });
});

type SendUpdate = (update: string, params?: [string, string][]) => Promise<Response>;
const updateWays: [string, SendUpdate][] = [
  [
    'POST form update=',
    (u, p = []) => server.fetch('/sparql', { method: 'POST', ...form(['update', u], ...p) }),
  ],
  [
    'POST application/sparql-update',
    (u, p = []) =>
      server.fetch(`/sparql?${qs(p)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/sparql-update' },
        body: u,
      }),
  ],
];

describe.each(updateWays)('update by %s', (way, send) => {
  const graph = `urn:g:${way.replace(/\W+/g, '-')}`;

  it('changes the store and says how much', async () => {
    const res = await send(`INSERT DATA { GRAPH <${graph}> { <urn:s:x> <urn:p:name> "new" } }`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ inserted: 1, deleted: 0 });
    const check = await server.fetch(
      `/sparql?${qs([
        ['query', names],
        ['default-graph-uri', graph],
      ])}`,
    );
    expect(await values(check)).toEqual(['new']);
  });

  it('reads its WHERE from using-graph-uri and using-named-graph-uri', async () => {
    const copy = `INSERT { GRAPH <${graph}-copy> { ?s <urn:p:copied> ?name } } WHERE { ?s <urn:p:name> ?name }`;
    const res = await send(copy, [
      ['using-graph-uri', 'urn:g:two'],
      ['using-named-graph-uri', 'urn:g:one'],
      ['timeout', '3'],
    ]);
    expect(res.status).toBe(200);
    const options = calls.find((c) => c.method === 'update')!.args[1] as UpdateOptions;
    expect(options).toMatchObject({
      usingGraphs: ['urn:g:two'],
      usingNamedGraphs: ['urn:g:one'],
      timeoutMs: 3000,
    });
    const copied = `SELECT ?name WHERE { GRAPH <${graph}-copy> { ?s <urn:p:copied> ?name } }`;
    expect(await values(await server.fetch(`/sparql?${qs([['query', copied]])}`))).toEqual(['in two']);
  });
});

describe('query forms', () => {
  it.each([
    ['ASK { ?s ?p ?o }', 'application/sparql-results+json', '"boolean":true'],
    [
      'PREFIX p: <urn:p:> # a comment\nSELECT * WHERE { ?s p:name ?n }',
      'application/sparql-results+json',
      '"bindings"',
    ],
    ['CONSTRUCT WHERE { ?s <urn:p:name> ?o }', 'text/turtle', '<urn:s:a>'],
    ['BASE <http://example.org/> DESCRIBE <urn:s:a>', 'text/turtle', '<urn:s:a>'],
  ])('%s → %s', async (query, mediaType, fragment) => {
    const res = await server.fetch(`/sparql?${qs([['query', query]])}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(mediaType);
    expect(await res.text()).toContain(fragment);
  });
});
