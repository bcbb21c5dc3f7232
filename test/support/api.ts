import { createHash } from 'node:crypto';
import jsonld from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadApiModel } from '../../src/api/model.ts';
import type { ApiProperty, ApiResource } from '../../src/api/schema.ts';
import { generateFederation } from '../../src/generator/federation.ts';
import { findPreset } from '../../src/generator/presets.ts';
import { parseRdf, readRdfFile, requireRdfFormat } from '../../src/rdf/parse.ts';
import { termString } from '../../src/rdf/terms.ts';
import { defaultGraphName } from '../../src/store/store.ts';
import { ID_BASE } from '../../src/vocab.ts';
import { dump, startServer, type TestServer } from './http.ts';
import { type StoreCall, spyStore } from './store-spy.ts';
import { testStore } from './test-store.ts';

// Shared by the test/api-*.test.ts files: a real server over a real store holding the patent catalogue and a
// generated federation (every collection has members), and helpers that speak HTTP, SPARQL and JSON-LD.

/** The API's model, made from shapes/ and ontology/ as the service makes it; the tables tests are made from. */
export const model = await loadApiModel();
export const resources = model.resources;
export const resourceOf = (path: string): ApiResource => model.byPath.get(path)!;

export interface ApiFixture {
  server: TestServer;
  /** The write token the server wants, when it wants one. */
  token: string | undefined;
  /** Every call the server made to the store, oldest first. */
  calls: StoreCall[];
}

let generated: string | undefined;

/** A server with the API over a fresh store (the catalogue loaded unless DATA is false), for one test file. */
export function useApi(options: { writeToken?: string; data?: boolean } = {}): ApiFixture {
  const fixture = { token: options.writeToken } as ApiFixture;
  beforeAll(async () => {
    const store = await testStore();
    if (options.data !== false) {
      await store.load(await readRdfFile('data/patent.ttl'), defaultGraphName);
      if (generated === undefined) {
        let text = '';
        await generateFederation({ preset: findPreset('tiny'), seed: 3 }, (chunk: string) => {
          text += chunk;
        });
        generated = text;
      }
      await store.load(
        parseRdf(generated, requireRdfFormat('ntriples'), { where: 'tiny' }),
        defaultGraphName,
      );
    }
    const config = options.writeToken ? { writeToken: options.writeToken } : { openWrites: true };
    const spy = spyStore(store);
    fixture.calls = spy.calls;
    fixture.server = await startServer(spy.store, config, model);
    // /sparql reads the union of all graphs, the API the default graph: they agree on members when the named
    // graphs (the service's ontology and shapes) say nothing about them.
    const inNamedGraphs = `SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?s), "${ID_BASE}")) } LIMIT 1`;
    expect(await select(fixture, inNamedGraphs)).toEqual([]);
  }, 120_000);
  afterAll(() => fixture.server?.close());
  return fixture;
}

const authorization = (fx: ApiFixture): Record<string, string> =>
  fx.token ? { authorization: `Bearer ${fx.token}` } : {};

/** A request to the server, with the write token when there is one. */
export const call = (fx: ApiFixture, path: string, init: RequestInit = {}): Promise<Response> =>
  fx.server.fetch(path, { ...init, headers: { ...authorization(fx), ...(init.headers as object) } });

/** GET PATH as JSON; the response and its parsed body. */
export async function getJson(fx: ApiFixture, path: string, headers: Record<string, string> = {}) {
  const res = await call(fx, path, { headers });
  const text = await res.text();
  return { res, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as Json };
}

// biome-ignore lint/suspicious/noExplicitAny: API documents are read field by field.
export type Json = any;

