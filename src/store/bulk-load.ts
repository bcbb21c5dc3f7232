import type * as oxigraph from 'oxigraph';
import { InputError } from '../errors.ts';
import { findRdfFormat } from '../rdf/formats.ts';
import { namedNode } from '../rdf/terms.ts';
import { InputSnapshot, inputAsSnapshot, mentionsBlankNodes } from './bulk-snapshot.ts';
import { type BulkSource, bulkFormats, lineFormats } from './bulk-source.ts';
import { ValidationThread } from './bulk-validate.ts';
import type { DataFiles } from './data-dir.ts';
import { ForbiddenGraphError } from './errors.ts';
import { readOnlyGraphs } from './read-only-graphs.ts';
import type { SnapshotMeta } from './snapshot-meta.ts';
import { discardSnapshot, prepareSnapshot } from './snapshot-write.ts';
import type { GraphName } from './store.ts';
import { graphTerm, type UserGraphs } from './user-graphs.ts';

/** How far a bulk load has got; told between slices of the input (the thread is busy in between). */
export interface BulkProgress {
  /** load: Oxigraph reads the input; snapshot: the new snapshot is written; validate: waiting for the verdict. */
  readonly phase: 'load' | 'snapshot' | 'validate';
  readonly bytesLoaded: number;
  readonly bytesTotal: number;
}

export interface BulkOptions {
  readonly validate: boolean;
  /** A validation thread started ahead (ValidationThread.start), to use instead of starting one. */
  readonly validation?: ValidationThread | undefined;
  readonly onProgress?: ((progress: BulkProgress) => void) | undefined;
}

/** The store a bulk load fills, and where its snapshot goes. */
export interface BulkTarget {
  readonly store: oxigraph.Store;
  readonly graphs: UserGraphs;
  readonly files: DataFiles;
  /** Quads of the user dataset before the load. */
  readonly quads: number;
  /** The write sequence number the load becomes. */
  readonly sequence: number;
}

/**
 * Slices of N-Triples or N-Quads handed to Oxigraph at a time: progress is told between them, and since
 * Oxigraph copies each call's input into its WebAssembly memory, which never shrinks, small slices keep
 * that memory small (and load ≈1.4× faster than one call with a whole 150 MB file).
 */
const SLICE_BYTES = 1024 * 1024;

/**
 * How many quads each read-only graph holds: a load that changes one of these is refused. Only syntaxes that
 * name graphs (N-Quads, TriG) can reach one (GRAPH, the target, is checked first), so only they are counted.
 */
function readOnlyCounts(store: oxigraph.Store, sources: readonly BulkSource[]): Map<string, string> {
  if (!sources.some((source) => findRdfFormat(source.format)?.quads)) return new Map();
  const counts = new Map<string, string>();
  for (const graph of readOnlyGraphs) {
    counts.set(graph, String(store.match(null, null, null, namedNode(graph) as never).length));
  }
  return counts;
}

/**
 * Where SOURCE can be cut for Oxigraph: after any line of N-Triples or N-Quads, unless it names a blank node
 * (BLANK: Oxigraph gives each load call fresh blank nodes, so a label must stay within one call); else nowhere.
 */
function slices(source: BulkSource, blank: boolean): Uint8Array[] {
  const bytes = Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
  if (!lineFormats.has(source.format) || blank) return [bytes];
  const out: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const cut = bytes.indexOf(10, Math.min(bytes.length, start + SLICE_BYTES));
    const end = cut < 0 ? bytes.length : cut + 1;
    out.push(bytes.subarray(start, end));
    start = end;
  }
  return out;
}

/** Oxigraph's MESSAGE about a slice starting at byte OFFSET of BYTES, its line numbers made the file's. */
function atFileLines(message: string, bytes: Uint8Array, offset: number): string {
  if (offset === 0) return message;
  let before = 0;
  for (let at = bytes.indexOf(10); at >= 0 && at < offset; at = bytes.indexOf(10, at + 1)) before++;
  return message.replace(/\bline (\d+)/g, (_m, line: string) => `line ${Number(line) + before}`);
}

