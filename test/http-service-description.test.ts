import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRdfFormat } from '../src/rdf/formats.ts';
import { parseRdf } from '../src/rdf/parse.ts';
import { graphs, rdf } from '../src/vocab.ts';
import { startServer, type TestServer } from './support/http.ts';
import { testStore } from './support/test-store.ts';

// GET /sparql without a query: the SPARQL 1.1 Service Description, in the RDF syntax Accept asks for.

const sd = (local: string) => `http://www.w3.org/ns/sparql-service-description#${local}`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer(await testStore(), {});
});
afterAll(() => server.close());

async function description(accept: string, path = '/sparql', s = server): Promise<Quad[]> {
  const res = await s.fetch(path, { headers: { accept } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain(accept);
  return parseRdf(await res.text(), findRdfFormat(accept)!, { where: 'service description' });
}

const objects = (quads: Quad[], predicate: string) =>
  quads.filter((q) => q.predicate.value === predicate).map((q) => q.object.value);

describe.each(['text/turtle', 'application/rdf+xml', 'application/ld+json', 'application/n-triples'])(
  'as %s',
  (accept) => {
    it('names the endpoint, the languages, the feature and every result format', async () => {
      const quads = await description(accept);
      const service = quads.find(
        (q) => q.predicate.value === rdf('type') && q.object.value === sd('Service'),
      );
      expect(service).toBeDefined();
      const about = quads.filter((q) => q.subject.equals(service!.subject));
      expect(objects(about, sd('endpoint'))).toEqual([`${server.url}/sparql`]);
      expect(objects(about, sd('supportedLanguage')).sort()).toEqual([
        sd('SPARQL11Query'),
        sd('SPARQL11Update'),
      ]);
      expect(objects(about, sd('feature'))).toEqual([sd('UnionDefaultGraph')]);
      expect(objects(about, sd('resultFormat'))).toHaveLength(10);
      expect(objects(about, sd('resultFormat'))).toContain('http://www.w3.org/ns/formats/SPARQL_Results_CSV');
    });

    it('describes the default dataset: the default graph and the graphs imagegraph keeps', async () => {
      const quads = await description(accept);
      expect(objects(quads, sd('defaultDataset'))).toHaveLength(1);
      expect(objects(quads, sd('defaultGraph'))).toHaveLength(1);
      expect(objects(quads, sd('name')).sort()).toEqual([graphs.ontology, graphs.shapes].sort());
    });
  },
);

it('names the configured public URL as the endpoint', async () => {
  const behindProxy = await startServer(await testStore(), { publicUrl: 'https://images.example.org/' });
  try {
    const quads = await description('text/turtle', '/sparql/', behindProxy);
    expect(objects(quads, sd('endpoint'))).toEqual(['https://images.example.org/sparql']);
  } finally {
    await behindProxy.close();
  }
});
