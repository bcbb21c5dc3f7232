import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestSuiteRunner } from 'rdf-test-suite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../src/cli/settings.ts';
import { type Service, startService } from '../src/server.ts';
import { w3cTests } from './support/w3c.ts';

// The W3C SPARQL 1.1 Protocol, Graph Store Protocol and Service Description suites, run by the npm package
// rdf-test-suite against the real service on a free port (writes opened for the runner, as the suites need).
const suites = [
  {
    name: 'SPARQL 1.1 Protocol',
    manifest: 'protocol/manifest.ttl',
    option: 'protocolEndpoint',
    path: '/sparql',
    tests: 34,
  },
  {
    name: 'Graph Store Protocol, direct graph identification',
    manifest: 'graph-store-protocol/manifest-direct.ttl',
    option: 'graphStoreEndpoint',
    path: '/store',
    tests: 4,
  },
  {
    name: 'Graph Store Protocol, indirect graph identification',
    manifest: 'graph-store-protocol/manifest-indirect.ttl',
    option: 'graphStoreEndpoint',
    path: '/store',
    tests: 9,
  },
  {
    name: 'SPARQL 1.1 Service Description',
    manifest: 'service-description/manifest.ttl',
    option: 'serviceDescriptionEndpoint',
    path: '/sparql',
    tests: 3,
  },
];

/** Tests imagegraph does not pass, each with its reason (none at present). */
const skipped: Record<string, string> = {};

let service: Service;
beforeAll(async () => {
  const data = mkdtempSync(join(tmpdir(), 'imagegraph-w3c-'));
  const settings = { ...readSettings({}, {}), data, port: 0, openWrites: true, copies: 2 };
  service = await startService({ settings, log: () => undefined });
});
afterAll(() => service?.close());

describe.each(suites)('W3C $name', ({ manifest, option, path, tests }) => {
  it(`passes all ${tests} tests`, async () => {
    const base = 'https://w3c.github.io/rdf-tests/sparql/sparql11/';
    const results = await new TestSuiteRunner().runManifest(`${base}${manifest}`, {}, {
      customEngingeOptions: { [option]: `${service.url}${path}` },
      urlToFileMapping: `https://w3c.github.io/rdf-tests/~${w3cTests}/`,
      timeOutDuration: 10_000,
      exitWithStatusCode0: true,
      outputFormat: 'summary',
    } as never);
    const failed = results
      .filter((r) => !r.ok && !r.skipped && !skipped[r.test.uri])
      .map((r) => `${r.test.uri}: ${r.error?.message?.slice(0, 400)}`);
    expect(failed).toEqual([]);
    expect(results).toHaveLength(tests);
    expect(results.filter((r) => r.skipped).map((r) => r.test.uri)).toEqual(Object.keys(skipped));
  });
});
