import { InputError } from '../errors.ts';
import { findRdfFormat, rdfFormatOfPath, rdfFormats } from '../rdf/formats.ts';
import { cloudstack } from './cloudstack.ts';
import { glance } from './glance.ts';
import type { Importer } from './importer.ts';
import { patentImages } from './patent-images.ts';
import { patentNodeImages } from './patent-node-images.ts';
import { rdfImporter } from './rdf.ts';

/** The source formats `imagegraph convert --from` reads besides the RDF syntaxes. */
export const sourceImporters: Readonly<Record<string, Importer>> = {
  'patent-images': patentImages,
  'patent-node-images': patentNodeImages,
  glance,
  cloudstack,
};

/** Every format name --from accepts, with what it reads. */
export const importerNames = (): [string, Importer][] => [
  ...rdfFormats.map((f): [string, Importer] => [f.name, rdfImporter(f)]),
  ...Object.entries(sourceImporters),
];

/** The importer --from FORMAT names, or without FORMAT the RDF syntax of PATH's extension. */
export function findImporter(format: string | undefined, path: string): Importer {
  if (format === undefined) return rdfImporter(rdfFormatOfPath(path));
  const rdf = findRdfFormat(format);
  const importer = sourceImporters[format] ?? (rdf && rdfImporter(rdf));
  if (!importer) {
    throw new InputError(`unknown input format '${format}'`, {
      fix: `Use one of: ${importerNames()
        .map(([name]) => name)
        .join(', ')}.`,
    });
  }
  return importer;
}
