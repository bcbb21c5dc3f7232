import type { QueryForm } from '../store/store.ts';
import { HttpError } from './http-error.ts';
import { negotiate, type Offer } from './negotiate.ts';

/** A format imagegraph answers in: its media type and its W3C format IRI (for the Service Description). */
export interface ResultFormat extends Offer {
  readonly formatIri: string;
}

const w3 = (name: string): string => `http://www.w3.org/ns/formats/${name}`;

/** SELECT and ASK results; the first row is the default. */
export const solutionFormats: readonly ResultFormat[] = [
  {
    mediaType: 'application/sparql-results+json',
    aliases: ['application/json'],
    formatIri: w3('SPARQL_Results_JSON'),
  },
  {
    mediaType: 'application/sparql-results+xml',
    aliases: ['application/xml'],
    formatIri: w3('SPARQL_Results_XML'),
  },
  { mediaType: 'text/csv', formatIri: w3('SPARQL_Results_CSV') },
  { mediaType: 'text/tab-separated-values', formatIri: w3('SPARQL_Results_TSV') },
];

/** One graph (Graph Store GET, the Service Description): the triple syntaxes; Turtle is the default. */
export const graphFormats: readonly ResultFormat[] = [
  { mediaType: 'text/turtle', formatIri: w3('Turtle') },
  { mediaType: 'application/n-triples', formatIri: w3('N-Triples') },
  { mediaType: 'application/rdf+xml', formatIri: w3('RDF_XML') },
  { mediaType: 'application/ld+json', aliases: ['application/json'], formatIri: w3('JSON-LD') },
];

/** CONSTRUCT and DESCRIBE results: the triple syntaxes and the quad syntaxes that contain them. */
export const constructFormats: readonly ResultFormat[] = [
  ...graphFormats,
  { mediaType: 'application/n-quads', formatIri: w3('N-Quads') },
  { mediaType: 'application/trig', formatIri: w3('TriG') },
];

/** The dispatch table from query form to the formats its results can be written in. */
export const formatsByForm: Readonly<Record<QueryForm, readonly ResultFormat[]>> = {
  select: solutionFormats,
  ask: solutionFormats,
  construct: constructFormats,
  describe: constructFormats,
};

/** The format ACCEPT prefers among OFFERS; 406 naming what is available when none is acceptable. */
export function chooseFormat<T extends Offer>(accept: string | undefined, offers: readonly T[]): T {
  const format = negotiate(accept, offers);
  if (format) return format;
  const available = offers.map((o) => o.mediaType);
  throw new HttpError(
    406,
    `nothing in 'Accept: ${accept}' is available here; ask for one of ${available.join(', ')}`,
    {
      extra: { available },
    },
  );
}
