import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Quad, Term } from '@rdfjs/types';
import { Parser } from 'n3';
import { IndexedGraph } from '../../src/rdf/graph.ts';
import { defaultGraph, namedNode, quad } from '../../src/rdf/terms.ts';
import { readList } from '../../src/validation/path.ts';
import { rdf, rdfs } from '../../src/vocab.ts';

const mf = (local: string) => `http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#${local}`;
const ut = (local: string) => `http://www.w3.org/2009/sparql/tests/test-update#${local}`;
const qt = (local: string) => `http://www.w3.org/2001/sw/DataAccess/tests/test-query#${local}`;

/** One W3C SPARQL 1.1 update evaluation test: the dataset before, the request, the dataset expected after. */
export interface UpdateTestCase {
  readonly name: string;
  /** The .ru file; its URL is the request's base IRI. */
  readonly requestFile: string;
  readonly request: string;
  readonly before: Quad[];
  readonly after: Quad[];
}

/** One W3C SPARQL 1.1 query evaluation test with a query and a default graph. */
export interface QueryTestCase {
  readonly name: string;
  /** The .rq file; its URL is the query's base IRI. */
  readonly queryFile: string;
  readonly query: string;
  readonly data: Quad[];
}

/** One syntax test of the same manifests: whether the request must parse. */
export interface SyntaxTestCase {
  readonly name: string;
  readonly request: string;
  readonly positive: boolean;
}

const parseTurtle = (file: string, graph: Term = defaultGraph()): Quad[] =>
  new Parser({ baseIRI: pathToFileURL(file).href })
    .parse(readFileSync(file, 'utf8'))
    .map((q) => quad(q.subject, q.predicate, q.object, graph as Quad['graph']) as Quad);

/** The dataset an mf:action or mf:result describes: ut:data into the default graph, ut:graphData into named graphs. */
function dataset(manifest: IndexedGraph, node: Term | undefined): Quad[] {
  if (!node) return [];
  const objects = (s: Term, p: string) => manifest.objects(s, p);
  const quads = objects(node, ut('data')).flatMap((file) => parseTurtle(fileURLToPath(file.value)));
  for (const graphData of objects(node, ut('graphData'))) {
    const file = objects(graphData, ut('graph'))[0]!;
    const name = objects(graphData, rdfs('label'))[0]?.value ?? file.value;
    quads.push(...parseTurtle(fileURLToPath(file.value), namedNode(name)));
  }
  return quads;
}

const entries = (file: string): { manifest: IndexedGraph; entries: Term[] } => {
  const manifest = new IndexedGraph(parseTurtle(file));
  const self = namedNode(pathToFileURL(file).href);
  const list = manifest.objects(self, mf('entries'))[0];
  return { manifest, entries: list ? readList((s, p) => manifest.objects(s, p), list) : [] };
};

const typed = (manifest: IndexedGraph, entry: Term, type: string): boolean =>
  manifest.objects(entry, rdf('type')).some((t) => t.value === type);

const shortName = (file: string, entry: Term): string =>
  `${file.split('/').at(-2)}/${entry.value.slice(entry.value.lastIndexOf('#') + 1)}`;

/** The mf:UpdateEvaluationTest entries of the manifest at FILE, in manifest order. */
export function readUpdateManifest(file: string): UpdateTestCase[] {
  const { manifest, entries: list } = entries(file);
  return list
    .filter((entry) => typed(manifest, entry, mf('UpdateEvaluationTest')))
    .map((entry) => {
      const action = manifest.objects(entry, mf('action'))[0]!;
      const requestFile = fileURLToPath(manifest.objects(action, ut('request'))[0]!.value);
      return {
        name: shortName(file, entry),
        requestFile,
        request: readFileSync(requestFile, 'utf8'),
        before: dataset(manifest, action),
        after: dataset(manifest, manifest.objects(entry, mf('result'))[0]),
      };
    });
}

/** The mf:PositiveUpdateSyntaxTest11 / NegativeSyntaxTest11 … entries of the manifest at FILE. */
export function readSyntaxManifest(file: string): SyntaxTestCase[] {
  const { manifest, entries: list } = entries(file);
  const kinds: [string, boolean][] = [
    [mf('PositiveUpdateSyntaxTest11'), true],
    [mf('NegativeUpdateSyntaxTest11'), false],
    [mf('NegativeSyntaxTest11'), false],
  ];
  return list.flatMap((entry) => {
    const kind = kinds.find(([type]) => typed(manifest, entry, type));
    if (!kind) return [];
    const action = manifest.objects(entry, mf('action'))[0]!;
    return [
      {
        name: shortName(file, entry),
        request: readFileSync(fileURLToPath(action.value), 'utf8'),
        positive: kind[1],
      },
    ];
  });
}

/** The mf:QueryEvaluationTest entries of the manifest at FILE with a qt:query and one Turtle or N-Triples qt:data. */
export function readQueryManifest(file: string): QueryTestCase[] {
  const { manifest, entries: list } = entries(file);
  return list.flatMap((entry) => {
    const action = manifest.objects(entry, mf('action'))[0];
    if (!typed(manifest, entry, mf('QueryEvaluationTest')) || !action) return [];
    const [query] = manifest.objects(action, qt('query'));
    const data = manifest.objects(action, qt('data'));
    if (!query || data.length !== 1 || !/\.(ttl|nt)$/.test(data[0]!.value)) return [];
    const queryFile = fileURLToPath(query.value);
    return [
      {
        name: shortName(file, entry),
        queryFile,
        query: readFileSync(queryFile, 'utf8'),
        data: parseTurtle(fileURLToPath(data[0]!.value)),
      },
    ];
  });
}
