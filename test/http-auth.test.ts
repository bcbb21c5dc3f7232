import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpConfig } from '../src/http/config.ts';
import { dump, form, problemOf, startServer, type TestServer } from './support/http.ts';
import { testStore } from './support/test-store.ts';

// Who may read and who may write, for every way of configuring tokens.

const configs = {
  none: {},
  openWrites: { openWrites: true },
  writeToken: { writeToken: 'w-token' },
  bothTokens: { writeToken: 'w-token', readToken: 'r-token' },
  readTokenOpenWrites: { readToken: 'r-token', openWrites: true },
  writeTokenOpenWrites: { writeToken: 'w-token', openWrites: true },
} satisfies Record<string, HttpConfig>;
type ConfigName = keyof typeof configs;

/** A token that may read under each configuration, for dumping the store. */
const reader: Record<ConfigName, string | undefined> = {
  none: undefined,
  openWrites: undefined,
  writeToken: undefined,
  bothTokens: 'r-token',
  readTokenOpenWrites: 'r-token',
  writeTokenOpenWrites: undefined,
};

const servers = {} as Record<ConfigName, TestServer>;
beforeAll(async () => {
  for (const name of Object.keys(configs) as ConfigName[])
    servers[name] = await startServer(await testStore(), configs[name]);
});
afterAll(() => Promise.all(Object.values(servers).map((s) => s.close())));

const operations = {
  'SPARQL query': (s: TestServer, h: Record<string, string>) =>
    s.fetch(`/sparql?query=${encodeURIComponent('ASK {}')}`, { headers: h }),
  'Graph Store GET': (s: TestServer, h: Record<string, string>) => s.fetch('/store?default', { headers: h }),
  'SPARQL update': (s: TestServer, h: Record<string, string>) => {
    const { body, headers } = form(['update', 'INSERT DATA { <urn:s:a> <urn:p:v> 1 }']);
    return s.fetch('/sparql', { method: 'POST', body, headers: { ...headers, ...h } });
  },
  'Graph Store PUT': (s: TestServer, h: Record<string, string>) =>
    s.fetch('/store?graph=urn:g:a', {
      method: 'PUT',
      headers: { 'content-type': 'text/turtle', ...h },
      body: '<urn:s:a> <urn:p:v> 2 .',
    }),
};
type Operation = keyof typeof operations;
const reads: Operation[] = ['SPARQL query', 'Graph Store GET'];
const writes: Operation[] = ['SPARQL update', 'Graph Store PUT'];

type Row = [ConfigName, 'read' | 'write', string | undefined, number];
const table: Row[] = [
  ['none', 'read', undefined, 200],
  ['none', 'write', undefined, 403],
  ['none', 'write', 'anything', 403],
  ['openWrites', 'read', undefined, 200],
  ['openWrites', 'write', undefined, 200],
  ['writeToken', 'read', undefined, 200],
  ['writeToken', 'write', undefined, 401],
  ['writeToken', 'write', 'wrong', 403],
  ['writeToken', 'write', 'w-token', 200],
  ['bothTokens', 'read', undefined, 401],
  ['bothTokens', 'read', 'wrong', 403],
  ['bothTokens', 'read', 'r-token', 200],
  ['bothTokens', 'read', 'w-token', 200],
  ['bothTokens', 'write', undefined, 401],
  ['bothTokens', 'write', 'wrong', 403],
  ['bothTokens', 'write', 'r-token', 403],
  ['bothTokens', 'write', 'w-token', 200],
  ['readTokenOpenWrites', 'read', undefined, 401],
  ['readTokenOpenWrites', 'write', undefined, 401],
  ['readTokenOpenWrites', 'write', 'r-token', 200],
  ['writeTokenOpenWrites', 'write', undefined, 401],
  ['writeTokenOpenWrites', 'write', 'w-token', 200],
];

/** The success status of each operation (PUT answers 201 or 204, a query or update 200). */
const succeeded = (status: number) => status >= 200 && status < 300;

describe.each(table)('%s: %s with token %s', (config, access, token, expected) => {
  it.each(access === 'read' ? reads : writes)(`%s → ${expected}`, async (operation) => {
    const server = servers[config];
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const before = await dump(server, reader[config]);
    const res = await operations[operation](server, headers);
    if (expected === 200) {
      expect(succeeded(res.status), `status ${res.status}`).toBe(true);
      return;
    }
    expect(res.status).toBe(expected);
    const problem = await problemOf(res);
    if (expected === 401) {
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(problem.detail).toContain('Authorization: Bearer <token>');
    } else {
      expect(problem.detail).toMatch(config === 'none' ? /IMAGEGRAPH_WRITE_TOKEN.*--open-writes/ : /token/);
    }
    expect(await dump(server, reader[config])).toBe(before);
  });
});

it('accepts the Bearer scheme in any case and refuses other schemes as missing', async () => {
  const server = servers.writeToken;
  const send = (authorization: string) => operations['Graph Store PUT'](server, { authorization });
  expect(succeeded((await send('bearer w-token')).status)).toBe(true);
  expect((await send('Basic dzp0b2tlbg==')).status).toBe(401);
  expect((await send('Bearer w-token extra')).status).toBe(401);
});
