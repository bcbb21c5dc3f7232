import type { Quad } from '@rdfjs/types';
import { IndexedGraph } from '../rdf/graph.ts';
import { namedNode } from '../rdf/terms.ts';
import { IG_NS_ROOT, owl, rdf } from '../vocab.ts';

/** The rdf:types that declare a term. */
const declaringTypes = [
  'Class',
  'ObjectProperty',
  'DatatypeProperty',
  'AnnotationProperty',
  'NamedIndividual',
];

const termTail = /^(\/[^#]+)?#.+$/;

/**
 * Whether IRI is a term of an imagegraph vocabulary: `…/ns#Image` or `…/ns/<scheme>#token`.
 * The ontology's own IRI and version IRI (no `#`) and instance IRIs (`…/id/…`) are not terms.
 */
export function isImagegraphTerm(iri: string): boolean {
  return iri.startsWith(IG_NS_ROOT) && termTail.test(iri.slice(IG_NS_ROOT.length));
}

/**
 * The IRIs ONTOLOGY declares: subjects typed owl:Class, owl:ObjectProperty, owl:DatatypeProperty,
 * owl:AnnotationProperty or owl:NamedIndividual, and the instances of its declared classes
 * (the members of the controlled vocabularies).
 */
export function declaredTerms(ontology: Iterable<Quad>): Set<string> {
  const graph = new IndexedGraph(ontology);
  const type = rdf('type');
  const declared = new Set<string>();
  const classes = graph.subjects(type, namedNode(owl('Class')));
  const typed = [...declaringTypes.map((local) => namedNode(owl(local))), ...classes];
  for (const kind of typed) {
    for (const s of graph.subjects(type, kind)) if (s.termType === 'NamedNode') declared.add(s.value);
  }
  return declared;
}
