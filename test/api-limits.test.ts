import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, dumpOf, getJson, send, useApi } from './support/api.ts';
import { problemOf } from './support/http.ts';

// What the API refuses before it writes: contexts it would have to fetch, bodies too large, too deep, not JSON
// or not a JSON type, writes without the write token. Each refusal is a problem document and changes nothing.

const token = 'the-write-token';
const fx = useApi({ writeToken: token });

/** Each way of writing a member of images: POST a new one, PUT and PATCH image 1001. */
const writes = [
  ['POST', '/api/images'],
  ['PUT', '/api/images/1001'],
  ['PATCH', '/api/images/1001'],
] as const;
const member = { imageId: '1001', owner: 'customer/143' };

/** Sends BODY by each way of writing; every answer must be STATUS, and the store must not change. */
async function refusedEverywhere(body: unknown, status: number, headers: Record<string, string> = {}) {
  const before = await dumpOf(fx);
  const problems: Record<string, unknown>[] = [];
  for (const [method, path] of writes) {
    const { res, body: answer } = await send(fx, method, path, body, headers);
    expect(res.status, `${method} ${JSON.stringify(answer).slice(0, 300)}`).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    problems.push(answer);
  }
  expect(await dumpOf(fx)).toBe(before);
  return problems;
}

describe('contexts', () => {
  let evil: Server;
  let evilUrl: string;
  const asked: string[] = [];
  beforeAll(async () => {
    evil = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.setHeader('content-type', 'application/ld+json');
      res.end(JSON.stringify({ '@context': { '@vocab': 'http://evil.example/' } }));
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => evil.close(() => resolve())));

  it.each([
    ['a remote context', (u: string) => `${u}/evil.jsonld`],
    ['a remote context in an array', (u: string) => [`${u}/evil.jsonld`]],
    [
      'the API’s context and a remote one',
      (u: string) => ['http://x/api/context/v1.jsonld', `${u}/evil.jsonld`],
    ],
    ['an inline context', () => ({ '@vocab': 'http://evil.example/' })],
    ['an inline context importing a remote one', (u: string) => ({ '@import': `${u}/evil.jsonld` })],
    ['null', () => null],
  ])('%s is a 400, and nothing is fetched', async (_what, context) => {
    const problems = await refusedEverywhere({ '@context': context(evilUrl), ...member }, 400);
    expect(problems.every((p) => String(p.detail).includes('@context'))).toBe(true);
    expect(asked).toEqual([]);
  });

  it('a context inside a value is a 400, and nothing is fetched', async () => {
    await refusedEverywhere(
      { ...member, owner: { '@context': `${evilUrl}/evil.jsonld`, '@id': 'customer/143' } },
      400,
    );
    expect(asked).toEqual([]);
  });

  it('a URL ending in the API’s context path is taken as the API’s context, never fetched', async () => {
    for (const path of ['/api/context.jsonld', '/api/context/v1.jsonld']) {
      const { res } = await send(fx, 'PATCH', '/api/images/1001', {
        '@context': `${evilUrl}${path}`,
        osName: 'Linux',
      });
      expect(res.status).toBe(200);
    }
    expect(asked).toEqual([]);
  });
});

describe('body limits', () => {
  it('a body over 256 KB is a 413', async () => {
    await refusedEverywhere({ ...member, osName: 'x'.repeat(257 * 1024) }, 413);
  });

  it('a body under 256 KB is read', async () => {
    const { res } = await send(fx, 'PATCH', '/api/images/1001', { osName: 'y'.repeat(250 * 1024) });
    expect(res.status).toBe(200);
  });

  // router.ts reads members up to min(256 KB, maxBodyBytes), but the 413 comes from error-handler.ts, which
  // names config.maxBodyBytes (16 MiB by default): "larger than the 16777216-byte limit" for a 257 KB body.
  it('the 413 names the limit that applies (262144 bytes)', async () => {
    const [problem] = await refusedEverywhere({ ...member, osName: 'x'.repeat(257 * 1024) }, 413);
    expect(problem!.detail).toContain('262144');
  });

  it('JSON nested deeper than 4 levels is a 400', async () => {
    const [problem] = await refusedEverywhere({ ...member, installRules: [{ a: { b: { c: 1 } } }] }, 400);
    expect(problem!.detail).toMatch(/deeper than 4/);
  });

  // Deep nesting within 256 KB overflows the stack of the recursive walks: depth() in from-json.ts (POST,
  // PUT; PATCH with arrays), mergePatch() in merge-patch.ts (PATCH with objects) and JSON.stringify of the
  // "@context" in json-body.ts's error message: a RangeError, hence a 500, where the limit promises a 400.
  const deep = (n: number, open: string, close: string, inner = '1') =>
    open.repeat(n) + inner + close.repeat(n);
  it('an array nested 100 000 deep is a 400, not a 500', async () => {
    await refusedEverywhere(
      `{"imageId":"1001","owner":"customer/143","osName":${deep(100_000, '[', ']')}}`,
      400,
    );
  });
  it('an object nested 40 000 deep in a PATCH is a 400, not a 500', async () => {
    const { res } = await send(fx, 'PATCH', '/api/images/1001', `{"osName":${deep(40_000, '{"a":', '}')}}`);
    expect(res.status).toBe(400);
  });
  it('a "@context" nested 100 000 deep is a 400, not a 500', async () => {
    await refusedEverywhere(`{"@context":${deep(100_000, '[', ']')}}`, 400);
  });

  it.each([
    ['truncated', '{"imageId": "1001"'],
    ['a trailing comma', '{"imageId": "1001",}'],
    ['single quotes', "{'imageId': '1001'}"],
    ['a bare string', '"1001"'],
    ['null', 'null'],
    ['a number', '42'],
  ])('%s is a 400', async (_what, text) => {
    await refusedEverywhere(text, 400);
  });

  // member-handlers.ts withId() passes an array on as an object ({ ...[], zoneId: id }) before
  // resourceQuads (from-json.ts) can refuse it as "not a JSON object", and mergePatch() returns a non-object
  // patch as the new document (RFC 7396): PATCH [] replaces a zone with its bare id (200), PUT [] makes one
  // (201). A member is a JSON object: anything else must be a 400 that changes nothing.
  it('a JSON array is no member: PUT and PATCH of [] are 400s that change nothing', async () => {
    const before = await dumpOf(fx);
    expect((await send(fx, 'PATCH', '/api/zones/dc-vienna', [])).res.status).toBe(400);
    expect((await send(fx, 'PUT', '/api/zones/dc-vienna', [])).res.status).toBe(400);
    expect((await send(fx, 'PUT', '/api/zones/array-zone', [])).res.status).toBe(400);
    expect(await dumpOf(fx)).toBe(before);
  });

  it('a JSON array POSTed is a 400', async () => {
    const before = await dumpOf(fx);
    expect((await send(fx, 'POST', '/api/zones', [])).res.status).toBe(400);
    expect((await send(fx, 'POST', '/api/images', [member])).res.status).toBe(400);
    expect(await dumpOf(fx)).toBe(before);
  });

  it.each([
    ['text/plain'],
    ['application/xml'],
    ['text/turtle'],
    ['application/x-www-form-urlencoded'],
    ['application/json-patch+json'],
  ])('Content-Type: %s is a 415', async (type) => {
    await refusedEverywhere(member, 415, { 'content-type': type });
  });

  it('a body without a Content-Type is a 415', async () => {
    const before = await dumpOf(fx);
    const res = await call(fx, '/api/images', { method: 'POST', body: new Blob([JSON.stringify(member)]) });
    expect(res.status).toBe(415);
    expect(await dumpOf(fx)).toBe(before);
  });
});

