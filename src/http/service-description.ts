import type { Quad, Term } from '@rdfjs/types';
import * as oxigraph from 'oxigraph';
import { writeRdf } from '../rdf/serialize.ts';
import { blankNode, literal, namedNode, triple } from '../rdf/terms.ts';
import { dcterms, graphs, rdf } from '../vocab.ts';
import { constructFormats, solutionFormats } from './result-formats.ts';

const sd = (local: string): string => `http://www.w3.org/ns/sparql-service-description#${local}`;

/** The named graphs imagegraph keeps besides the catalogue, as the Service Description lists them. */
const keptGraphs = [
  {
    iri: graphs.ontology,
    description: 'The imagegraph OWL ontology and its controlled vocabularies (read-only).',
  },
  { iri: graphs.shapes, description: 'The SHACL shapes every write is validated against (read-only).' },
];

/** The SPARQL 1.1 Service Description of the endpoint at ENDPOINT, as data. */
export function serviceDescription(endpoint: string): Quad[] {
  const out: Quad[] = [];
  const add = (s: Term, p: string, o: Term) => out.push(triple(s, p, o));
  const service = blankNode('service');
  add(service, rdf('type'), namedNode(sd('Service')));
  add(service, sd('endpoint'), namedNode(endpoint));
  add(
    service,
    dcterms('title'),
    literal('imagegraph: the knowledge graph of VM images across federated clouds'),
  );
  add(service, sd('supportedLanguage'), namedNode(sd('SPARQL11Query')));
  add(service, sd('supportedLanguage'), namedNode(sd('SPARQL11Update')));
  add(service, sd('feature'), namedNode(sd('UnionDefaultGraph')));
  for (const f of [...solutionFormats, ...constructFormats])
    add(service, sd('resultFormat'), namedNode(f.formatIri));
  const dataset = blankNode('dataset');
  add(service, sd('defaultDataset'), dataset);
  add(dataset, rdf('type'), namedNode(sd('Dataset')));
  const defaultGraph = blankNode('defaultGraph');
  add(dataset, sd('defaultGraph'), defaultGraph);
  add(defaultGraph, rdf('type'), namedNode(sd('Graph')));
  add(
    defaultGraph,
    dcterms('description'),
    literal('The catalogue: images, repositories, clouds, SLAs, usage.'),
  );
  keptGraphs.forEach(({ iri, description }, i) => {
    const named = blankNode(`namedGraph${i}`);
    add(dataset, sd('namedGraph'), named);
    add(named, rdf('type'), namedNode(sd('NamedGraph')));
    add(named, sd('name'), namedNode(iri));
    add(named, dcterms('description'), literal(description));
  });
  return out;
}

const turtlePrefixes = { sd: sd(''), dcterms: dcterms(), rdf: rdf() };

/** QUADS written in the RDF syntax MEDIATYPE: Turtle with PREFIXES, the others by Oxigraph. */
export function writeGraph(
  quads: readonly Quad[],
  mediaType: string,
  prefixes: Record<string, string> = turtlePrefixes,
): string {
  if (mediaType === 'text/turtle') return writeRdf(quads, 'turtle', prefixes);
  const store = new oxigraph.Store(quads as unknown as oxigraph.Quad[]);
  return store.dump({ format: mediaType, from_graph_name: oxigraph.defaultGraph() });
}
