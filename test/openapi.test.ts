import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiModel } from '../src/api/model.ts';
import { generateFederation } from '../src/generator/federation.ts';
import { findPreset } from '../src/generator/presets.ts';
import { parseRdf, requireRdfFormat } from '../src/rdf/parse.ts';
import { defaultGraphName } from '../src/store/store.ts';
import { startServer, type TestServer } from './support/http.ts';
import { testStore } from './support/test-store.ts';

// /api/openapi.json is a valid OpenAPI 3.1 description, and every answer of every endpoint — successes and
// errors, for every collection — is described by it: status, media type and body schema.

type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
};
let server: TestServer;
let doc: Doc;
const ajv = addFormats.default(new Ajv2020({ strict: false, allErrors: true }));
const seen = new Set<string>();

beforeAll(async () => {
  const store = await testStore();
  let text = '';
  await generateFederation({ preset: findPreset('tiny'), seed: 5 }, (chunk: string) => {
    text += chunk;
  });
  await store.load(parseRdf(text, requireRdfFormat('ntriples'), { where: 'tiny' }), defaultGraphName);
  server = await startServer(store, { openWrites: true }, await loadApiModel());
  doc = (await (await server.fetch('/api/openapi.json')).json()) as Doc;
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
}, 60_000);
afterAll(() => server?.close());

/** The operation of DOC that PATH and METHOD hit: its template matched segment by segment. */
function operation(path: string, method: string) {
  const segments = new URL(path, server.url).pathname.split('/');
  const template = Object.keys(doc.paths).find((t) => {
    const parts = t.split('/');
    return parts.length === segments.length && parts.every((p, i) => p.startsWith('{') || p === segments[i]);
  });
  return template ? { template, op: doc.paths[template]![method.toLowerCase()] } : undefined;
}

/** Sends the request and checks the answer against the description; the parsed body. */
async function call(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await server.fetch(path, init);
  const method = init.method ?? 'GET';
  const found = operation(path, method);
  expect(found?.op, `${method} ${path} is not described`).toBeDefined();
  const response = found!.op!.responses[String(res.status)];
  expect(response, `${method} ${found!.template} ${res.status} is not described`).toBeDefined();
  seen.add(`${method} ${found!.template}`);
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
  const text = await res.text();
  if (!response!.content || text === '') return { status: res.status, body: undefined, headers: res.headers };
  expect(Object.keys(response!.content), `${method} ${found!.template} ${res.status} as ${type}`).toContain(
    type,
  );
  const body = JSON.parse(text);
  const pointer = `openapi.json#/paths/${found!.template.replaceAll('~', '~0').replaceAll('/', '~1')}/${method.toLowerCase()}/responses/${res.status}/content/${type.replace('/', '~1')}/schema`;
  const validate = ajv.getSchema(pointer)!;
  expect(
    validate(body),
    `${method} ${path} ${res.status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
  ).toBe(true);
  return { status: res.status, body, headers: res.headers };
}

const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('the OpenAPI description', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  const collections = [
    'images',
    'node-images',
    'nodes',
    'zones',
    'repositories',
    'image-servers',
    'fragments',
    'slas',
    'usage',
  ];
  it.each(collections)('describes every answer of /api/%s', async (path) => {
    const model = await loadApiModel();
    const resource = model.byPath.get(path)!;
    const page = (await call(`/api/${path}?limit=2`)).body as {
      items: Record<string, unknown>[];
      next?: string;
    };
    expect(page.items.length).toBeGreaterThan(0);
    if (page.next) await call(new URL(page.next).pathname + new URL(page.next).search);
    const first = page.items[0]!;
    const id = String(first.id).split('/').pop()!;
    await call(`/api/${path}/${id}`);
    await call(`/api/${path}/no-such-member`);
    await call(`/api/${path}?no-such-filter=1`);
    const { id: _, '@context': __, ...copy } = first;
    const idName = resource.idProperty?.split('#')[1];
    const newId = idName
      ? `${String(first[idName]).slice(0, -1)}${String(first[idName]).endsWith('e') ? 'f' : 'e'}`
      : undefined;
    const body = idName ? { ...copy, [idName]: newId } : copy;
    const created = await call(`/api/${path}`, json('POST', body));
    expect(created.status).toBe(201);
    const location = new URL(created.headers.get('location')!).pathname;
    if (idName)
      expect((await call(`/api/${path}`, json('POST', { ...copy, [idName]: newId }))).status).toBe(409);
    if (resource.appendOnly) {
      expect((await server.fetch(location, json('PUT', body))).status).toBe(405);
      return;
    }
    const etag = created.headers.get('etag')!;
    expect((await call(location, json('PUT', body, { 'if-match': '"stale"' }))).status).toBe(412);
    expect((await call(location, json('PUT', body, { 'if-match': etag }))).status).toBe(200);
    expect(
      (
        await call(location, {
          ...json('PATCH', { bogus: 1 }),
          headers: { 'content-type': 'application/merge-patch+json' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(location, {
          ...json('PATCH', {}),
          headers: { 'content-type': 'application/merge-patch+json' },
        })
      ).status,
    ).toBe(200);
    expect((await call(location, { method: 'DELETE' })).status).toBe(204);
  });

  it('was checked against every operation it describes', () => {
    const described = Object.entries(doc.paths).flatMap(([t, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${t}`),
    );
    const unchecked = described.filter((d) => !seen.has(d) && d !== 'GET /api/context.jsonld');
    expect(unchecked).toEqual([]);
  });
});
