import { resolve } from 'node:path';
import type { Quad } from '@rdfjs/types';
import type * as oxigraph from 'oxigraph';
import { InputError } from '../errors.ts';
import { type Change, isEmpty } from '../sparql/change.ts';
import { applyChange, applyUpdate, revert } from '../sparql/plan-update.ts';
import type { ShapesProgram } from '../validation/engine.ts';
import { type Restored, restoreBackup, writeBackup } from './backup.ts';
import { type BulkOptions, loadInBulk } from './bulk-load.ts';
import type { BulkSource } from './bulk-source.ts';
import { applyEncodedChange, encodeChange } from './change-codec.ts';
import { commitCompaction, compact } from './compaction.ts';
import { type CoreParts, openCore, readAcknowledged } from './core-open.ts';
import type { CoreOptions, CoreStats } from './core-types.ts';
import type { DataFiles } from './data-dir.ts';
import { WriteRejectedError } from './errors.ts';
import { applyGraphWrite, applyLoad } from './graph-write.ts';
import { JournalWriter } from './journal.ts';
import { releaseLock } from './lock.ts';
import { runQuery } from './query.ts';
import { notData, readOnlyGraphs } from './read-only-graphs.ts';
import type { Recovery } from './recovery.ts';
import type { SnapshotMeta } from './snapshot-meta.ts';
import type {
  GraphName,
  GraphWrite,
  QueryOptions,
  QueryResult,
  UpdateOptions,
  WriteResult,
} from './store.ts';
import { graphTerm, UserGraphs } from './user-graphs.ts';
import { introducedViolations } from './write-gate.ts';

export type { Commit, CoreOptions, CoreStats } from './core-types.ts';

const DEFAULT_JOURNAL_LIMIT = 64 * 1024 * 1024;

/**
 * The durable store of one thread: an Oxigraph store with the ontology and shapes in read-only graphs, and the
 * user's dataset kept in a data directory (data-dir.ts) as a snapshot and a journal of acknowledged writes.
 * Every call is synchronous; time limits are the caller's (a worker thread is stopped when it runs late).
 */
export class EmbeddedCore {
  private readonly files: DataFiles;
  private store: oxigraph.Store;
  private graphs: UserGraphs;
  private readonly program: ShapesProgram | undefined;
  private readonly options: CoreOptions;
  private readonly recovery: Recovery;
  private journal: JournalWriter | undefined;
  private sequence: number;
  private snapshotSequence: number;
  private quads: number;
  private snapshotError: string | undefined;

  private constructor(parts: CoreParts, options: CoreOptions) {
    this.files = parts.files;
    this.store = parts.store;
    this.graphs = parts.graphs;
    this.options = options;
    this.recovery = parts.recovery;
    this.journal = parts.journal;
    this.program = parts.program;
    this.sequence = parts.recovery.sequence;
    this.snapshotSequence = parts.recovery.snapshot.sequence;
    this.quads = parts.recovery.quads;
  }

  /** Opens DIR (created if absent, unless the core only reads it), recovering the last acknowledged state. */
  static async open(dir: string, options: CoreOptions): Promise<EmbeddedCore> {
    return new EmbeddedCore(await openCore(dir, options), options);
  }

  query(text: string, options: QueryOptions): QueryResult {
    return runQuery(this.store, text, options);
  }

  update(text: string, options: UpdateOptions): WriteResult {
    this.writer('an update');
    const { usingGraphs, usingNamedGraphs, baseIri } = options;
    return this.commit(
      applyUpdate(this.store, text, {
        usingGraphs,
        usingNamedGraphs,
        protectedGraphs: readOnlyGraphs,
        ...(baseIri ? { baseIri } : {}),
      }),
    );
  }

  /** A Graph Store Protocol write; graphExisted tells 201 Created from 204 No Content. */
  write(write: GraphWrite): WriteResult {
    this.writer('a Graph Store write');
    const graphExisted = this.graphs.exists(write.graph);
    return { ...this.commit(applyGraphWrite(this.store, write, readOnlyGraphs)), graphExisted };
  }

  /** Adds QUADS as one write: triples into GRAPH, quads of a named graph into theirs. */
  load(quads: readonly Quad[], graph: GraphName): WriteResult {
    this.writer('a load');
    return this.commit(applyLoad(this.store, quads, graph, readOnlyGraphs));
  }

  /**
   * Loads SOURCES into GRAPH as one write, in bulk (bulk-load.ts): Oxigraph's own loader reads the bytes while
   * a worker thread validates them in memory (unless options.validate is false), and a new snapshot rather
   * than a journal record makes the write durable. On any failure the store is rebuilt from the data
   * directory, which is left as it was. Not for a primary that replicas follow (onCommit): the change is not
   * sent to them.
   */
  async bulkLoad(
    sources: readonly BulkSource[],
    graph: GraphName,
    options: Partial<BulkOptions> = {},
  ): Promise<WriteResult> {
    this.writer('a bulk load');
    if (this.options.onCommit) {
      throw new Error(
        'a bulk load cannot be sent to replicas: load through load(), or with no replicas running',
      );
    }
    const sequence = this.sequence + 1;
    const before = this.quads;
    try {
      const target = { store: this.store, graphs: this.graphs, files: this.files, quads: before, sequence };
      const validate = options.validate ?? this.options.validate;
      const prepared = await loadInBulk(target, sources, graph, { ...options, validate });
      this.journal = commitCompaction(this.files, prepared).journal;
      this.quads = prepared.quads;
    } catch (error) {
      // The data directory holds the truth: the state before the load, or after it if the commit got that far.
      this.journal = JournalWriter.open(this.files.journal);
      await this.rebuild();
      throw error;
    }
    this.sequence = sequence;
    this.snapshotSequence = sequence;
    this.snapshotError = undefined;
    return { inserted: this.quads - before, deleted: 0, sequence };
  }

