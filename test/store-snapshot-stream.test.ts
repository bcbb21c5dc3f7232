import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { EmbeddedCore } from '../src/store/core.ts';
import { dataFiles } from '../src/store/data-dir.ts';
import { addNQuads } from '../src/store/nquads.ts';
import { addNQuadsFile } from '../src/store/nquads-file.ts';
import { defaultGraphName } from '../src/store/store.ts';
import { generate } from './support/federation.ts';
import { filesOf, openPrimary, storeLines, tempDir } from './support/store.ts';

// Snapshots are read a few MiB at a time (nquads-file.ts), checked against snapshot.json as they are read.

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** N-Quads of several reads' length: blank nodes here and there, a line longer than a read, no last newline. */
function bigNQuads(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < 120_000; i++) {
    if (i % 997 === 0) lines.push(`_:b${i} <urn:test:p> _:c${i} <urn:test:g> .`);
    else if (i % 1999 === 0) lines.push(`<urn:test:s${i}> <urn:test:p> "mentions _:x, a blank node label" .`);
    else lines.push(`<urn:test:s${i}> <urn:test:p> "${i}" .`);
    if (i === 60_000) lines.push(`<urn:test:long> <urn:test:p> "${'a'.repeat(5 * MiB)}" .`);
  }
  return Buffer.from(lines.join('\n'));
}

describe('addNQuadsFile', () => {
  it('adds what addNQuads adds, blank node labels kept, and hands over every byte in order', () => {
    const bytes = bigNQuads();
    expect(bytes.length).toBeGreaterThan(9 * MiB);
    const path = join(tempDir(), 'big.nq');
    writeFileSync(path, bytes);
    const whole = new oxigraph.Store();
    addNQuads(whole, bytes);
    const streamed = new oxigraph.Store();
    const hash = createHash('sha256');
    const fd = openSync(path, 'r');
    try {
      expect(addNQuadsFile(streamed, fd, (chunk) => hash.update(chunk))).toEqual({ bytes: bytes.length });
    } finally {
      closeSync(fd);
    }
    expect(hash.digest('hex')).toBe(sha256(bytes));
    expect(streamed.size).toBe(120_001);
    expect(storeLines(streamed)).toEqual(storeLines(whole));
    expect(
      streamed.has(
        oxigraph.quad(
          oxigraph.blankNode('b997'),
          oxigraph.namedNode('urn:test:p'),
          oxigraph.blankNode('c997'),
          oxigraph.namedNode('urn:test:g'),
        ),
      ),
    ).toBe(true);
  });

  it('reports a statement that is not N-Quads, and still reads to the end', () => {
    const bytes = Buffer.from(
      `<urn:test:s> <urn:test:p> "1" .\nnot N-Quads\n${'<urn:test:s> <urn:test:p> "2" .\n'.repeat(200_000)}`,
    );
    const path = join(tempDir(), 'bad.nq');
    writeFileSync(path, bytes);
    const fd = openSync(path, 'r');
    let seen = 0;
    try {
      const load = addNQuadsFile(new oxigraph.Store(), fd, (chunk) => {
        seen += chunk.length;
      });
      expect(load.bytes).toBe(bytes.length);
      expect(String(load.error)).toMatch(/line 2/);
    } finally {
      closeSync(fd);
    }
    expect(seen).toBe(bytes.length);
  });
});

describe('a snapshot of several MiB', async () => {
  const medium = await generate('medium', 5);
  const loadedDir = async () => {
    const dir = tempDir();
    const core = await openPrimary(dir);
    await core.bulkLoad(
      [{ where: 'medium', bytes: Buffer.from(medium), format: 'ntriples' }],
      defaultGraphName,
    );
    core.close();
    return dir;
  };

  it('that was changed near its end fails to open, for the primary and for a replica', async () => {
    const dir = await loadedDir();
    const path = dataFiles(dir).snapshot;
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(12 * MiB);
    const at = bytes.lastIndexOf('"');
    bytes[at - 1] = bytes[at - 1] === 0x31 ? 0x32 : 0x31;
    writeFileSync(path, bytes);
    const before = filesOf(dir);
    const message = `${path} is damaged at byte 0: it does not match snapshot.json`;
    await expect(EmbeddedCore.open(dir, { role: 'replica', validate: false })).rejects.toThrow(message);
    await expect(openPrimary(dir)).rejects.toThrow(message);
    expect(filesOf(dir)).toEqual(before);
  });

  it('that was cut short fails at once, naming the length', async () => {
    const dir = await loadedDir();
    const path = dataFiles(dir).snapshot;
    writeFileSync(path, readFileSync(path).subarray(0, 5 * MiB));
    await expect(openPrimary(dir)).rejects.toThrow(`it does not match snapshot.json (${5 * MiB} bytes where`);
  });

  it('that matches snapshot.json but is not N-Quads fails, saying so', async () => {
    const dir = await loadedDir();
    const files = dataFiles(dir);
    const bytes = Buffer.from(medium.replace('\n', '\nnot N-Quads\n'));
    writeFileSync(files.snapshot, bytes);
    const meta = JSON.parse(readFileSync(files.snapshotMeta, 'utf8'));
    writeFileSync(
      files.snapshotMeta,
      JSON.stringify({ ...meta, bytes: bytes.length, sha256: sha256(bytes) }),
    );
    await expect(openPrimary(dir)).rejects.toThrow('it matches snapshot.json but is not N-Quads');
  });
});
