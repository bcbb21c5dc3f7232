import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dump, form, problemOf, startServer, type TestServer } from './support/http.ts';
import { testStore } from './support/test-store.ts';

// Bad input, endpoint by endpoint: each gets its documented 4xx, a problem document that says what to fix,
// and leaves the store exactly as it was.

const token = 'w-token';
const auth = { authorization: `Bearer ${token}` };
const limits = { maxBodyBytes: 2048, maxQueryChars: 1000, timeoutMs: 10_000 };

let server: TestServer;
beforeAll(async () => {
  server = await startServer(await testStore(), { writeToken: token, ...limits });
  const seed = 'INSERT DATA { <urn:s:a> <urn:p:v> 1 . GRAPH <urn:g:a> { <urn:s:a> <urn:p:v> 2 } }';
  expect((await postForm(['update', seed])).status).toBe(200);
});
afterAll(() => server.close());

/** A syntax error's position as the message names it: 'line 3, column 6' (sparqljs) or '3:6' (Oxigraph). */
const at = (line: number) => new RegExp(`line ${line}, column \\d+|\\b${line}:\\d+`);

type Case = [name: string, status: number, detail: RegExp, send: () => Promise<Response>];

const q = (text: string, extra = '') => server.fetch(`/sparql?query=${encodeURIComponent(text)}${extra}`);
/** A body as bytes, so that fetch adds no Content-Type of its own. */
const bytes = (text: string) => new TextEncoder().encode(text);
const post = (
  type: string | undefined,
  body: string,
  headers: Record<string, string> = auth,
  path = '/sparql',
) =>
  server.fetch(path, {
    method: 'POST',
    headers: { ...(type ? { 'content-type': type } : {}), ...headers },
    body: bytes(body),
  });
const postForm = (...pairs: [string, string][]) =>
  post('application/x-www-form-urlencoded', form(...pairs).body);
const putGraph = (
  type: string | undefined,
  body: string,
  target = 'graph=urn:g:a',
  headers: Record<string, string> = auth,
) =>
  server.fetch(`/store?${target}`, {
    method: 'PUT',
    headers: { ...(type ? { 'content-type': type } : {}), ...headers },
    body: bytes(body),
  });
const big = 'x'.repeat(limits.maxBodyBytes + 1);
const bigTurtle = `<urn:s:a> <urn:p:v> "${big}" .`;

const sparqlCases: Case[] = [
  ['malformed query', 400, at(1), () => q('SELECT * WHERE { ?s ?p }')],
  ['malformed query on line 3', 400, at(3), () => q('SELECT *\nWHERE {\n  ?s ?p }')],
  ['not a query form', 400, /line 1, column 1\b/, () => q('SELEKT * WHERE {}')],
  ['an update sent as a query', 400, /update/, () => q('INSERT DATA { <urn:a> <urn:b> <urn:c> }')],
  ['empty query', 400, /empty/, () => q('')],
  ['an IRI with a space', 400, /invalid SPARQL query/, () => q('SELECT * WHERE { <urn:a b> ?p ?o }')],
  ['empty update', 400, /empty/, () => post('application/sparql-update', ' \n')],
  ['malformed update', 400, at(1), () => postForm(['update', 'INSERT DATA { <urn:a> }'])],
  [
    'malformed update body',
    400,
    at(2),
    () => post('application/sparql-update', 'DELETE WHERE {\n ?s ?p ?o ?x }'),
  ],
  ['update via GET', 400, /POST/, () => server.fetch(`/sparql?update=${encodeURIComponent('CLEAR ALL')}`)],
  [
    'query and update in one form',
    400,
    /not both/,
    () => postForm(['query', 'ASK {}'], ['update', 'CLEAR ALL']),
  ],
  ['two queries', 400, /once/, () => q('ASK {}', `&query=${encodeURIComponent('ASK {}')}`)],
  ['two updates', 400, /once/, () => postForm(['update', 'CLEAR ALL'], ['update', 'CLEAR ALL'])],
  ['a form with neither', 400, /neither query= nor update=/, () => postForm(['timeout', '1'])],
  [
    'query= in the URL of a direct update',
    400,
    /body is the operation/,
    () => post('application/sparql-update', 'CLEAR ALL', auth, '/sparql?query=x'),
  ],
  ['unsupported Content-Type', 415, /application\/sparql-update/, () => post('text/plain', 'CLEAR ALL')],
  ['no Content-Type', 415, /no Content-Type/, () => post(undefined, 'CLEAR ALL')],
  [
    'JSON body',
    415,
    /application\/x-www-form-urlencoded/,
    () => post('application/json', '{"update":"CLEAR ALL"}'),
  ],
  ['oversize body', 413, /2048-byte limit/, () => post('application/sparql-update', `# ${big}\nCLEAR ALL`)],
  ['oversize form', 413, /2048-byte limit/, () => postForm(['update', `CLEAR ALL # ${big}`])],
  [
    'update text too long',
    413,
    /limit is 1000/,
    () => postForm(['update', `CLEAR ALL # ${'x'.repeat(1000)}`]),
  ],
  ['query text too long', 413, /limit is 1000/, () => q(`ASK {} # ${'x'.repeat(1000)}`)],
  ['timeout above the maximum', 400, /at most 10/, () => q('ASK {}', '&timeout=11')],
  ['timeout of 0', 400, /above 0/, () => q('ASK {}', '&timeout=0')],
  ['timeout not a number', 400, /number of seconds/, () => q('ASK {}', '&timeout=soon')],
  ['timeout twice', 400, /once/, () => q('ASK {}', '&timeout=1&timeout=2')],
  [
    'default-graph-uri not an IRI',
    400,
    /absolute IRI/,
    () => q('ASK {}', '&default-graph-uri=not%20an%20iri'),
  ],
  ['using-graph-uri on a query', 400, /applies to updates/, () => q('ASK {}', '&using-graph-uri=urn:g:a')],
  [
    'default-graph-uri on an update',
    400,
    /applies to queries/,
    () => postForm(['update', 'CLEAR ALL'], ['default-graph-uri', 'urn:g:a']),
  ],
  ['update without a token', 401, /Bearer/, () => post('application/sparql-update', 'CLEAR ALL', {})],
  [
    'update with a wrong token',
    403,
    /write token/,
    () => post('application/sparql-update', 'CLEAR ALL', { authorization: 'Bearer no' }),
  ],
  ['PUT to /sparql', 405, /POST/, () => server.fetch('/sparql', { method: 'PUT', body: 'CLEAR ALL' })],
];