  /** GRAPH in the RDF syntax FORMAT (a media type), or undefined when it holds no quad. */
  readGraph(graph: GraphName, format: string): string | undefined {
    if (!this.graphs.exists(graph)) return undefined;
    try {
      return this.store.dump({ format, from_graph_name: graphTerm(graph) });
    } catch (error) {
      throw new InputError(`the graph cannot be written as ${format}: ${(error as Error).message}`, {
        fix: 'Ask for Turtle, N-Triples, RDF/XML or another RDF syntax that holds triples.',
      });
    }
  }

  /** Hands EMIT the N-Quads of the user-writable dataset, a graph at a time; the number of quads. */
  exportNQuads(emit: (chunk: Buffer) => void): number {
    return this.graphs.dump(emit);
  }

  stats(): CoreStats {
    const { replayed, tornBytes } = this.recovery;
    return {
      quads: this.quads,
      journalBytes: this.journal?.bytes ?? this.recovery.journalBytes,
      sequence: this.sequence,
      snapshotSequence: this.snapshotSequence,
      recovered: { replayed, tornBytes },
      ...(this.snapshotError === undefined ? {} : { snapshotError: this.snapshotError }),
    };
  }

  /** Folds the journal into a new snapshot now (it also happens when the journal outgrows its limit). */
  snapshot(): SnapshotMeta {
    this.writer('a snapshot');
    const result = compact(this.files, this.graphs, this.sequence);
    this.journal = result.journal;
    this.snapshotSequence = result.snapshot.sequence;
    this.snapshotError = undefined;
    return result.snapshot;
  }

  /** Writes the current state to DIR (absent or empty) as a data directory of its own, atomically. */
  backup(dir: string): void {
    writeBackup(resolve(dir), this.graphs, this.sequence);
  }

  /** Makes DATADIR a copy of the backup BACKUPDIR (see backup.ts); DATADIR must be empty unless FORCE. */
  static restore(backupDir: string, dataDir: string, options: { force?: boolean } = {}): Restored {
    return restoreBackup(resolve(backupDir), resolve(dataDir), options.force);
  }

  /**
   * Applies the primary's write SEQUENCE on a replica (not journaled, not validated). A write the replica
   * already has (it was on disk when the replica opened) is skipped; a gap is an error. The new sequence.
   */
  applyReplicated(sequence: number, change: Change | string): number {
    if (this.options.role === 'primary')
      throw new Error('the primary cannot apply replicated writes: it makes them');
    if (sequence <= this.sequence) return this.sequence;
    if (sequence !== this.sequence + 1) {
      throw new Error(
        `replicated write ${sequence} follows write ${this.sequence}: rebuild this replica from disk`,
      );
    }
    if (typeof change === 'string') {
      const { added, removed } = applyEncodedChange(this.store, change);
      this.quads += added - removed;
    } else {
      applyChange(this.store, change);
      this.quads += change.added.length - change.removed.length;
    }
    this.sequence = sequence;
    return sequence;
  }

  close(): void {
    if (!this.journal) return;
    this.journal = undefined;
    if (this.options.role === 'primary' || this.options.owner) releaseLock(this.files.lock);
  }

  /** Reads the acknowledged state back from the data directory into a new store (after a failed bulk load). */
  private async rebuild(): Promise<void> {
    const { store, recovery } = await readAcknowledged(this.files);
    this.graphs = await UserGraphs.of(store);
    this.store = store;
    this.quads = recovery.quads;
    this.sequence = recovery.sequence;
    this.snapshotSequence = recovery.snapshot.sequence;
  }

  private writer(what: string): JournalWriter {
    if (this.journal) return this.journal;
    throw new Error(
      `${what} goes to the primary: this store is ${this.options.role === 'replica' ? 'a read replica' : 'closed'}`,
    );
  }

  /** Validates CHANGE (already applied), journals it and acknowledges it; on any failure it is reverted. */
  private commit(change: Change): WriteResult {
    if (isEmpty(change)) return { inserted: 0, deleted: 0, sequence: 0 };
    const sequence = this.sequence + 1;
    let payload: string;
    try {
      const introduced = this.program ? introducedViolations(this.store, this.program, change, notData) : [];
      if (introduced.length > 0) throw new WriteRejectedError({ conforms: false, results: introduced });
      payload = encodeChange(change);
      this.writer('a write').append(sequence, Buffer.from(payload));
    } catch (error) {
      revert(this.store, change);
      throw error;
    }
    this.sequence = sequence;
    this.quads += change.added.length - change.removed.length;
    this.options.onCommit?.({
      sequence,
      change: payload,
      snapshotSequence: this.snapshotSequence,
      quads: this.quads,
      journalBytes: this.journal!.bytes,
    });
    if (this.journal!.bytes > (this.options.journalLimitBytes ?? DEFAULT_JOURNAL_LIMIT))
      this.snapshotQuietly();
    return { inserted: change.added.length, deleted: change.removed.length, sequence };
  }

  /** An automatic snapshot: its failure does not fail the write that triggered it, which is on disk. */
  private snapshotQuietly(): void {
    try {
      this.snapshot();
    } catch (error) {
      this.snapshotError = error instanceof Error ? error.message : String(error);
    }
  }
}