describe('the write token', () => {
  const attempts = [
    ['POST', '/api/images', { imageId: 'no-token', owner: 'customer/143' }],
    ['PUT', '/api/images/1001', member],
    ['PATCH', '/api/images/1001', { osName: 'no token' }],
    ['DELETE', '/api/images/1001', undefined],
  ] as const;

  it.each([
    ['no token', {}, 401],
    ['a wrong token', { authorization: 'Bearer not-it' }, 403],
    ['a token of another scheme', { authorization: `Basic ${token}` }, 401],
  ])('a write with %s is refused', async (_what, headers: Record<string, string>, status) => {
    const before = await dumpOf(fx);
    for (const [method, path, body] of attempts) {
      const res = await fx.server.fetch(path, {
        method,
        headers: {
          'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
          ...headers,
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(res.status, method).toBe(status);
      expect((await problemOf(res)).status).toBe(status);
      if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect(await dumpOf(fx)).toBe(before);
  });

  it('reads need no token when only a write token is set; writes with it succeed', async () => {
    expect((await fx.server.fetch('/api/images/1001')).status).toBe(200);
    expect((await fx.server.fetch('/api/images?limit=1')).status).toBe(200);
    const { res } = await send(fx, 'POST', '/api/images', { imageId: 'with-token', owner: 'customer/143' });
    expect(res.status).toBe(201);
  });
});

describe('conditional writes', () => {
  // RFC 9110 §13.1.1: If-Match uses the strong comparison, so W/"x" never matches. etag.ts matches() strips
  // W/ from every listed tag, for If-Match as for If-None-Match, so a weak tag passes the precondition.
  it('If-Match with the weak form of the current ETag is a 412', async () => {
    const { res } = await getJson(fx, '/api/images/1001');
    const weak = `W/${res.headers.get('etag')}`;
    const answer = await send(fx, 'PATCH', '/api/images/1001', { osName: 'weak' }, { 'if-match': weak });
    expect(answer.res.status).toBe(412);
  });

  it('of ten concurrent POSTs of one id, one creates (201) and nine find it there (409)', async () => {
    const body = { imageId: 'race', owner: 'customer/143' };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => send(fx, 'POST', '/api/images', body)),
    );
    expect(answers.map((a) => a.res.status).sort()).toEqual([201, ...Array(9).fill(409)]);
  });

  it('of ten concurrent PATCHes with the same If-Match, one writes and nine are 412s', async () => {
    const { res } = await getJson(fx, '/api/images/race');
    const etag = res.headers.get('etag')!;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(fx, 'PATCH', '/api/images/race', { osName: `n${i}` }, { 'if-match': etag }),
      ),
    );
    expect(answers.map((a) => a.res.status).sort()).toEqual([200, ...Array(9).fill(412)]);
  });
});

describe('methods', () => {
  it.each([
    ['DELETE', '/api/images', 'GET, HEAD, POST'],
    ['PUT', '/api/images', 'GET, HEAD, POST'],
    ['POST', '/api/images/1001', 'GET, HEAD, PUT, PATCH, DELETE'],
    ['POST', '/api/images/1001/more', 'GET, HEAD, PUT, PATCH, DELETE'],
  ])('%s %s is a 405 with Allow: %s', async (method, path, allow) => {
    const res = await call(fx, path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
  });

  it('HEAD answers the headers of GET without a body', async () => {
    const get = await call(fx, '/api/images/1001');
    const head = await call(fx, '/api/images/1001', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(await head.text()).toBe('');
  });
});
