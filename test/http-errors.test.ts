import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import type { HttpConfig } from '../src/http/config.ts';
import { namedNode } from '../src/rdf/terms.ts';
import {
  ForbiddenGraphError,
  LimitError,
  OverloadedError,
  TimeoutError,
  WriteRejectedError,
} from '../src/store/errors.ts';
import type { Store } from '../src/store/store.ts';
import { form, problemOf, startServer, type TestServer } from './support/http.ts';
import { spyStore } from './support/store-spy.ts';
import { testStore } from './support/test-store.ts';

// How the store's failures reach the client, and the limits the HTTP layer enforces itself.

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(overrides: Partial<Store>, config: HttpConfig = {}): Promise<TestServer> {
  server = await startServer(spyStore(await testStore(), overrides).store, { openWrites: true, ...config });
  return server;
}

const report = {
  conforms: false,
  results: [
    {
      focusNode: namedNode('https://w3id.org/imagegraph/id/image/1'),
      resultPath: '<https://w3id.org/imagegraph/ns#osBits>',
      value: undefined,
      severity: 'Violation' as const,
      messages: ['An image states its OS word size.'],
      sourceShape: namedNode('https://w3id.org/imagegraph/shapes#ImageShape'),
      component: 'MinCountConstraintComponent',
    },
  ],
};

const query = (s: TestServer) =>
  s.fetch(`/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o }')}`);
const update = (s: TestServer) =>
  s.fetch('/sparql', { method: 'POST', ...form(['update', 'CLEAR DEFAULT']) });
const put = (s: TestServer) =>
  s.fetch('/store?graph=urn:g:a', { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '' });

describe('store errors become problem documents', () => {
  const fail = (error: Error) => async () => {
    throw error;
  };
  it.each([
    [
      'InputError',
      400,
      'bad-input',
      { query: fail(new InputError('bad graph name', { fix: 'Name it by IRI' })) },
      query,
    ],
    [
      'ForbiddenGraphError',
      403,
      'read-only-graph',
      { update: fail(new ForbiddenGraphError('urn:imagegraph:graph:shapes')) },
      update,
    ],
    ['TimeoutError', 503, 'timeout', { query: fail(new TimeoutError(1500)) }, query],
    [
      'OverloadedError',
      503,
      'overloaded',
      { write: fail(new OverloadedError('the write queue is full')) },
      put,
    ],
    [
      'LimitError on a query',
      507,
      'result-too-large',
      { query: fail(new LimitError('the result is too large', 10)) },
      query,
    ],
    [
      'LimitError on a write',
      413,
      'write-too-large',
      { update: fail(new LimitError('the update is too large', 10)) },
      update,
    ],
  ] as const)('%s → %i %s', async (_name, status, type, overrides, send) => {
    const s = await serve(overrides as Partial<Store>);
    const res = await send(s);
    expect(res.status).toBe(status);
    expect((await problemOf(res)).type).toBe(`https://w3id.org/imagegraph/problems/${type}`);
  });

  it('OverloadedError carries Retry-After', async () => {
    const s = await serve(
      { write: fail(new OverloadedError('the write queue is full')) },
      { retryAfterSeconds: 7 },
    );
    const res = await put(s);
    expect(res.headers.get('retry-after')).toBe('7');
  });

  it('WriteRejectedError → 422 with the SHACL report as JSON-LD', async () => {
    const s = await serve({ write: fail(new WriteRejectedError(report)) });
    const res = await put(s);
    expect(res.status).toBe(422);
    const problem = await problemOf(res);
    expect(problem.detail).toMatch(/1 SHACL violation/);
    const json = JSON.stringify(problem.report);
    expect(json).toContain('sh:ValidationReport');
    expect(json).toContain('An image states its OS word size.');
  });

  it('an unexpected error → 500 without its stack, logged with it', async () => {
    const s = await serve({ query: fail(new Error('disk on fire')) });
    const res = await query(s);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('disk on fire');
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
    const id = res.headers.get('x-request-id')!;
    expect(JSON.parse(text).detail).toContain(id);
    const logged = s.logs.map((l) => JSON.parse(l)).find((l) => l.level === 'error');
    expect(logged).toMatchObject({ id, level: 'error' });
    expect(logged.error).toContain('disk on fire');
  });
});

it('refuses a result larger than maxResultBytes with 507', async () => {
  const s = await serve({}, { maxResultBytes: 64 });
  const insert =
    'INSERT DATA { <urn:s:a> <urn:p:v> "a long enough literal to pass sixty-four bytes of JSON" }';
  expect((await s.fetch('/sparql', { method: 'POST', ...form(['update', insert]) })).status).toBe(200);
  const res = await query(s);
  expect(res.status).toBe(507);
  expect((await problemOf(res)).detail).toMatch(/LIMIT/);
});

/** Starts a POST whose body is never finished, so that it stays in flight until END is called. */
function hangingRequest(s: TestServer): { end: () => Promise<number> } {
  const url = new URL('/sparql', s.url);
  let status: Promise<number> = Promise.resolve(0);
  const req = request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query', 'content-length': '6' },
  });
  status = new Promise((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
  req.write('ASK');
  return {
    end: () => {
      req.end(' {}');
      return status;
    },
  };
}

async function inFlight(s: TestServer): Promise<number> {
  const text = await (await s.fetch('/metrics')).text();
  return Number(/^imagegraph_http_requests_in_flight (\d+)$/m.exec(text)?.[1]);
}

it('answers 503 with Retry-After beyond maxInFlight, and recovers', async () => {
  const s = await serve({}, { maxInFlight: 1, retryAfterSeconds: 2 });
  const hanging = hangingRequest(s);
  await expect.poll(() => inFlight(s)).toBe(1);
  const refused = await query(s);
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('2');
  expect((await problemOf(refused)).type).toMatch(/overloaded$/);
  expect(await hanging.end()).toBe(200);
  await expect.poll(() => inFlight(s)).toBe(0);
  expect((await query(s)).status).toBe(200);
});
