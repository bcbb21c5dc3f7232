import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import * as oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { blankNode, literal, namedNode, quad } from '../src/rdf/terms.ts';
import { ox } from '../src/sparql/ox.ts';
import { applyChange } from '../src/sparql/plan-update.ts';
import { applyEncodedChange, decodeChange, encodeChange } from '../src/store/change-codec.ts';
import { dataFiles } from '../src/store/data-dir.ts';
import { CorruptDataError } from '../src/store/errors.ts';
import { encodeRecord, HEADER_BYTES, scanJournal } from '../src/store/journal-format.ts';
import { recover } from '../src/store/recovery.ts';
import {
  copyDir,
  datasetOf,
  filesOf,
  openPrimary,
  patentCatalogue,
  storeLines,
  tempDir,
} from './support/store.ts';

const payloads = ['', '+<urn:a> <urn:b> "c" .\n', `-${'é'.repeat(3000)}\n`, 'x'];
const journal = (sequences: number[]) =>
  Buffer.concat(sequences.map((s, i) => encodeRecord(s, Buffer.from(payloads[i % payloads.length]!))));
const pristine = journal([1, 2, 3, 4, 5]);
/** Where record INDEX (from 0) of the five-record journal starts. */
const at = (index: number) => scanJournal(pristine, 'j').records[index]!.offset;

describe('journal records', () => {
  it('scan back as they were written', () => {
    const scan = scanJournal(pristine, 'journal.log');
    expect(scan.records.map((r) => [r.sequence, r.payload.toString()])).toEqual(
      [1, 2, 3, 4, 5].map((s, i) => [s, payloads[i % payloads.length]]),
    );
    expect(scan).toMatchObject({ end: pristine.length, tornBytes: 0 });
  });

  /** Damage to a five-record journal: [name, damage, records kept or the offset the error names]. */
  const damages: [string, (b: Buffer) => Buffer, { kept: number } | { corruptAt: number }][] = [
    ['a flipped payload byte in record 3', (b) => flip(b, at(2) + HEADER_BYTES + 10), { corruptAt: at(2) }],
    ['a flipped length in record 2', (b) => flip(b, at(1) + 14), { corruptAt: at(1) }],
    ['a wrong magic in record 4', (b) => flip(b, at(3)), { corruptAt: at(3) }],
    ['zeros after the last record', (b) => Buffer.concat([b, Buffer.alloc(4096)]), { kept: 5 }],
    ['garbage after the last record', (b) => Buffer.concat([b, Buffer.from('IGJ1 and so on')]), { kept: 5 }],
    ['the last record cut short', (b) => b.subarray(0, b.length - 1), { kept: 4 }],
    ['a flipped byte in the last record', (b) => flip(b, b.length - 1), { kept: 4 }],
  ];

  it.each(damages)('%s', (_name, damage, expected) => {
    const bytes = damage(pristine);
    if ('kept' in expected) {
      const scan = scanJournal(bytes, 'journal.log');
      expect(scan.records).toHaveLength(expected.kept);
      expect(scan.end + scan.tornBytes).toBe(bytes.length);
      return;
    }
    const error = catchError(() => scanJournal(bytes, '/data/journal.log'));
    expect(error).toBeInstanceOf(CorruptDataError);
    expect(error).toMatchObject({ file: '/data/journal.log', offset: expected.corruptAt });
    expect(error.message).toMatch(
      new RegExp(`^/data/journal.log is damaged at byte ${expected.corruptAt}: `),
    );
  });

  it('a gap in the sequence numbers is corruption', () => {
    const bytes = journal([1, 2, 4]);
    expect(() => scanJournal(bytes, 'j')).toThrow(/record 4 follows record 2/);
  });
});

describe('changes as journal payloads', () => {
  const g = namedNode('http://e/g');
  const tricky = literal('two\nlines, "quoted", _:not-a-node, ü 😀', 'en-GB');
  const change = {
    removed: [quad(blankNode('b1'), namedNode('http://e/p'), tricky, g)],
    added: [
      quad(
        namedNode('http://e/s'),
        namedNode('http://e/p'),
        literal('42', namedNode('http://www.w3.org/2001/XMLSchema#integer')),
      ),
      quad(namedNode('http://e/s'), namedNode('http://e/q'), blankNode('b1'), g),
      quad(namedNode('http://e/s'), namedNode('http://e/r'), tricky),
    ],
  };

  it('decode what they encode, blank node labels included', () => {
    const text = encodeChange(change);
    expect(text.split('\n').map((line) => line.slice(0, 2))).toEqual([
      '-1',
      '_:',
      '+3',
      '<h',
      '<h',
      '<h',
      '',
    ]);
    const back = decodeChange(text);
    expect(back.removed.map((q, i) => q.equals(change.removed[i]!))).toEqual([true]);
    expect(back.added.map((q, i) => q.equals(change.added[i]!))).toEqual([true, true, true]);
  });

  it('apply to a store as the Change does, blank node labels kept', () => {
    const [viaChange, viaText] = [new oxigraph.Store(), new oxigraph.Store()];
    for (const store of [viaChange, viaText]) store.add(ox(change.removed[0]!));
    applyChange(viaChange, change);
    expect(applyEncodedChange(viaText, encodeChange(change))).toEqual({ removed: 1, added: 3 });
    expect(storeLines(viaText)).toEqual(storeLines(viaChange));
    expect(storeLines(viaText).some((line) => line.includes('<http://e/q> _:b1 <http://e/g>'))).toBe(true);
  });

  it.each([
    ['no section header', '<http://e/s> <http://e/p> "o" .\n', /no '-' section header at byte 0/],
    [
      'a section shorter than announced',
      '-0\n+2\n<http://e/s> <http://e/p> "o" .\n',
      /'\+' section has fewer than 2/,
    ],
    ['text after the sections', '-0\n+0\nmore', /goes on after its '\+' section, at byte 6/],
  ])('refuse text with %s', (_name, text, message) => {
    expect(() => decodeChange(text)).toThrow(message);
  });
});

