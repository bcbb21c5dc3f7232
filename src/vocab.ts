// Every namespace and vocabulary IRI imagegraph names, in one place.
const ns =
  (base: string) =>
  (local = ''): string =>
    base + local;

export const IG_BASE = 'https://w3id.org/imagegraph/ns#';
export const ig = ns(IG_BASE);
/** The root of every imagegraph vocabulary namespace: ns# and the controlled vocabularies ns/<scheme>#. */
export const IG_NS_ROOT = 'https://w3id.org/imagegraph/ns';
/** The SHACL shapes of shapes/; reports name them by these IRIs. */
export const IGS_BASE = 'https://w3id.org/imagegraph/shapes#';
export const igs = ns(IGS_BASE);
export const ID_BASE = 'https://w3id.org/imagegraph/id/';
export const id = ns(ID_BASE);

/** Controlled vocabularies: local names are the API tokens (Glance, CloudStack). */
export const vocabularies = {
  imageType: 'https://w3id.org/imagegraph/ns/image-type#',
  format: 'https://w3id.org/imagegraph/ns/format#',
  container: 'https://w3id.org/imagegraph/ns/container#',
  os: 'https://w3id.org/imagegraph/ns/os#',
  arch: 'https://w3id.org/imagegraph/ns/arch#',
  hypervisor: 'https://w3id.org/imagegraph/ns/hypervisor#',
  provider: 'https://w3id.org/imagegraph/ns/provider#',
  delivery: 'https://w3id.org/imagegraph/ns/delivery#',
  vmMode: 'https://w3id.org/imagegraph/ns/vm-mode#',
  status: 'https://w3id.org/imagegraph/ns/status#',
  nodeImageState: 'https://w3id.org/imagegraph/ns/node-image-state#',
  jurisdiction: 'https://w3id.org/imagegraph/ns/jurisdiction#',
} as const;

export const rdf = ns('http://www.w3.org/1999/02/22-rdf-syntax-ns#');
export const rdfs = ns('http://www.w3.org/2000/01/rdf-schema#');
export const owl = ns('http://www.w3.org/2002/07/owl#');
export const xsd = ns('http://www.w3.org/2001/XMLSchema#');
export const sh = ns('http://www.w3.org/ns/shacl#');
export const dcterms = ns('http://purl.org/dc/terms/');
export const ENTICE_BASE = 'http://www.semanticweb.org/project-entice/ontologies/2015/7/knowledgebase#';
export const entice = ns(ENTICE_BASE);
/**
 * OpenStack Glance image properties as RDF properties. OpenStack publishes no RDF vocabulary, so imagegraph
 * mints one whose local names are the Glance API keys (ontology/alignments/glance.ttl).
 */
export const GLANCE_BASE = 'https://w3id.org/imagegraph/ext/glance#';
export const glance = ns(GLANCE_BASE);

/** Where imagegraph's JSON-LD contexts are named; the document loader serves them from src/importers/contexts/. */
export const CONTEXT_BASE = 'https://w3id.org/imagegraph/context/';
export const contextIri = (name: string): string => `${CONTEXT_BASE}${name}.jsonld`;

/** Prefixes used when imagegraph writes Turtle. */
export const prefixes: Record<string, string> = {
  ig: IG_BASE,
  igs: IGS_BASE,
  it: vocabularies.imageType,
  fmt: vocabularies.format,
  ctr: vocabularies.container,
  os: vocabularies.os,
  arch: vocabularies.arch,
  hv: vocabularies.hypervisor,
  prov: vocabularies.provider,
  dlv: vocabularies.delivery,
  vmm: vocabularies.vmMode,
  st: vocabularies.status,
  nis: vocabularies.nodeImageState,
  jur: vocabularies.jurisdiction,
  rdf: rdf(),
  rdfs: rdfs(),
  owl: owl(),
  xsd: xsd(),
  sh: sh(),
  glance: GLANCE_BASE,
  entice: ENTICE_BASE,
};

/** Named graphs the service keeps apart. */
export const graphs = {
  ontology: 'urn:imagegraph:graph:ontology',
  shapes: 'urn:imagegraph:graph:shapes',
  catalogue: 'urn:imagegraph:graph:catalogue',
  /** The alignments and the controlled vocabularies, while foreign-vocabulary data is rewritten. */
  alignment: 'urn:imagegraph:graph:alignment',
} as const;

/** The kinds of instance IRIs: https://w3id.org/imagegraph/id/KIND/ID. */
export type InstanceKind =
  | 'image'
  | 'node-image'
  | 'node'
  | 'zone'
  | 'customer'
  | 'repository'
  | 'image-server'
  | 'manager'
  | 'location'
  | 'fragment'
  | 'sla'
  | 'usage';

/** The IRI of a catalogue instance, e.g. instanceIri('image', '1001'). */
export const instanceIri = (kind: InstanceKind, localId: string): string => `${ID_BASE}${kind}/${localId}`;

/** A controlled-vocabulary individual of values.ttl, e.g. vocabTerm('format', 'qcow2'). */
export const vocabTerm = (scheme: keyof typeof vocabularies, local: string): string =>
  vocabularies[scheme] + local;
