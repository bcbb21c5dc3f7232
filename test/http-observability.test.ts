import { afterEach, describe, expect, it } from 'vitest';
import type { HttpConfig } from '../src/http/config.ts';
import { TimeoutError, WriteRejectedError } from '../src/store/errors.ts';
import type { Store } from '../src/store/store.ts';
import { form, problemOf, startServer, type TestServer } from './support/http.ts';
import { spyStore } from './support/store-spy.ts';
import { testStore } from './support/test-store.ts';

// Health, readiness, metrics, request ids and the request log.

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function serve(overrides: Partial<Store> = {}, config: HttpConfig = {}): Promise<TestServer> {
  server = await startServer(spyStore(await testStore(), overrides).store, { openWrites: true, ...config });
  return server;
}

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** Parses the Prometheus text format strictly: every line a comment or a well-formed sample. */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || /^# (HELP|TYPE) [a-z_]+ .+$/.test(line)) continue;
    const match = /^([a-z_]+)(?:\{((?:[a-z_]+="(?:[^"\\]|\\.)*",?)*)\})? (-?[\d.e+]+|\+Inf|NaN)$/.exec(line);
    if (!match) throw new Error(`not a metrics line: ${line}`);
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

async function metrics(s: TestServer): Promise<Sample[]> {
  const res = await s.fetch('/metrics');
  expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
  return parseMetrics(await res.text());
}
const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((m) => m.name === name && Object.entries(labels).every(([k, v]) => m.labels[k] === v))?.value;

const ask = (s: TestServer, headers: Record<string, string> = {}) =>
  s.fetch(`/sparql?query=${encodeURIComponent('ASK {}')}`, { headers });

describe('health', () => {
  it('/healthz says the process is up', async () => {
    const res = await (await serve()).fetch('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'up' });
  });

  it('/readyz says the store answers', async () => {
    const res = await (await serve()).fetch('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready', quads: 0 });
  });

  it('/readyz is 503 when the store does not answer', async () => {
    const s = await serve({ stats: () => Promise.reject(new Error('the store is closed')) });
    const res = await s.fetch('/readyz');
    expect(res.status).toBe(503);
    expect((await problemOf(res)).detail).toContain('the store is closed');
  });
});

describe('/metrics', () => {
  it('counts requests by route and status class, with latency histograms', async () => {
    const s = await serve();
    for (let i = 0; i < 3; i++) expect((await ask(s)).status).toBe(200);
    expect((await s.fetch('/sparql?query=nonsense')).status).toBe(400);
    expect((await s.fetch('/store?default')).status).toBe(200);
    const samples = await metrics(s);
    const sparqlOk = { route: '/sparql', status: '2xx' };
    expect(value(samples, 'imagegraph_http_requests_total', sparqlOk)).toBe(3);
    expect(value(samples, 'imagegraph_http_requests_total', { route: '/sparql', status: '4xx' })).toBe(1);
    expect(value(samples, 'imagegraph_http_requests_total', { route: '/store', status: '2xx' })).toBe(1);
    expect(value(samples, 'imagegraph_http_request_duration_seconds_count', sparqlOk)).toBe(3);
    expect(
      value(samples, 'imagegraph_http_request_duration_seconds_bucket', { ...sparqlOk, le: '+Inf' }),
    ).toBe(3);
    const buckets = samples.filter(
      (m) => m.name.endsWith('_bucket') && m.labels.route === '/sparql' && m.labels.status === '2xx',
    );
    expect(buckets.map((b) => b.value)).toEqual([...buckets.map((b) => b.value)].sort((a, b) => a - b));
  });

  it('reports the store size in quads and journal bytes', async () => {
    const s = await serve();
    const insert = 'INSERT DATA { <urn:s:a> <urn:p:v> 1, 2 . GRAPH <urn:g:a> { <urn:s:a> <urn:p:v> 3 } }';
    expect((await s.fetch('/sparql', { method: 'POST', ...form(['update', insert]) })).status).toBe(200);
    const samples = await metrics(s);
    expect(value(samples, 'imagegraph_store_quads')).toBe(3);
    expect(value(samples, 'imagegraph_store_journal_bytes')).toBeGreaterThan(0);
  });

  it('counts timeouts and rejected writes', async () => {
    const s = await serve({
      query: () => Promise.reject(new TimeoutError(100)),
      write: () => Promise.reject(new WriteRejectedError({ conforms: false, results: [] })),
    });
    expect(value(await metrics(s), 'imagegraph_timeouts_total')).toBe(0);
    expect((await ask(s)).status).toBe(503);
    const put = { method: 'PUT', headers: { 'content-type': 'text/turtle' }, body: '' };
    expect((await s.fetch('/store?default', put)).status).toBe(422);
    expect((await s.fetch('/store?default', put)).status).toBe(422);
    const samples = await metrics(s);
    expect(value(samples, 'imagegraph_timeouts_total')).toBe(1);
    expect(value(samples, 'imagegraph_writes_rejected_total')).toBe(2);
  });
});

describe('request ids and the request log', () => {
  it('echoes a client X-Request-Id and generates one otherwise', async () => {
    const s = await serve();
    expect((await ask(s, { 'x-request-id': 'abc-123' })).headers.get('x-request-id')).toBe('abc-123');
    const generated = (await ask(s)).headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const replaced = (await ask(s, { 'x-request-id': 'has spaces and "quotes"' })).headers.get(
      'x-request-id',
    );
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes one JSON line per request, naming its id, method, route, status and time', async () => {
    const s = await serve();
    await ask(s, { 'x-request-id': 'log-me' });
    await s.fetch('/store?graph=urn:g:missing');
    await s.fetch('/nowhere');
    const lines = s.logs.map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'log-me', method: 'GET', route: '/sparql', status: 200 });
    expect(lines[1]).toMatchObject({ method: 'GET', route: '/store', status: 404 });
    expect(lines[2]).toMatchObject({ route: 'other', status: 404 });
    for (const line of lines) {
      expect(Date.parse(line.time)).not.toBeNaN();
      expect(line.ms).toBeGreaterThanOrEqual(0);
    }
  });
});