const storeCases: Case[] = [
  ['no graph named', 400, /\?graph=IRI.*\?default/, () => putGraph('text/turtle', '', '')],
  ['both graph and default', 400, /either/, () => putGraph('text/turtle', '', 'graph=urn:g:a&default')],
  ['two graphs', 400, /once/, () => putGraph('text/turtle', '', 'graph=urn:g:a&graph=urn:g:b')],
  ['graph not an IRI', 400, /absolute IRI/, () => putGraph('text/turtle', '', 'graph=a%20b')],
  ['GET without a graph', 400, /name the graph/, () => server.fetch('/store')],
  [
    'DELETE without a graph',
    400,
    /name the graph/,
    () => server.fetch('/store', { method: 'DELETE', headers: auth }),
  ],
  [
    'invalid Turtle',
    400,
    /line 2/,
    () => putGraph('text/turtle', '<urn:s:a> <urn:p:v> 1 .\n<urn:s:b> <urn:p:v> .'),
  ],
  [
    'invalid N-Triples',
    400,
    /line 3/,
    () => putGraph('application/n-triples', '<urn:s:a> <urn:p:v> "1" .\n\n<urn:s:b> <urn:p:v>'),
  ],
  [
    'invalid RDF/XML',
    400,
    /rdfxml/,
    () =>
      putGraph(
        'application/rdf+xml',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<oops',
      ),
  ],
  ['invalid JSON-LD', 400, /jsonld/, () => putGraph('application/ld+json', '{"@id": ')],
  [
    'a body that names graphs',
    400,
    /names graphs/,
    () => putGraph('application/n-quads', '<urn:s:a> <urn:p:v> "1" <urn:g:b> .'),
  ],
  ['unsupported Content-Type', 415, /text\/turtle/, () => putGraph('text/plain', '<urn:s:a> <urn:p:v> 1 .')],
  ['no Content-Type', 415, /no Content-Type/, () => putGraph(undefined, '<urn:s:a> <urn:p:v> 1 .')],
  ['oversize body', 413, /2048-byte limit/, () => putGraph('text/turtle', bigTurtle)],
  ['oversize POST', 413, /2048-byte limit/, () => post('text/turtle', bigTurtle, auth, '/store')],
  ['PUT without a token', 401, /Bearer/, () => putGraph('text/turtle', '', 'graph=urn:g:a', {})],
  [
    'DELETE with a wrong token',
    403,
    /write token/,
    () => server.fetch('/store?default', { method: 'DELETE', headers: { authorization: 'Bearer no' } }),
  ],
  [
    'PATCH',
    405,
    /GET, HEAD, PUT, POST and DELETE/,
    () => server.fetch('/store?default', { method: 'PATCH', headers: auth }),
  ],
];

const otherCases: Case[] = [['an unknown path', 404, /\/sparql/, () => server.fetch('/nothing-here')]];

describe.each([
  ['/sparql', sparqlCases],
  ['/store', storeCases],
  ['elsewhere', otherCases],
])('%s', (_endpoint, cases) => {
  it.each(cases)('%s → %i', async (_name, status, detail, send) => {
    const before = await dump(server);
    const res = await send();
    expect(res.status).toBe(status);
    const problem = await problemOf(res);
    expect(problem).toMatchObject({ status, instance: res.headers.get('x-request-id') });
    expect(problem.type).toMatch(/^https:\/\/w3id\.org\/imagegraph\/problems\/[a-z-]+$/);
    expect(problem.detail).toMatch(detail);
    expect(await dump(server)).toBe(before);
  });
});
