import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { namedNode, Store } from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { declaredTerms } from '../src/model/declared.ts';
import {
  type Finding,
  ontologiesWithoutVersionIri,
  undeclaredShapeTerms,
  undeclaredTerms,
  undocumentedTerms,
} from '../src/model/hygiene.ts';
import { loadAlignments, loadOntology, loadShapes, turtleFiles } from '../src/model/load.ts';
import { paths } from '../src/paths.ts';
import { readRdfFile } from '../src/rdf/parse.ts';
import { fromForeignQuad, termKey } from '../src/rdf/terms.ts';
import { IG_NS_ROOT, owl, prefixes, rdf } from '../src/vocab.ts';
import { turtle } from './support/turtle.ts';

/** The Turtle files under DIR, subfolders included. */
const turtleTree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ttl'))
    .sort()
    .map((f) => join(dir, f));

/** The ontology and its vocabularies (what loadOntology reads), loaded as Turtle bytes into Oxigraph and read back. */
async function ontologyFromStore(): Promise<{ store: Store; quads: Quad[] }> {
  const store = new Store();
  for (const file of await turtleFiles(paths.ontology)) {
    store.load(await readFile(file), { format: 'text/turtle', base_iri: pathToFileURL(file).href });
  }
  return { store, quads: store.match(null, null, null, null).map(fromForeignQuad) };
}

const { store, quads: ontology } = await ontologyFromStore();
const declared = declaredTerms(ontology);
const shapes = await loadShapes();
const quadKey = (q: Quad): string => [q.subject, q.predicate, q.object].map(termKey).join(' ');
const terms = (findings: Finding[]): string[] => findings.map((f) => f.term);

describe('the ontology in Oxigraph', () => {
  it('holds every triple of ontology/ that N3.js parses, no more and no fewer', async () => {
    const parsed = await loadOntology();
    expect(store.size).toBe(new Set(parsed.map(quadKey)).size);
  });

  it('is one owl:Ontology, with an owl:versionIRI', () => {
    const ontologies = store.match(null, namedNode(rdf('type')), namedNode(owl('Ontology')), null);
    expect(ontologies.map((q) => q.subject.value)).toEqual([IG_NS_ROOT]);
    expect(ontologiesWithoutVersionIri(ontology)).toEqual([]);
  });

  it('gives every declared class, property and individual an rdfs:label and an rdfs:comment', () => {
    expect(undocumentedTerms(ontology)).toEqual([]);
  });

  it('has alignments whose declared foreign terms have an rdfs:label and an rdfs:comment too', async () => {
    expect(undocumentedTerms(await loadAlignments())).toEqual([]);
  });
});

describe('no undeclared imagegraph terms', () => {
  const sources = [
    ...turtleTree(paths.ontology),
    ...turtleTree(paths.shapes),
    ...turtleTree(fileURLToPath(new URL('fixtures/valid/', import.meta.url))),
    ...turtleTree(fileURLToPath(new URL('fixtures/invalid/', import.meta.url))),
  ].map((file) => [file.slice(paths.root.length), file]);

  it.each(sources)('in %s', async (_, file) => {
    expect(undeclaredTerms(await readRdfFile(file), declared)).toEqual([]);
  });

  it('in what the shapes name as classes, paths, compared properties, sh:in members and sh:hasValue', () => {
    expect(undeclaredShapeTerms(shapes, ontology)).toEqual([]);
  });
});

describe('the hygiene checks catch planted defects', () => {
  const checks: [string, () => string[], string[]][] = [
    [
      'an undeclared property in data',
      () => terms(undeclaredTerms(turtle('<urn:x> ig:colour "red" ; ig:osBits 64 .'), declared)),
      [`${prefixes.ig}colour`],
    ],
    [
      'an undeclared vocabulary member',
      () => terms(undeclaredTerms(turtle('<urn:x> ig:diskFormat fmt:qcow3 .'), declared)),
      [`${prefixes.fmt}qcow3`],
    ],
    [
      'a class without label and comment',
      () =>
        terms(
          undocumentedTerms(
            turtle('ig:Widget a owl:Class .\nig:Gadget a owl:Class ; rdfs:label "gadget"@en .'),
          ),
        ),
      [`${prefixes.ig}Gadget`, `${prefixes.ig}Widget`],
    ],
    [
      'an ontology without a version IRI',
      () => terms(ontologiesWithoutVersionIri(turtle('<https://example.org/onto> a owl:Ontology .'))),
      ['https://example.org/onto'],
    ],
    [
      'shapes naming undeclared terms',
      () =>
        terms(
          undeclaredShapeTerms(
            turtle(`igs:W a sh:NodeShape ; sh:targetClass ig:Widget ;
              sh:property [ sh:path ( ig:onNode ig:hypervisorKind ) ; sh:in ( hv:kvm hv:bhyve 3 ) ; sh:hasValue st:retired ] .`),
            ontology,
          ),
        ),
      [
        `${prefixes.ig}Widget`,
        `${prefixes.ig}hypervisorKind`,
        `${prefixes.hv}bhyve`,
        `${prefixes.st}retired`,
      ],
    ],
  ];

  it.each(checks)('%s', (_, check, expected) => {
    expect(check()).toEqual(expected);
  });
});
