import type * as oxigraph from 'oxigraph';
import { findRdfFormat } from '../rdf/formats.ts';
import { type BulkSource, lineFormats } from './bulk-source.ts';
import type { DataFiles } from './data-dir.ts';
import { temporary } from './durable.ts';
import { readOnlyGraphs } from './read-only-graphs.ts';
import { type SnapshotBytes, writeInBackground } from './snapshot-copy.ts';
import { type SnapshotMeta, snapshotMeta } from './snapshot-meta.ts';
import { prepareSnapshotMeta } from './snapshot-write.ts';
import type { GraphName } from './store.ts';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NEWLINE = Buffer.from('\n');

/** Whether SOURCE names a blank node (or holds '_:' in a literal: the test is on bytes). */
export const mentionsBlankNodes = (source: BulkSource): boolean =>
  Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength).indexOf('_:') >= 0;

/**
 * The bytes of SOURCES, joined, when they are themselves a snapshot of the dataset that loading them into
 * GRAPH of an empty user dataset makes: N-Triples or N-Quads (N-Triples is N-Quads too) for the default
 * graph, with no blank node (Oxigraph's load gives blank nodes new labels, which the journal then refers to;
 * a snapshot keeps labels). Whatever Oxigraph's strict loader accepts, its lenient reading of a snapshot
 * (nquads.ts) reads the same way: relative IRIs are refused, language tags normalised alike. Duplicated
 * statements stay, harmlessly: the quad count is the store's. N-Quads naming a read-only graph anywhere do
 * not qualify (the load is refused when it adds to one, but a quad already there would stay in the snapshot).
 * A newline is added after a source that ends without one, so that the sources join into whole lines; a
 * byte order mark is left out (Oxigraph refuses one today; inside the joined file it would be no N-Quads).
 * Undefined when the snapshot must be dumped from the store (snapshot-write.ts) instead.
 */
export function inputAsSnapshot(
  sources: readonly BulkSource[],
  blank: readonly boolean[],
  graph: GraphName,
  quadsBefore: number,
): Uint8Array[] | undefined {
  if (quadsBefore !== 0 || graph.kind !== 'default' || blank.some(Boolean)) return undefined;
  const parts: Uint8Array[] = [];
  for (const source of sources) {
    const name = findRdfFormat(source.format)?.name;
    if (name === undefined || !lineFormats.has(name)) return undefined;
    let bytes = Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
    if (name === 'nquads' && [...readOnlyGraphs].some((iri) => bytes.includes(`<${iri}>`))) return undefined;
    if (bytes.subarray(0, BOM.length).equals(BOM)) bytes = bytes.subarray(BOM.length);
    if (bytes.length === 0) continue;
    parts.push(bytes);
    if (bytes[bytes.length - 1] !== NEWLINE[0]) parts.push(NEWLINE);
  }
  return parts;
}

/**
 * The snapshot of a bulk load made of its input (inputAsSnapshot): snapshot.nq.tmp is written in the
 * background from the start of the load (step 1 of snapshot-write.ts), snapshot.json.tmp once the load has
 * succeeded and the store counted its quads (step 2). A crash before step 2 leaves a .tmp file that opening
 * discards, as for any snapshot.
 */
export class InputSnapshot {
  private readonly files: DataFiles;
  private readonly copy: SnapshotBytes;
  private readonly store: oxigraph.Store;
  /** The quads of the store before the load: the read-only graphs' (the user dataset is empty). */
  private readonly before: number;

  private constructor(files: DataFiles, copy: SnapshotBytes, store: oxigraph.Store) {
    this.files = files;
    this.copy = copy;
    this.store = store;
    this.before = store.size;
  }

  /** Starts writing PARTS as snapshot.nq.tmp of FILES, for a load into STORE, whose user dataset is empty. */
  static start(files: DataFiles, parts: readonly Uint8Array[], store: oxigraph.Store): InputSnapshot {
    return new InputSnapshot(files, writeInBackground(temporary(files.snapshot), parts), store);
  }

  /**
   * Steps 1 (waited for) and 2, once the load is done: the snapshot at SEQUENCE is prepared, not committed.
   * Its quad count is the store's (store.size walks it all: ≈0.14 s for a million quads), duplicates not
   * counted.
   */
  async prepare(sequence: number): Promise<SnapshotMeta> {
    const quads = this.store.size - this.before;
    await this.copy.written;
    const meta = snapshotMeta(sequence, quads, this.copy.bytes, this.copy.sha256);
    prepareSnapshotMeta(this.files, meta);
    return meta;
  }

  /** Waits for the writes to end, whatever their outcome, so that the .tmp file can be removed. */
  async settled(): Promise<void> {
    await this.copy.written.catch(() => undefined);
  }
}
