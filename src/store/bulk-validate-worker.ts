// The validation thread of a bulk load (bulk-validate.ts): compiles the shapes, then reads the data the store
// held and the loaded data it is sent into one in-memory graph, and judges the load while the main thread loads
// the same bytes into Oxigraph.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors.ts';
import { findRdfFormat } from '../rdf/formats.ts';
import { IndexedGraph } from '../rdf/graph.ts';
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

/** Adds the statements of SOURCE to GRAPH; blank nodes get LABELS as a prefix, so that no two sources share one. */
function read(source: BulkSource, labels: string, graph: IndexedGraph): void {
  const { bytes } = source;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (lineFormats.has(source.format)) {
    try {
      new LineReader(source.format as 'ntriples' | 'nquads', labels).read(text, graph);
    } catch (error) {
      throw new InputError(`invalid ${source.format}: ${(error as Error).message}`, { where: source.where });
    }
    return;
  }
  const format = findRdfFormat(source.format)!;
  graph.addAll(
    parseRdf(text, format, { where: source.where, ...(source.baseIri ? { baseIri: source.baseIri } : {}) }),
  );
}

/** Compiles the shapes at once, then judges the one load it is sent. */
async function serve(): Promise<void> {
  const port = parentPort!;
  const ready = readOnlyContent().then((content) => ({ content, program: compileShapes(content.shapes) }));
  const input = await new Promise<BulkValidateInput>((resolve) => port.once('message', resolve));
  try {
    const { content, program } = await ready;
    const { sources, existing } = input;
    // The ontology, the data the store held, the loaded data: one graph, marked where each part starts.
    const graph = new IndexedGraph(content.ontology);
    const marks = { existing: graph.mark(), added: graph.mark() };
    if (existing) {
      read({ where: 'the data directory', bytes: existing, format: 'nquads' }, 'old_', graph);
      marks.added = graph.mark();
    }
    for (const [i, source] of sources.entries()) read(source, `new${i}_`, graph);
    const introduced = introducedInMemory(program, graph, marks);
    if (introduced.length > 0) throw new WriteRejectedError({ conforms: false, results: introduced });
    port.postMessage({ kind: 'ok' } satisfies BulkVerdict);
  } catch (error) {
    port.postMessage({ kind: 'error', error: errorToWire(error) } satisfies BulkVerdict);
  }
}

await serve();
