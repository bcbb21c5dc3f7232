import { beforeAll, describe, expect, it } from 'vitest';
import { HYDRA } from '../src/api/context.ts';
import { rdf } from '../src/vocab.ts';
import {
  call,
  canonicalLines,
  contextLoader,
  getJson,
  idOf,
  type Json,
  jsonldLines,
  resources,
  statementsOf,
  useApi,
} from './support/api.ts';
import { problemOf } from './support/http.ts';

// Every document the API answers is JSON-LD whose RDF (expanded by jsonld.js with the context the server
// serves, nothing fetched from elsewhere) is exactly what the store holds; RDF syntaxes give the same.

const fx = useApi();
let loader: Awaited<ReturnType<typeof contextLoader>>;
beforeAll(async () => {
  loader = await contextLoader(fx);
});

/** The statements a list page adds about itself: it is a hydra:Collection of its items, with a next. */
const pageLines = (page: Json): string[] => [
  `<${page.id}> <${rdf('type')}> <${HYDRA}Collection>`,
  ...page.items.map((i: Json) => `<${page.id}> <${HYDRA}member> <${i.id}>`),
  ...(page.next ? [`<${page.id}> <${HYDRA}next> <${page.next}>`] : []),
];

const rdfFormats = [
  ['text/turtle', 'turtle'],
  ['application/n-triples', 'ntriples'],
  ['application/n-quads', 'nquads'],
  ['application/trig', 'trig'],
  ['application/rdf+xml', 'rdfxml'],
] as const;

describe('the context', () => {
  it('is served at both its URLs, as JSON-LD, and every key of every collection is defined in it', async () => {
    const a = await call(fx, '/api/context.jsonld');
    const b = await call(fx, '/api/context/v1.jsonld');
    expect(a.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const context = (await b.json()) as Json;
    expect(await a.json()).toEqual(context);
    for (const r of resources)
      for (const name of r.properties.keys()) expect(context['@context'][name]).toBeDefined();
  });
});

describe.each(resources.map((r) => [r.path, r] as const))('/api/%s as JSON-LD', (path, resource) => {
  it('every member document expands to the statements the store holds about it', async () => {
    const { body: list } = await getJson(fx, `/api/${path}?limit=1000`);
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      const { res, body } = await getJson(fx, `/api/${path}/${idOf(resource, item.id)}`);
      expect(res.status).toBe(200);
      expect(await jsonldLines(body, loader)).toEqual(await statementsOf(fx, [item.id]));
    }
  });

  it('every list page expands to its members’ statements plus the page’s hydra statements', async () => {
    let next: string | undefined = `/api/${path}?limit=3`;
    for (let pages = 0; next; pages++) {
      const { body: page } = await getJson(fx, next);
      const members = await statementsOf(
        fx,
        page.items.map((i: Json) => i.id),
      );
      expect(await jsonldLines(page, loader)).toEqual([...members, ...pageLines(page)].sort());
      next = page.next ? new URL(page.next).pathname + new URL(page.next).search : undefined;
      expect(pages).toBeLessThan(100);
    }
  });

  it.each(rdfFormats)(
    'Accept: %s gives the same statements for a member and a page',
    async (accept, format) => {
      const { body: page } = await getJson(fx, `/api/${path}?limit=2`);
      const member = page.items[0];
      const one = await call(fx, `/api/${path}/${idOf(resource, member.id)}`, { headers: { accept } });
      expect(one.status).toBe(200);
      expect(one.headers.get('content-type')?.split(';')[0]).toBe(accept);
      expect(canonicalLines(await one.text(), format)).toEqual(await statementsOf(fx, [member.id]));
      const many = await call(fx, `/api/${path}?limit=2`, { headers: { accept } });
      expect(many.status).toBe(200);
      const members = await statementsOf(
        fx,
        page.items.map((i: Json) => i.id),
      );
      expect(canonicalLines(await many.text(), format)).toEqual([...members, ...pageLines(page)].sort());
    },
  );
});

describe('content negotiation', () => {
  it('Accept: application/json gives the same document as plain JSON', async () => {
    const ld = await getJson(fx, '/api/images/1001');
    const plain = await getJson(fx, '/api/images/1001', { accept: 'application/json' });
    expect(plain.res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(plain.body).toEqual(ld.body);
    const list = await getJson(fx, '/api/images?limit=2', { accept: 'application/json' });
    expect(list.res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(list.res.headers.get('vary')).toMatch(/accept/i);
  });

  it.each([['text/html'], ['image/png'], ['application/sparql-results+json']])(
    'Accept: %s is a 406 naming what is available',
    async (accept) => {
      for (const path of ['/api/images/1001', '/api/images']) {
        const res = await call(fx, path, { headers: { accept } });
        expect(res.status).toBe(406);
        const problem = await problemOf(res);
        expect(problem.available).toContain('application/ld+json');
      }
    },
  );
});
