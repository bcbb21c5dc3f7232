import { readSync } from 'node:fs';
import type * as oxigraph from 'oxigraph';
import { addBlankLines, loadInSlices, splitBlankLines } from './nquads.ts';

const NEWLINE = 10;
/** Bytes read at a time: also what one store.load call takes at most (a longer line grows the buffer). */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Hands EACH the bytes of the open file FD from its start to its end, CHUNK_BYTES at a time (or more, to end
 * at a newline when CUT): a few MiB held at once, whatever the file's size. Reads by position, so that a file
 * read twice through one descriptor (and renamed meanwhile) reads the same. Returns the bytes read.
 */
export function readInChunks(fd: number, each: (chunk: Buffer) => void, cut = false): number {
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let filled = 0;
  let position = 0;
  for (;;) {
    if (filled === buffer.length) buffer = Buffer.concat([buffer], buffer.length * 2);
    const n = readSync(fd, buffer, filled, buffer.length - filled, position);
    if (n === 0) break;
    position += n;
    filled += n;
    const end = cut ? buffer.lastIndexOf(NEWLINE, filled - 1) + 1 : filled;
    if (end === 0) continue;
    each(buffer.subarray(0, end));
    buffer.copyWithin(0, end, filled);
    filled -= end;
  }
  if (filled > 0) each(buffer.subarray(0, filled));
  return position;
}

/** What addNQuadsFile read: every byte of the file, and whether they all loaded. */
export interface FileLoad {
  readonly bytes: number;
  /** The first error of Oxigraph or N3.js, when the file is not N-Quads: nothing more was added after it. */
  readonly error?: unknown;
}

/**
 * Adds the N-Quads file FD to STORE as addNQuads (nquads.ts) does with bytes, a few MiB at a time, so that a
 * thread opening a large snapshot never holds all of it: the runs of lines without '_:' go to store.load as
 * they are read, the lines holding it are kept aside and added at the end with their labels. SEEN is handed
 * every byte read, in order (to hash them). A parse error does not stop the reading, only the adding: the
 * caller tells a damaged file (another digest) from one that is not N-Quads once it has seen every byte.
 */
export function addNQuadsFile(store: oxigraph.Store, fd: number, seen: (chunk: Buffer) => void): FileLoad {
  const blanks: Buffer[] = [];
  let error: unknown;
  const add = (what: () => void) => {
    if (error !== undefined) return;
    try {
      what();
    } catch (thrown) {
      error = thrown ?? new Error('unknown error');
    }
  };
  const bytes = readInChunks(
    fd,
    (chunk) => {
      seen(chunk);
      add(() => {
        const { plain, blank } = splitBlankLines(chunk);
        for (const part of plain) loadInSlices(store, part);
        // Copied: the chunk's buffer is read into again.
        if (blank.length > 0) blanks.push(Buffer.concat(blank));
      });
    },
    true,
  );
  if (blanks.length > 0) add(() => addBlankLines(store, Buffer.concat(blanks)));
  return error === undefined ? { bytes } : { bytes, error };
}
