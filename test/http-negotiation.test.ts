import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRdfFormat } from '../src/rdf/formats.ts';
import { parseRdf } from '../src/rdf/parse.ts';
import { form, problemOf, startServer, type TestServer } from './support/http.ts';
import { testStore } from './support/test-store.ts';

// Content negotiation: the Accept header, with q-values and wildcards, chooses the Content-Type.

let server: TestServer;
beforeAll(async () => {
  server = await startServer(await testStore(), { openWrites: true });
  const update =
    'INSERT DATA { <urn:s:a> <urn:p:q> "one", "two" . GRAPH <urn:g:g> { <urn:s:a> <urn:p:r> 1 } }';
  expect((await server.fetch('/sparql', { method: 'POST', ...form(['update', update]) })).status).toBe(200);
});
afterAll(() => server.close());

const get = (path: string, accept: string | undefined) =>
  server.fetch(path, accept === undefined ? {} : { headers: { accept } });
const select = `/sparql?query=${encodeURIComponent('SELECT ?o WHERE { ?s <urn:p:q> ?o } ORDER BY ?o')}`;
const construct = `/sparql?query=${encodeURIComponent('CONSTRUCT WHERE { ?s <urn:p:q> ?o }')}`;

/** How each solutions format starts, so that a mislabelled body fails. */
const solutionsStart: Record<string, RegExp> = {
  'application/sparql-results+json': /^\{"head":\{"vars":\["o"\]\}/,
  'application/sparql-results+xml': /^<\?xml/,
  'text/csv': /^o\r\none\r\ntwo/,
  'text/tab-separated-values': /^\?o\n"one"\n"two"/,
};

describe('SELECT results', () => {
  it.each([
    [undefined, 'application/sparql-results+json'],
    ['*/*', 'application/sparql-results+json'],
    ['application/sparql-results+json', 'application/sparql-results+json'],
    ['application/json', 'application/sparql-results+json'],
    ['application/sparql-results+xml', 'application/sparql-results+xml'],
    ['text/csv', 'text/csv'],
    ['text/tab-separated-values', 'text/tab-separated-values'],
    ['text/*', 'text/csv'],
    ['text/csv;q=0.5, text/tab-separated-values;q=0.9', 'text/tab-separated-values'],
    ['application/sparql-results+json;q=0, */*;q=0.1', 'application/sparql-results+xml'],
    ['text/turtle, text/csv;q=0.2', 'text/csv'],
    ['text/tab-separated-values, text/csv', 'text/tab-separated-values'],
    ['text/csv, text/tab-separated-values', 'text/csv'],
    ['not a media range', 'application/sparql-results+json'],
  ])('Accept: %s → %s', async (accept, mediaType) => {
    const res = await get(select, accept);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')?.split(';')[0]).toBe(mediaType);
    expect(res.headers.get('vary')).toMatch(/accept/i);
    expect(await res.text()).toMatch(solutionsStart[mediaType]!);
  });
});

describe('CONSTRUCT results', () => {
  it.each([
    [undefined, 'text/turtle'],
    ['*/*', 'text/turtle'],
    ['text/turtle', 'text/turtle'],
    ['application/n-triples', 'application/n-triples'],
    ['application/rdf+xml', 'application/rdf+xml'],
    ['application/ld+json', 'application/ld+json'],
    ['application/json', 'application/ld+json'],
    ['application/n-quads', 'application/n-quads'],
    ['application/trig', 'application/trig'],
    ['application/*;q=0.8, text/turtle;q=0.1', 'application/n-triples'],
    ['application/trig;q=0.9, application/rdf+xml', 'application/rdf+xml'],
  ])('Accept: %s → %s, and the body parses in it', async (accept, mediaType) => {
    const res = await get(construct, accept);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')?.split(';')[0]).toBe(mediaType);
    const quads = parseRdf(await res.text(), findRdfFormat(mediaType)!, { where: 'response' });
    expect(quads).toHaveLength(2);
  });
});

describe('Graph Store GET', () => {
  it.each([
    [undefined, 'text/turtle'],
    ['application/rdf+xml;q=0.9, application/n-triples', 'application/n-triples'],
    ['application/ld+json', 'application/ld+json'],
  ])('Accept: %s → %s', async (accept, mediaType) => {
    const res = await get('/store?graph=urn:g:g', accept);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')?.split(';')[0]).toBe(mediaType);
    expect(parseRdf(await res.text(), findRdfFormat(mediaType)!, { where: 'response' })).toHaveLength(1);
  });
});

describe('406 Not Acceptable lists what is available', () => {
  it.each([
    [select, 'image/png', 'text/csv'],
    [select, 'text/turtle', 'application/sparql-results+xml'],
    [
      select,
      'application/sparql-results+json;q=0, application/sparql-results+xml;q=0, text/*;q=0',
      'text/csv',
    ],
    [construct, 'application/sparql-results+json', 'application/trig'],
    ['/store?graph=urn:g:g', 'application/n-quads', 'application/ld+json'],
    ['/sparql', 'text/csv', 'text/turtle'],
  ])('%s with Accept: %s', async (path, accept, offered) => {
    const res = await get(path, accept);
    expect(res.status).toBe(406);
    const problem = await problemOf(res);
    expect(problem.available).toContain(offered);
    expect(problem.detail).toContain(accept);
  });
});
