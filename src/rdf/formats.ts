import { extname } from 'node:path';
import { InputError } from '../errors.ts';

/** An RDF syntax imagegraph reads or writes. */
export interface RdfFormat {
  readonly name: string;
  readonly mediaType: string;
  readonly extensions: readonly string[];
  /** Parsed by N3.js when set (faster, streaming); otherwise by Oxigraph. */
  readonly n3: string | undefined;
  /** Whether the syntax carries named graphs. */
  readonly quads: boolean;
}

const table: readonly RdfFormat[] = [
  { name: 'turtle', mediaType: 'text/turtle', extensions: ['.ttl'], n3: 'Turtle', quads: false },
  { name: 'trig', mediaType: 'application/trig', extensions: ['.trig'], n3: 'TriG', quads: true },
  {
    name: 'ntriples',
    mediaType: 'application/n-triples',
    extensions: ['.nt'],
    n3: 'N-Triples',
    quads: false,
  },
  { name: 'nquads', mediaType: 'application/n-quads', extensions: ['.nq'], n3: 'N-Quads', quads: true },
  {
    name: 'rdfxml',
    mediaType: 'application/rdf+xml',
    extensions: ['.rdf', '.owl', '.xml'],
    n3: undefined,
    quads: false,
  },
  { name: 'jsonld', mediaType: 'application/ld+json', extensions: ['.jsonld'], n3: undefined, quads: true },
];

const aliases: Record<string, string> = {
  ttl: 'turtle',
  nt: 'ntriples',
  'n-triples': 'ntriples',
  nq: 'nquads',
  'n-quads': 'nquads',
  xml: 'rdfxml',
  'rdf/xml': 'rdfxml',
  owl: 'rdfxml',
  'json-ld': 'jsonld',
};

export const rdfFormats = table;

/** The format named NAME (a name, an alias or a media type), or undefined. */
export function findRdfFormat(name: string): RdfFormat | undefined {
  const key = name.toLowerCase();
  const canonical = aliases[key] ?? key;
  return table.find((f) => f.name === canonical || f.mediaType === key);
}

/** The format a file's extension names; an InputError when the extension says nothing. */
export function rdfFormatOfPath(path: string): RdfFormat {
  const ext = extname(path).toLowerCase();
  const format = table.find((f) => f.extensions.includes(ext));
  if (!format) {
    throw new InputError(`cannot tell the RDF syntax of a '${ext || 'extensionless'}' file`, {
      where: path,
      fix: `Name it with one of ${table.flatMap((f) => f.extensions).join(', ')}, or pass --from FORMAT.`,
    });
  }
  return format;
}
