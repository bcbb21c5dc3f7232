// The validation thread of a bulk load (bulk-validate.ts): compiles the shapes, then parses the loaded data it
// is sent, and the data the store held, and judges the load in memory while the main thread loads the same
// bytes into Oxigraph.
import { parentPort } from 'node:worker_threads';
import type { Quad } from '@rdfjs/types';
import { InputError } from '../errors.ts';
import { findRdfFormat } from '../rdf/formats.ts';
import { LineReader } from '../rdf/line-reader.ts';
import { parseRdf } from '../rdf/parse.ts';
import { compileShapes } from '../validation/engine.ts';
import { introducedInMemory } from './bulk-gate.ts';
import { type BulkSource, lineFormats } from './bulk-source.ts';
import { WriteRejectedError } from './errors.ts';
import { errorToWire } from './pool/protocol.ts';
import { readOnlyContent } from './read-only-graphs.ts';

export interface BulkValidateInput {
  readonly sources: readonly BulkSource[];
  /** The user dataset before the load, as N-Quads (absent when the store held none). */
  readonly existing?: Uint8Array | undefined;
}

export type BulkVerdict =
  | { readonly kind: 'ok' }
  | { readonly kind: 'error'; readonly error: ReturnType<typeof errorToWire> };

/** The quads of SOURCE; blank nodes get LABELS as a prefix, so that no two sources share one. */
function parse(source: BulkSource, labels: string): Quad[] {
  const text = Buffer.from(source.bytes).toString('utf8');
  if (lineFormats.has(source.format)) {
    try {
      return new LineReader(source.format as 'ntriples' | 'nquads', labels).read(text, []);
    } catch (error) {
      throw new InputError(`invalid ${source.format}: ${(error as Error).message}`, { where: source.where });
    }
  }
  return parseRdf(text, findRdfFormat(source.format)!, {
    where: source.where,
    ...(source.baseIri ? { baseIri: source.baseIri } : {}),
  });
}

/** Compiles the shapes at once, then judges the one load it is sent. */
async function serve(): Promise<void> {
  const port = parentPort!;
  const ready = readOnlyContent().then((content) => ({ content, program: compileShapes(content.shapes) }));
  const input = await new Promise<BulkValidateInput>((resolve) => port.once('message', resolve));
  try {
    const { content, program } = await ready;
    const { sources, existing } = input;
    const old = existing
      ? parse({ where: 'the data directory', bytes: existing, format: 'nquads' }, 'old_')
      : [];
    const added = sources.flatMap((source, i) => parse(source, `new${i}_`));
    const introduced = introducedInMemory(program, content.ontology, old, added);
    if (introduced.length > 0) throw new WriteRejectedError({ conforms: false, results: introduced });
    port.postMessage({ kind: 'ok' } satisfies BulkVerdict);
  } catch (error) {
    port.postMessage({ kind: 'error', error: errorToWire(error) } satisfies BulkVerdict);
  }
}

await serve();
