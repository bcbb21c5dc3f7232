import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { literal, namedNode, quad } from '../src/rdf/terms.ts';
import { EmbeddedCore } from '../src/store/core.ts';
import { dataFiles } from '../src/store/data-dir.ts';
import { CorruptDataError } from '../src/store/errors.ts';
import { datasetOf, filesOf, openPrimary, patentCatalogue, tempDir } from './support/store.ts';

const note = (n: number) => [
  quad(namedNode(`http://e/note/${n}`), namedNode('http://e/says'), literal(`${n}`)),
];

/** A primary with the patent catalogue in its snapshot and two more writes in its journal. */
async function primary() {
  const core = await openPrimary(tempDir());
  core.load(await patentCatalogue(), { kind: 'default' });
  core.snapshot();
  core.load(note(2), { kind: 'named', iri: 'http://e/notes' });
  core.update('INSERT DATA { <http://e/note/3> <http://e/says> "3" }', { timeoutMs: 10_000 });
  return core;
}

const open = (dir: string) => EmbeddedCore.open(dir, { role: 'replica', validate: false });

describe('backup and restore', () => {
  it('give back the state of the moment of the backup, as a data directory of its own', async () => {
    const core = await primary();
    const [state, sequence] = [datasetOf(core), core.stats().sequence];
    const backup = join(tempDir(), 'backup');
    core.backup(backup);
    core.load(note(4), { kind: 'default' });
    core.close();
    expect(readdirSync(backup).sort()).toEqual(['journal.log', 'snapshot.json', 'snapshot.nq']);
    expect(readdirSync(dirname(backup))).toEqual(['backup']);
    expect(datasetOf(await open(backup))).toEqual(state);

    const data = join(tempDir(), 'data');
    expect(EmbeddedCore.restore(backup, data)).toMatchObject({
      sequence,
      quads: state.length,
      replaced: undefined,
    });
    const restored = await openPrimary(data);
    expect(datasetOf(restored)).toEqual(state);
    expect(restored.load(note(5), { kind: 'default' })).toMatchObject({ sequence: sequence + 1 });
    restored.close();
  });

  it('write into an existing empty directory, and refuse one that is not empty', async () => {
    const core = await primary();
    const empty = tempDir();
    core.backup(empty);
    expect(datasetOf(await open(empty))).toEqual(datasetOf(core));
    const full = tempDir();
    writeFileSync(join(full, 'notes.txt'), 'mine');
    expect(() => core.backup(full)).toThrow(InputError);
    expect(() => core.backup(full)).toThrow('the directory is not empty');
    expect(filesOf(full)).toEqual({ 'notes.txt': 'mine' });
    core.close();
  });

  it('restore over data only when forced, moving the old data aside', async () => {
    const core = await primary();
    const backup = join(tempDir(), 'backup');
    core.backup(backup);
    const state = datasetOf(core);
    core.close();
    const data = tempDir();
    const other = await openPrimary(data);
    other.load(note(9), { kind: 'default' });
    const old = datasetOf(other);
    other.close();
    const before = filesOf(data);
    expect(() => EmbeddedCore.restore(backup, data)).toThrow(/the directory is not empty/);
    expect(filesOf(data)).toEqual(before);
    const restored = EmbeddedCore.restore(backup, data, { force: true });
    expect(filesOf(restored.replaced!)).toEqual(before);
    expect(datasetOf(await open(data))).toEqual(state);
    expect(datasetOf(await open(restored.replaced!))).toEqual(old);
  });

  it('refuse a data directory a running imagegraph owns, even when forced', async () => {
    const core = await primary();
    const backup = join(tempDir(), 'backup');
    core.backup(backup);
    core.close();
    const data = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    writeFileSync(dataFiles(data).lock, `${holder.pid}\n`);
    try {
      expect(() => EmbeddedCore.restore(backup, data, { force: true })).toThrow(
        `in use by process ${holder.pid}`,
      );
      expect(Object.keys(filesOf(data))).toEqual(['LOCK']);
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
  });

  it('refuse a damaged backup before touching the data directory', async () => {
    const core = await primary();
    const backup = join(tempDir(), 'backup');
    core.backup(backup);
    core.close();
    writeFileSync(dataFiles(backup).snapshot, '<http://e/s> <http://e/p> "tampered" .\n');
    const data = join(tempDir(), 'data');
    expect(() => EmbeddedCore.restore(backup, data)).toThrow(CorruptDataError);
    expect(existsSync(data)).toBe(false);
    mkdirSync(data);
    expect(() => EmbeddedCore.restore(backup, data, { force: true })).toThrow(
      /snapshot\.nq is damaged at byte 0/,
    );
    expect(readdirSync(data)).toEqual([]);
  });
});
