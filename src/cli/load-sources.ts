import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.ts';
import { findImporter } from '../importers/index.ts';
import { findRdfFormat, rdfFormatOfPath } from '../rdf/formats.ts';
import { writeRdf } from '../rdf/serialize.ts';
import { type BulkSource, bulkFormats } from '../store/bulk-source.ts';

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new InputError(`cannot read the file: ${(error as Error).message}`, {
      where: path,
      fix: 'Check the path and the permissions.',
      cause: error,
    });
  }
}

/**
 * FILE as a bulk load source: the bytes as they are when Oxigraph reads the syntax (Turtle, TriG, N-Triples,
 * N-Quads, RDF/XML); anything else `convert` reads (JSON-LD, patent tables, Glance, CloudStack) through its
 * importer, as N-Quads. FROM names the format; without it the extension does.
 */
export async function readSource(file: string, from: string | undefined): Promise<BulkSource> {
  const importer = findImporter(from, file);
  const rdf = from === undefined ? rdfFormatOfPath(file) : findRdfFormat(from);
  if (rdf && bulkFormats.has(rdf.name)) {
    return {
      where: file,
      bytes: await readBytes(file),
      format: rdf.name,
      baseIri: pathToFileURL(resolve(file)).href,
    };
  }
  const quads = await importer.read(file);
  return { where: file, bytes: Buffer.from(writeRdf(quads, 'nquads')), format: 'nquads' };
}
