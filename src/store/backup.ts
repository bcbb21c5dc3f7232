import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, rmdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as oxigraph from 'oxigraph';
import { InputError } from '../errors.ts';
import { type DataFiles, dataFiles } from './data-dir.ts';
import { fsyncDirectory, isEmptyDirectory, renameDurably, temporary, writeFileDurably } from './durable.ts';
import { lockHolder } from './lock.ts';
import { type Recovery, recover } from './recovery.ts';
import { writeSnapshotFile } from './snapshot-write.ts';
import type { UserGraphs } from './user-graphs.ts';

/** A sibling of DIR to build its new content in, so that DIR appears whole or not at all. */
const staging = (dir: string, what: string) => join(dirname(dir), `.${basename(dir)}.${what}-${process.pid}`);

function refuseUnlessEmpty(dir: string, fix: string): void {
  if (!isEmptyDirectory(dir)) throw new InputError('the directory is not empty', { where: dir, fix });
}

/** Builds a data directory at DIR with FILL, in a staging sibling renamed to DIR once complete and fsynced. */
function buildDirectory(dir: string, what: string, fill: (files: DataFiles) => void): void {
  const stage = staging(dir, what);
  mkdirSync(stage, { recursive: true });
  fill(dataFiles(stage));
  fsyncDirectory(stage);
  if (existsSync(dir)) rmdirSync(dir);
  renameDurably(stage, dir);
}

/**
 * Writes a backup of the dataset of GRAPHS, at SEQUENCE, to DIR (absent or empty): a data directory holding
 * that state as its snapshot and an empty journal, which `restore` (or --data) can use as it is.
 */
export function writeBackup(dir: string, graphs: UserGraphs, sequence: number): void {
  refuseUnlessEmpty(dir, 'Name a new or empty directory for the backup.');
  buildDirectory(dir, 'backup', (files) => {
    const meta = writeSnapshotFile(files.snapshot, graphs, sequence);
    writeFileDurably(files.snapshotMeta, `${JSON.stringify(meta, null, 2)}\n`);
    writeFileDurably(files.journal, new Uint8Array());
  });
}

const copyDurably = (from: string, to: string) => {
  copyFileSync(from, to);
  const fd = openSync(to, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

export interface Restored extends Recovery {
  /** Where the data directory's previous content was moved (a forced restore over data), if anywhere. */
  readonly replaced: string | undefined;
}

/**
 * Makes DATADIR a copy of the backup (or data directory) BACKUPDIR, after checking that the backup recovers.
 * DATADIR must be absent or empty unless FORCE, when its content is moved aside (never deleted); a data
 * directory a running imagegraph owns is refused either way.
 */
export function restoreBackup(backupDir: string, dataDir: string, force = false): Restored {
  const source = dataFiles(backupDir);
  const recovery = recover(new oxigraph.Store(), source, false);
  const target = dataFiles(dataDir);
  const holder = lockHolder(target.lock);
  if (holder !== undefined) {
    throw new InputError(`the data directory is in use by process ${holder}`, {
      where: dataDir,
      fix: 'Stop imagegraph before restoring into its data directory.',
    });
  }
  let replaced: string | undefined;
  if (!isEmptyDirectory(dataDir)) {
    if (!force) refuseUnlessEmpty(dataDir, 'Restore into a new or empty directory, or pass --force.');
    replaced = `${dataDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameDurably(dataDir, replaced);
  }
  buildDirectory(dataDir, 'restore', (files) => {
    // The .tmp files too: a data directory copied mid-snapshot recovers from them (snapshot-read.ts).
    for (const name of ['snapshotMeta', 'snapshot', 'journal'] as const) {
      for (const file of [(f: string) => f, temporary]) {
        if (existsSync(file(source[name]))) copyDurably(file(source[name]), file(files[name]));
      }
    }
  });
  return { ...recovery, replaced };
}
