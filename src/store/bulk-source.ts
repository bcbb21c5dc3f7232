/** RDF to load in bulk: bytes in a syntax Oxigraph's loader reads. */
export interface BulkSource {
  /** Named in error messages: a file path, usually. */
  readonly where: string;
  readonly bytes: Uint8Array;
  /** The syntax, by its name in rdf/formats.ts: one of bulkFormats. */
  readonly format: string;
  /** What relative IRIs resolve against (a file's URL). */
  readonly baseIri?: string | undefined;
}

/** The RDF syntaxes a bulk load reads (JSON-LD is read by jsonld.js elsewhere: convert it to N-Quads first). */
export const bulkFormats: ReadonlySet<string> = new Set(['turtle', 'trig', 'ntriples', 'nquads', 'rdfxml']);

/** The syntaxes that hold one statement a line, so that they can be loaded a slice at a time. */
export const lineFormats: ReadonlySet<string> = new Set(['ntriples', 'nquads']);