/** A write with a JSON body (a string is sent as it is); PATCH bodies are merge patches unless TYPE says. */
export async function send(
  fx: ApiFixture,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const type = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  const res = await call(fx, path, {
    method,
    headers: { 'content-type': type, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    res,
    body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as Json,
  };
}

export type Binding = { type: string; value: string; datatype?: string; 'xml:lang'?: string };

/** The solutions of a SELECT over /sparql. */
export async function select(fx: ApiFixture, query: string): Promise<Record<string, Binding>[]> {
  const res = await call(fx, `/sparql?query=${encodeURIComponent(query)}`, {
    headers: { accept: 'application/sparql-results+json' },
  });
  if (res.status !== 200) throw new Error(`SELECT failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { results: { bindings: Record<string, Binding>[] } }).results.bindings;
}

/** The number a SELECT (COUNT(…) AS ?n) answers. */
export const count = async (fx: ApiFixture, query: string): Promise<number> =>
  Number((await select(fx, query))[0]!.n!.value);

/** Runs a SPARQL update through /sparql; it must succeed. */
export async function update(fx: ApiFixture, text: string): Promise<void> {
  const res = await call(fx, '/sparql', {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-update' },
    body: text,
  });
  if (res.status !== 200) throw new Error(`update failed: ${res.status} ${await res.text()}`);
}

/** RDF text in FORMAT (a name of rdf/formats.ts) as sorted N-Triples-like lines, one way of writing each term. */
export function canonicalLines(text: string, format = 'nquads'): string[] {
  return parseRdf(text, requireRdfFormat(format), { where: 'response' })
    .map((q) => `${termString(q.subject)} ${termString(q.predicate)} ${termString(q.object)}`)
    .sort();
}

/** The statements of a CONSTRUCT over /sparql, as canonical lines. */
export async function construct(fx: ApiFixture, query: string): Promise<string[]> {
  const res = await call(fx, `/sparql?query=${encodeURIComponent(query)}`, {
    headers: { accept: 'application/n-triples' },
  });
  if (res.status !== 200) throw new Error(`CONSTRUCT failed: ${res.status} ${await res.text()}`);
  return canonicalLines(await res.text());
}

/** Every statement whose subject is one of IRIS, as the store holds it. */
export const statementsOf = (fx: ApiFixture, iris: readonly string[]): Promise<string[]> =>
  iris.length === 0
    ? Promise.resolve([])
    : construct(
        fx,
        `CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { ${iris.map((i) => `<${i}>`).join(' ')} } ?s ?p ?o }`,
      );

/** Every quad of the store (see http.ts). */
export const dumpOf = (fx: ApiFixture): Promise<string> => dump(fx.server, fx.token);

/** A JSON-LD document loader that serves the API's context (fetched from the server) under its URL only. */
export async function contextLoader(fx: ApiFixture) {
  const url = `${fx.server.url}/api/context/v1.jsonld`;
  const document = (await (await call(fx, '/api/context/v1.jsonld')).json()) as RemoteDocument['document'];
  return async (asked: string): Promise<RemoteDocument> => {
    if (asked !== url) throw new Error(`the test's document loader serves only ${url}, not ${asked}`);
    return { contextUrl: undefined, documentUrl: asked, document };
  };
}

/** The RDF a JSON-LD document states, by jsonld.js, as canonical lines. */
export async function jsonldLines(doc: object, documentLoader: Awaited<ReturnType<typeof contextLoader>>) {
  const nquads = await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
    documentLoader,
  });
  return canonicalLines(String(nquads));
}

export const memberIri = (resource: ApiResource, id: string): string => `${ID_BASE}${resource.idKind}/${id}`;
export const idOf = (resource: ApiResource, iri: string): string =>
  iri.slice(`${ID_BASE}${resource.idKind}/`.length);
/** The JSON name of RESOURCE's id property (imageId, siteId, …), when members are named by one. */
export const idName = (resource: ApiResource): string | undefined => resource.idProperty?.split('#')[1];

/** The IRI or lexical form a JSON value of PROPERTY stands for: what the store compares and sorts by. */
export function lexical(property: ApiProperty, value: unknown): string {
  if (property.value.kind === 'literal') return String(value);
  const text = String(value);
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
  return (property.value.kind === 'vocabulary' ? property.value.namespace : ID_BASE) + text;
}