function loadSource(
  store: oxigraph.Store,
  source: BulkSource,
  blank: boolean,
  graph: GraphName,
  told: (n: number) => void,
) {
  const format = findRdfFormat(source.format);
  if (!format || !bulkFormats.has(format.name)) {
    throw new Error(`a bulk load reads ${[...bulkFormats].join(', ')}, not ${source.format}`);
  }
  let offset = 0;
  for (const slice of slices(source, blank)) {
    try {
      store.load(slice, {
        format: format.mediaType,
        ...(source.baseIri ? { base_iri: source.baseIri } : {}),
        ...(graph.kind === 'named' ? { to_graph_name: graphTerm(graph) } : {}),
        no_transaction: true,
      });
    } catch (error) {
      const message = atFileLines((error as Error).message, source.bytes, offset);
      throw new InputError(`invalid ${format.name}: ${message}`, {
        where: source.where,
        fix: `Correct the ${format.name} at the place named, or pass --from with the file's real format.`,
        cause: error,
      });
    }
    offset += slice.length;
    told(slice.length);
  }
}

/** The user dataset of GRAPHS as one N-Quads buffer, for the validation thread to judge the load against. */
function existingData(graphs: UserGraphs): Buffer {
  const chunks: Buffer[] = [];
  graphs.dump((chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

/**
 * Loads SOURCES into the target's store as one write, fast: Oxigraph's own loader reads the bytes (a slice at
 * a time for line-based syntaxes) while a worker thread validates the same data in memory against the
 * shapes (bulk-validate.ts; the store's data goes with it when there is any), then the new snapshot is written
 * but not committed. Triples go into GRAPH; quads of a named graph stay in theirs; blank nodes are new nodes.
 * When the input is itself the new snapshot (bulk-snapshot.ts: N-Triples or N-Quads without blank nodes into
 * the default graph of an empty dataset) it is written in the background during the load, not dumped after.
 *
 * Returns the prepared snapshot, for the caller to commit (compaction.ts commitCompaction). On any failure (a
 * syntax error, a read-only graph, SHACL violations: WriteRejectedError) the prepared snapshot is discarded
 * and the store holds part of the load: the caller rebuilds it from the data directory, which is unchanged.
 */
export async function loadInBulk(
  target: BulkTarget,
  sources: readonly BulkSource[],
  graph: GraphName,
  options: BulkOptions,
): Promise<SnapshotMeta> {
  if (graph.kind === 'named' && readOnlyGraphs.has(graph.iri)) throw new ForbiddenGraphError(graph.iri);
  const tell = options.onProgress ?? (() => undefined);
  const bytesTotal = sources.reduce((n, s) => n + s.bytes.byteLength, 0);
  let bytesLoaded = 0;
  if (!options.validate) options.validation?.stop();
  const validation = options.validate ? (options.validation ?? ValidationThread.start()) : undefined;
  let prepared = false;
  let input: InputSnapshot | undefined;
  try {
    const existing = validation && target.quads > 0 ? existingData(target.graphs) : undefined;
    const verdict = validation?.judge({ sources, existing });
    const before = readOnlyCounts(target.store, sources);
    const blank = sources.map(mentionsBlankNodes);
    const parts = inputAsSnapshot(sources, blank, graph, target.quads);
    prepared = parts !== undefined;
    input = parts && InputSnapshot.start(target.files, parts, target.store);
    tell({ phase: 'load', bytesLoaded, bytesTotal });
    for (const [i, source] of sources.entries()) {
      loadSource(target.store, source, blank[i]!, graph, (n) => {
        bytesLoaded += n;
        tell({ phase: 'load', bytesLoaded, bytesTotal });
      });
    }
    for (const [name, count] of readOnlyCounts(target.store, sources)) {
      if (before.get(name) !== count) throw new ForbiddenGraphError(name);
    }
    tell({ phase: 'snapshot', bytesLoaded, bytesTotal });
    prepared = true;
    const snapshot = input
      ? await input.prepare(target.sequence)
      : prepareSnapshot(target.files, target.graphs, target.sequence);
    tell({ phase: 'validate', bytesLoaded, bytesTotal });
    await verdict;
    return snapshot;
  } catch (error) {
    validation?.stop();
    await input?.settled();
    if (prepared) discardSnapshot(target.files);
    throw error;
  }
}
