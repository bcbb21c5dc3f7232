import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { InputError } from '../errors.ts';
import { findRdfFormat, type RdfFormat, rdfFormatOfPath } from './formats.ts';
import { fromForeignQuad } from './terms.ts';

// Oxigraph's typings declare parse() without `export`; it is exported at run time.
/**
 * Oxigraph's parser (its typings omit the export), required on first use: the syntaxes N3.js reads, most of
 * them, never load Oxigraph's WebAssembly (threads that only validate start quicker).
 */
let oxigraphParse: ((input: string, options: object) => Quad[]) | undefined;
const oxParse = (input: string, options: object): Quad[] => {
  oxigraphParse ??= (createRequire(import.meta.url)('oxigraph') as { parse: typeof oxParse }).parse;
  return oxigraphParse(input, options);
};

export interface ParseSource {
  /** Shown in error messages: a file path or a label such as 'request body'. */
  readonly where: string;
  readonly baseIri?: string;
}

/** Parses TEXT in FORMAT; syntax errors become InputErrors naming the source and line. */
export function parseRdf(text: string, format: RdfFormat, source: ParseSource): Quad[] {
  const baseIri = source.baseIri ?? 'urn:imagegraph:base:';
  try {
    if (format.n3) return new Parser({ format: format.n3, baseIRI: baseIri }).parse(text);
    return oxParse(text, { format: format.mediaType, base_iri: baseIri }).map(fromForeignQuad);
  } catch (error) {
    throw new InputError(`invalid ${format.name}: ${messageOf(error)}`, {
      where: source.where,
      fix: `Correct the ${format.name} syntax at the place named, or pass --from with the file's real format.`,
      cause: error,
    });
  }
}

/** Reads and parses an RDF file; the format comes from FORMATNAME or else the extension. */
export async function readRdfFile(path: string, formatName?: string): Promise<Quad[]> {
  const format = formatName ? requireRdfFormat(formatName) : rdfFormatOfPath(path);
  const text = await readText(path);
  return parseRdf(text, format, { where: path, baseIri: pathToFileURL(path).href });
}

export function requireRdfFormat(name: string): RdfFormat {
  const format = findRdfFormat(name);
  if (!format) {
    throw new InputError(`unknown RDF format '${name}'`, {
      fix: 'Use turtle, trig, ntriples, nquads, rdfxml or jsonld.',
    });
  }
  return format;
}

/** Reads a UTF-8 file; a missing or unreadable file is an InputError. */
export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the file: ${messageOf(error)}`, {
      where: path,
      fix: 'Check the path and the permissions.',
      cause: error,
    });
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim();
}