/**
 * A data directory with three acknowledged writes (a load, a Graph Store write with blank nodes, an update that
 * deletes and inserts), no snapshot, and the dataset after each write.
 */
async function threeWrites() {
  const dir = tempDir();
  const core = await openPrimary(dir);
  const states = [datasetOf(core)];
  core.load(await patentCatalogue(), { kind: 'default' });
  states.push(datasetOf(core));
  core.write({
    kind: 'add',
    graph: { kind: 'named', iri: 'http://e/notes' },
    quads: [
      quad(blankNode('n'), namedNode('http://e/says'), literal('hello')),
      quad(blankNode('n'), namedNode('http://e/on'), namedNode('http://e/x')),
    ],
  });
  states.push(datasetOf(core));
  core.update(
    `PREFIX ig: <https://w3id.org/imagegraph/ns#>
     DELETE { ?i ig:sizeBytes ?s } INSERT { ?i ig:sizeBytes 1 } WHERE { ?i ig:nodeImageId "2006" ; ig:sizeBytes ?s }`,
    { timeoutMs: 1000 },
  );
  states.push(datasetOf(core));
  core.close();
  const records = scanJournal(readFileSync(dataFiles(dir).journal), 'journal.log').records;
  return { dir, states, records };
}

const recovered = (dir: string, repair = true) => {
  const store = new oxigraph.Store();
  const recovery = recover(store, dataFiles(dir), repair);
  return { lines: storeLines(store), recovery };
};

describe('recovery after a torn last record', async () => {
  const { dir, states, records } = await threeWrites();
  const journalPath = dataFiles(dir).journal;
  const full = readFileSync(journalPath);
  const last = records[2]!;

  it('replays every acknowledged write', () => {
    expect(recovered(dir, false).lines).toEqual(states[3]);
  });

  it('restores the acknowledged prefix exactly, cut at every byte of the last record', () => {
    const work = copyDir(dir);
    const path = dataFiles(work).journal;
    for (let cut = last.offset; cut < full.length; cut++) {
      writeFileSync(path, full.subarray(0, cut));
      const { lines, recovery } = recovered(work);
      expect(lines, `cut at byte ${cut}`).toEqual(states[2]);
      expect(recovery).toMatchObject({ sequence: 2, tornBytes: cut - last.offset });
      expect(statSync(path).size).toBe(last.offset);
    }
  });

  it('restores the prefix when the record before is torn too', () => {
    const work = copyDir(dir);
    const middle = records[1]!;
    for (const cut of [middle.offset + 1, middle.offset + HEADER_BYTES, last.offset - 1]) {
      truncateSync(dataFiles(work).journal, cut);
      expect(recovered(work).lines).toEqual(states[1]);
    }
  });

  it('a replica reads the prefix but leaves the torn file alone', () => {
    const work = copyDir(dir);
    truncateSync(dataFiles(work).journal, full.length - 3);
    const before = filesOf(work);
    expect(recovered(work, false).lines).toEqual(states[2]);
    expect(filesOf(work)).toEqual(before);
  });

  it('the next write after a cut tail takes the torn write’s number, and survives a restart', async () => {
    const work = copyDir(dir);
    truncateSync(dataFiles(work).journal, full.length - 1);
    const core = await openPrimary(work);
    expect(core.stats()).toMatchObject({
      sequence: 2,
      recovered: { replayed: 2, tornBytes: last.payload.length + HEADER_BYTES - 1 },
    });
    const result = core.write({ kind: 'drop', graph: { kind: 'named', iri: 'http://e/notes' } });
    expect(result).toMatchObject({ sequence: 3, deleted: 2, graphExisted: true });
    const expected = datasetOf(core);
    core.close();
    const again = await openPrimary(work);
    expect(datasetOf(again)).toEqual(expected);
    expect(expected).toEqual(states[1]);
    again.close();
  });

  it('corruption before the last record stops the start, naming the file and offset', async () => {
    const work = copyDir(dir);
    const path = dataFiles(work).journal;
    writeFileSync(path, flip(full, records[1]!.offset + HEADER_BYTES + 5));
    await expect(openPrimary(work)).rejects.toThrow(
      `${path} is damaged at byte ${records[1]!.offset}: the checksum does not match`,
    );
    expect(readFileSync(path).length).toBe(full.length);
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x20;
  return copy;
}

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
