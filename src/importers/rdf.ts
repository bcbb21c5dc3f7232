import type { RdfFormat } from '../rdf/formats.ts';
import { readRdfFile } from '../rdf/parse.ts';
import type { Importer } from './importer.ts';

/** A file in an RDF syntax, read as it is (it is expected to use imagegraph's vocabulary already). */
export const rdfImporter = (format: RdfFormat): Importer => ({
  description: `RDF: ${format.name} (${format.extensions.join(', ')})`,
  read: (path) => readRdfFile(path, format.name),
});
