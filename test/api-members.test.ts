import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiProperty, ApiResource } from '../src/api/schema.ts';
import {
  bodyLike,
  call,
  construct,
  dumpOf,
  getJson,
  idName,
  idOf,
  type Json,
  locationId,
  memberIri,
  normal,
  optionalProperty,
  referenceProperty,
  resources,
  sampleOf,
  send,
  statementsOf,
  update,
  useApi,
} from './support/api.ts';
import { problemOf } from './support/http.ts';

// /api/{collection}/{id} for every collection: get, create, replace, patch and delete; ETags and conditional
// requests; SHACL refusals (422) that change nothing; references that block a delete (409) and ?cascade=true.

const fx = useApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const withoutContext = (doc: Json): Json => {
  const { '@context': _context, ...rest } = doc;
  return rest;
};

/** A value that names nothing in the catalogue, for a reference property: the shapes refuse it. */
const dangling = (p: ApiProperty) => (p.single ? 'zone/no-such-zone' : ['zone/no-such-zone']);

describe.each(resources.map((r) => [r.path, r] as const))('/api/%s/{id}', (path, resource: ApiResource) => {
  let sample: Json;
  let sampleId: string;
  let property: ApiProperty | undefined;
  let serial = 0;
  /** POSTs a new member like the sample; its id and JSON. */
  const create = async (extra: Record<string, unknown> = {}) => {
    const label = `${resource.idKind}-${++serial}`;
    const { res, body } = await send(fx, 'POST', `/api/${path}`, {
      ...bodyLike(resource, sample, label),
      ...extra,
    });
    expect(res.status, JSON.stringify(body)).toBe(201);
    return { id: locationId(res), doc: body as Json, etag: res.headers.get('etag')! };
  };

  beforeAll(async () => {
    sample = await sampleOf(fx, resource);
    sampleId = idOf(resource, sample.id);
    property = resource.appendOnly ? undefined : optionalProperty(resource, sample);
  });

  it('GET answers the member as the list shows it, with a stable ETag; If-None-Match → 304', async () => {
    const first = await getJson(fx, `/api/${path}/${sampleId}`);
    expect(first.res.status).toBe(200);
    expect(first.body['@context']).toBe(`${fx.server.url}/api/context/v1.jsonld`);
    expect(normal(withoutContext(first.body))).toEqual(normal(sample));
    const etag = first.res.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await getJson(fx, `/api/${path}/${sampleId}`)).res.headers.get('etag')).toBe(etag);
    const cached = await call(fx, `/api/${path}/${sampleId}`, { headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('etag')).toBe(etag);
    expect(await cached.text()).toBe('');
    const other = await call(fx, `/api/${path}/${sampleId}`, { headers: { 'if-none-match': '"other"' } });
    expect(other.status).toBe(200);
  });

  it('GET of a member that is not there is a 404; of a malformed id a 400', async () => {
    expect((await call(fx, `/api/${path}/no-such-member`)).status).toBe(404);
    expect((await call(fx, `/api/${path}/-dash-first`)).status).toBe(400);
  });

  it('POST creates a member (201, Location) that GET answers as the POST did', async () => {
    const { id, doc, etag } = await create();
    const name = idName(resource);
    if (name) expect(id).toBe(doc[name]);
    else expect(id).toMatch(uuid);
    expect(doc.id).toBe(memberIri(resource, id));
    const got = await getJson(fx, `/api/${path}/${id}`);
    expect(got.res.status).toBe(200);
    expect(normal(got.body)).toEqual(normal(doc));
    expect(got.res.headers.get('etag')).toBe(etag);
    expect(normal(withoutContext(doc))).toEqual(
      normal({ ...sample, id: doc.id, ...(name ? { [name]: id } : {}) }),
    );
  });

  it.runIf(idName(resource))('POST of a member that exists is a 409 that changes nothing', async () => {
    const { id } = await create();
    const before = await dumpOf(fx);
    const { res } = await send(fx, 'POST', `/api/${path}`, {
      ...bodyLike(resource, sample, 'x'),
      [idName(resource)!]: id,
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('location')).toBe(`${fx.server.url}/api/${path}/${id}`);
    expect(await dumpOf(fx)).toBe(before);
  });

  it('a body the shapes refuse is a 422 with the report, and changes nothing', async () => {
    const reference = referenceProperty(resource);
    const before = await dumpOf(fx);
    const bad = { ...bodyLike(resource, sample, 'refused'), [reference.name]: dangling(reference) };
    const { res, body } = await send(fx, 'POST', `/api/${path}`, bad);
    expect(res.status, JSON.stringify(body)).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(body.report)).toContain('ValidationReport');
    if (!resource.appendOnly) {
      const patched = await send(fx, 'PATCH', `/api/${path}/${sampleId}`, {
        [reference.name]: dangling(reference),
      });
      expect(patched.res.status).toBe(422);
      const { id: _id, ...replacement } = { ...sample, [reference.name]: dangling(reference) };
      expect((await send(fx, 'PUT', `/api/${path}/${sampleId}`, replacement)).res.status).toBe(422);
    }
    expect(await dumpOf(fx)).toBe(before);
  });

  if (resource.appendOnly) {
    it.each(['PUT', 'PATCH', 'DELETE'])('%s is a 405: usage is appended and read only', async (method) => {
      const { id } = await create();
      const before = await dumpOf(fx);
      const res = await call(fx, `/api/${path}/${id}`, {
        method,
        ...(method === 'DELETE' ? {} : { body: '{}', headers: { 'content-type': 'application/json' } }),
      });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(await dumpOf(fx)).toBe(before);
    });
    return;
  }

  it('PUT replaces every statement of the member (200), or creates it (201, Location)', async () => {
    const { id, doc, etag } = await create();
    const { [property!.name]: dropped, id: _id, '@context': _c, ...rest } = doc;
    expect(dropped).toBeDefined();
    const { res, body } = await send(fx, 'PUT', `/api/${path}/${id}`, rest);
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body[property!.name]).toBeUndefined();
    expect(res.headers.get('etag')).not.toBe(etag);
    const got = await getJson(fx, `/api/${path}/${id}`);
    expect(normal(got.body)).toEqual(normal(body));
    expect(await statementsOf(fx, [doc.id])).not.toContainEqual(
      expect.stringContaining(`<${property!.iri}> `),
    );
    const name = idName(resource);
    const newId = name ? bodyLike(resource, sample, `put-${id}`)[name] : '0a0a0a0a-put';
    const { [name ?? '']: _n, ...withoutId } = rest;
    const created = await send(fx, 'PUT', `/api/${path}/${newId}`, withoutId);
    expect(created.res.status, JSON.stringify(created.body)).toBe(201);
    expect(created.res.headers.get('location')).toBe(`${fx.server.url}/api/${path}/${newId}`);
    if (name) {
      const wrong = await send(fx, 'PUT', `/api/${path}/${newId}`, { ...withoutId, [name]: id });
      expect(wrong.res.status).toBe(400);
    }
  });

  it('PATCH merges (RFC 7396): a value sets, null removes, the rest stays', async () => {
    const { id, doc, etag } = await create();
    const name = property!.name;
    const removed = await send(fx, 'PATCH', `/api/${path}/${id}`, { [name]: null });
    expect(removed.res.status, JSON.stringify(removed.body)).toBe(200);
    const { [name]: _gone, ...unchanged } = doc;
    expect(normal(removed.body)).toEqual(normal(unchanged));
    expect(removed.res.headers.get('etag')).not.toBe(etag);
    const restored = await send(fx, 'PATCH', `/api/${path}/${id}`, { [name]: doc[name] });
    expect(restored.res.status).toBe(200);
    expect(normal((await getJson(fx, `/api/${path}/${id}`)).body)).toEqual(normal(doc));
    expect(restored.res.headers.get('etag')).toBe(etag);
    expect((await send(fx, 'PATCH', `/api/${path}/no-such-member`, { [name]: doc[name] })).res.status).toBe(
      404,
    );
  });

  it('If-Match with a stale ETag is a 412, with the current one it writes; If-None-Match: * guards a PUT', async () => {
    const { id, doc, etag } = await create();
    const { id: _id, '@context': _c, ...body } = doc;
    const changed = await send(fx, 'PATCH', `/api/${path}/${id}`, { [property!.name]: null });
    const current = changed.res.headers.get('etag')!;
    expect(current).not.toBe(etag);
    const before = await dumpOf(fx);
    for (const [method, payload] of [
      ['PUT', body],
      ['PATCH', { [property!.name]: doc[property!.name] }],
    ] as const) {
      const stale = await send(fx, method, `/api/${path}/${id}`, payload, { 'if-match': etag });
      expect(stale.res.status, method).toBe(412);
    }
    expect(
      (await call(fx, `/api/${path}/${id}`, { method: 'DELETE', headers: { 'if-match': etag } })).status,
    ).toBe(412);
    expect((await send(fx, 'PUT', `/api/${path}/${id}`, body, { 'if-none-match': '*' })).res.status).toBe(
      412,
    );
    expect(await dumpOf(fx)).toBe(before);
    const fresh = await send(fx, 'PUT', `/api/${path}/${id}`, body, { 'if-match': current });
    expect(fresh.res.status).toBe(200);
    const name = idName(resource);
    const newId = name ? String(bodyLike(resource, sample, `inm-${id}`)[name]) : '0b0b0b0b-inm';
    const { [name ?? '']: _n, ...withoutId } = body;
    const made = await send(fx, 'PUT', `/api/${path}/${newId}`, withoutId, { 'if-none-match': '*' });
    expect(made.res.status, JSON.stringify(made.body)).toBe(201);
    expect((await send(fx, 'PUT', `/api/${path}/t-absent`, withoutId, { 'if-match': '*' })).res.status).toBe(
      412,
    );
  });

  it('DELETE removes every statement of the member (204), then it is a 404', async () => {
    const { id, doc } = await create();
    expect((await call(fx, `/api/${path}/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await statementsOf(fx, [doc.id])).toEqual([]);
    expect((await call(fx, `/api/${path}/${id}`)).status).toBe(404);
    expect((await call(fx, `/api/${path}/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('DELETE of a member something refers to is a 409 naming the referrer; ?cascade=true removes the reference', async () => {
    const { id, doc } = await create();
    const referrer = `urn:test:referrer:${path}:${id}`;
    await update(
      fx,
      `INSERT DATA { <${referrer}> <urn:test:mentions> <${doc.id}> ; <urn:test:name> "kept" }`,
    );
    const before = await dumpOf(fx);
    const refused = await call(fx, `/api/${path}/${id}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    const problem = await problemOf(refused);
    expect(problem.referrers).toEqual([{ referrer, property: 'urn:test:mentions' }]);
    expect(await dumpOf(fx)).toBe(before);
    expect((await call(fx, `/api/${path}/${id}?cascade=true`, { method: 'DELETE' })).status).toBe(204);
    expect(await statementsOf(fx, [doc.id])).toEqual([]);
    expect(await construct(fx, `CONSTRUCT { ?s ?p <${doc.id}> } WHERE { ?s ?p <${doc.id}> }`)).toEqual([]);
    expect(await statementsOf(fx, [referrer])).toEqual([
      `<${referrer}> <urn:test:name> "kept"^^<http://www.w3.org/2001/XMLSchema#string>`,
    ]);
  });
});
