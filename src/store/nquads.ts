import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import type * as oxigraph from 'oxigraph';
import { ox } from '../sparql/ox.ts';

const NEWLINE = 10;
const BLANK = Buffer.from('_:');
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Calls EACH with every quad of the N-Quads BYTES, blank node labels kept, parsing a few MiB at a time: a
 * thread holding millions of parsed quads makes Oxigraph's own writes crawl (its memory growth sets off
 * garbage collections that each walk the whole JavaScript heap).
 */
export function forEachQuad(bytes: Buffer, each: (q: Quad) => void): void {
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(NEWLINE, Math.min(start + CHUNK_BYTES, bytes.length - 1));
    if (end < 0) end = bytes.length - 1;
    const text = bytes.toString('utf8', start, end + 1);
    for (const q of new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(text)) each(q as Quad);
    start = end + 1;
  }
}

/**
 * The N-Quads BYTES (whole lines) cut into the runs of lines without '_:', for store.load, and the lines
 * holding it (blank nodes, and the odd literal that merely contains it), for parsing here.
 */
export function splitBlankLines(bytes: Buffer): { plain: Buffer[]; blank: Buffer[] } {
  const plain: Buffer[] = [];
  const blank: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(BLANK); at >= 0; at = bytes.indexOf(BLANK, start)) {
    const lineStart = bytes.lastIndexOf(NEWLINE, at) + 1;
    const lineEnd = bytes.indexOf(NEWLINE, at);
    const next = lineEnd < 0 ? bytes.length : lineEnd + 1;
    if (lineStart > start) plain.push(bytes.subarray(start, lineStart));
    blank.push(bytes.subarray(lineStart, next));
    start = next;
  }
  if (start < bytes.length) plain.push(bytes.subarray(start));
  return { plain, blank };
}

/**
 * Adds the N-Quads BYTES to STORE with their blank node labels, which the journal and the replicas refer to
 * (Oxigraph's load gives blank nodes new labels). Statements without a blank node, the bulk, go through
 * store.load, a slice at a time; the lines holding '_:' are parsed here and added one by one.
 */
export function addNQuads(store: oxigraph.Store, bytes: Buffer): void {
  const { plain, blank } = splitBlankLines(bytes);
  for (const part of plain) loadInSlices(store, part);
  if (blank.length > 0) addBlankLines(store, Buffer.concat(blank));
}

/** Adds the N-Quads LINES (those splitBlankLines put aside) to STORE one by one, blank node labels kept. */
export function addBlankLines(store: oxigraph.Store, lines: Buffer): void {
  forEachQuad(lines, (q) => store.add(ox(q)));
}

/**
 * Loads the N-Quads BYTES (whole lines) a few MiB per call: Oxigraph copies the input of each call into its
 * WebAssembly memory, which never shrinks, so one call with a whole snapshot would keep that much resident.
 */
export function loadInSlices(store: oxigraph.Store, bytes: Buffer): void {
  for (let start = 0; start < bytes.length; ) {
    const cut = bytes.indexOf(NEWLINE, Math.min(start + CHUNK_BYTES, bytes.length - 1));
    const end = cut < 0 ? bytes.length : cut + 1;
    store.load(bytes.subarray(start, end), {
      format: 'application/n-quads',
      no_transaction: true,
      lenient: true,
    });
    start = end;
  }
}

/** Removes the quads of the N-Quads BYTES from STORE. */
export function deleteNQuads(store: oxigraph.Store, bytes: Buffer): void {
  forEachQuad(bytes, (q) => store.delete(ox(q)));
}