/** A fresh member id that RESOURCE's shapes accept (fragments are named by a SHA-256). */
export const freshId = (resource: ApiResource, label: string): string =>
  resource.path === 'fragments' ? createHash('sha256').update(label).digest('hex') : `t-${label}`;

/** Every member of a list, following "next" from PATH; the pages' documents too. */
export async function listAll(fx: ApiFixture, path: string): Promise<{ items: Json[]; pages: Json[] }> {
  const items: Json[] = [];
  const pages: Json[] = [];
  for (let next: string | undefined = path; next !== undefined; ) {
    const { res, body } = await getJson(fx, next);
    expect(res.status, JSON.stringify(body)).toBe(200);
    pages.push({ ...body, link: res.headers.get('link') });
    items.push(...body.items);
    next = body.next === undefined ? undefined : new URL(body.next).pathname + new URL(body.next).search;
    if (pages.length > 500) throw new Error('the list does not end');
  }
  return { items, pages };
}

/** A member's JSON with its arrays sorted: they are sets, in whatever order the store keeps them. */
export const normal = (doc: Json): Json =>
  Object.fromEntries(
    Object.entries(doc).map(([k, v]) => [
      k,
      Array.isArray(v) ? [...v].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : v,
    ]),
  );

/** A member of RESOURCE from the catalogue, as the API shows it (the one with most properties). */
export async function sampleOf(fx: ApiFixture, resource: ApiResource): Promise<Json> {
  const { body } = await getJson(fx, `/api/${resource.path}?limit=1000`);
  const items = body.items as Json[];
  expect(items.length).toBeGreaterThan(0);
  return items.reduce((a, b) => (Object.keys(b).length > Object.keys(a).length ? b : a));
}

/** A body that creates a new member of RESOURCE like SAMPLE, named by LABEL (when RESOURCE names by a property). */
export function bodyLike(resource: ApiResource, sample: Json, label: string): Record<string, unknown> {
  const { id: _id, '@context': _context, ...body } = sample;
  const name = idName(resource);
  return name ? { ...body, [name]: freshId(resource, label) } : body;
}

/** An optional property SAMPLE has (not its id): what replace and patch tests change. */
export function optionalProperty(resource: ApiResource, sample: Json): ApiProperty {
  const property = [...resource.properties.values()].find(
    (p) => !p.required && sample[p.name] !== undefined && p.iri !== resource.idProperty,
  );
  if (!property) throw new Error(`no optional property in the sample of ${resource.path}`);
  return property;
}

/** The first reference property of RESOURCE: naming something that is not there breaks its shape (422). */
export const referenceProperty = (resource: ApiResource): ApiProperty =>
  [...resource.properties.values()].find((p) => p.value.kind === 'reference')!;

/** Where a 201 put the new member: the id from its Location. */
export const locationId = (res: Response): string =>
  decodeURIComponent(res.headers.get('location')!.split('/').pop()!);

/**
 * The injection corpus: values that would end a term or a query if pasted into SPARQL, control characters,
 * an IRI with a space, 100 KB of text and some Unicode.
 */
export const corpus: readonly (readonly [name: string, value: string])[] = [
  ['quote', "'"],
  ['double quote', '"'],
  ['greater than', '>'],
  ['less than', '<'],
  ['open brace', '{'],
  ['close brace', '}'],
  ['newline', '\n'],
  ['hash', '#'],
  ['NUL', '\u0000'],
  ['escaped quote', '\\u0022'],
  ['DROP in a group', '} ; DROP ALL ; {'],
  ['DROP after an IRI', '"> ; DROP ALL ; <x'],
  ['IRI with a space', 'http://e/a b'],
  ['100 KB', 'x'.repeat(100 * 1024)],
  ['Unicode', 'Zürich – 東京 – 🚀 – ﷽'],
];
