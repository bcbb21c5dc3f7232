import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as oxigraph from 'oxigraph';
import { compileShapes, type ShapesProgram } from '../validation/engine.ts';
import type { CoreOptions } from './core-types.ts';
import { type DataFiles, dataFiles } from './data-dir.ts';
import { fsyncDirectory } from './durable.ts';
import { JournalWriter } from './journal.ts';
import { acquireLock, releaseLock } from './lock.ts';
import { addReadOnlyGraphs, type ReadOnlyContent, readOnlyContent } from './read-only-graphs.ts';
import { type Recovery, recover, recoverReading } from './recovery.ts';
import { UserGraphs } from './user-graphs.ts';

/** What an EmbeddedCore is made of once its data directory is open. */
export interface CoreParts {
  readonly files: DataFiles;
  readonly store: oxigraph.Store;
  readonly graphs: UserGraphs;
  readonly recovery: Recovery;
  /** Absent for a replica, which never writes. */
  readonly journal?: JournalWriter | undefined;
  /** The compiled shapes that judge writes, when they are validated. */
  readonly program?: ShapesProgram | undefined;
}

/** A store holding the read-only graphs and nothing else. */
const storeWith = (content: ReadOnlyContent): oxigraph.Store => {
  const store = new oxigraph.Store();
  addReadOnlyGraphs(store, content);
  return store;
};

/** A new store holding the acknowledged state of FILES, read as a replica reads it (no file changes). */
export async function readAcknowledged(
  files: DataFiles,
): Promise<{ store: oxigraph.Store; recovery: Recovery }> {
  const content = await readOnlyContent();
  return recoverReading(() => storeWith(content), files);
}

/**
 * Opens DIR for OPTIONS.role. The primary, and a peer that opens as owner, create DIR if absent, take its
 * lock and repair what a crash left (recovery.ts); a replica, and any other peer, only read the files.
 */
export async function openCore(dir: string, options: CoreOptions): Promise<CoreParts> {
  const files = dataFiles(resolve(dir));
  const content = await readOnlyContent();
  const program = options.validate && options.role !== 'replica' ? compileShapes(content.shapes) : undefined;
  if (options.role === 'replica' || (options.role === 'peer' && !options.owner)) {
    const { store, recovery } = recoverReading(() => storeWith(content), files);
    const journal = options.role === 'peer' ? JournalWriter.open(files.journal) : undefined;
    return { files, store, recovery, graphs: await UserGraphs.of(store), journal, program };
  }
  mkdirSync(files.dir, { recursive: true });
  fsyncDirectory(dirname(files.dir));
  acquireLock(files.lock);
  try {
    const store = storeWith(content);
    const graphs = await UserGraphs.of(store);
    const recovery = recover(store, files, true);
    return { files, store, graphs, recovery, journal: JournalWriter.open(files.journal), program };
  } catch (error) {
    releaseLock(files.lock);
    throw error;
  }
}
