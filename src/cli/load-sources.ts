import { open, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.ts';
import { findRdfFormat, rdfFormatOfPath } from '../rdf/formats.ts';
import { type BulkSource, bulkFormats } from '../store/bulk-source.ts';

/**
 * The content of the file at PATH in shared memory, so that the validation thread (bulk-validate.ts) is handed
 * the bytes without a copy (for a 150 MB file the copy takes ≈0.2 s of this thread, and as much memory again).
 * What is not a regular file (a pipe) is read as a stream is, into an ordinary buffer.
 */
async function readShared(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const stat = await file.stat();
    if (!stat.isFile()) return await readFile(file);
    const bytes = Buffer.from(new SharedArrayBuffer(stat.size));
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await file.read(bytes, done, bytes.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return bytes.subarray(0, done);
  } finally {
    await file.close();
  }
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readShared(path);
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
 * importer, as N-Quads. FROM names the format; without it the extension does. The importers (JSON-LD brings
 * an HTTP client) are imported only for such a file: they take longer to load than a small file does.
 */
export async function readSource(file: string, from: string | undefined): Promise<BulkSource> {
  const rdf = from === undefined ? rdfFormatOfPath(file) : findRdfFormat(from);
  if (rdf && bulkFormats.has(rdf.name)) {
    return {
      where: file,
      bytes: await readBytes(file),
      format: rdf.name,
      baseIri: pathToFileURL(resolve(file)).href,
    };
  }
  const [{ findImporter }, { writeRdf }] = await Promise.all([
    import('../importers/index.ts'),
    import('../rdf/serialize.ts'),
  ]);
  const quads = await findImporter(from, file).read(file);
  return { where: file, bytes: Buffer.from(writeRdf(quads, 'nquads')), format: 'nquads' };
}
