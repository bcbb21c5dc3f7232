import type { Quad } from '@rdfjs/types';
import { Writer } from 'n3';
import type * as oxigraph from 'oxigraph';
import type { Change } from '../sparql/change.ts';
import { addNQuads, deleteNQuads, forEachQuad } from './nquads.ts';

/**
 * A Change as text: the payload of a journal record and what the primary sends its replicas. Two sections of
 * N-Quads, each after a line with its sign and its number of statements: the removed quads, then the added.
 * Blank node labels are written as the store holds them, so that replaying the text reaches the same nodes.
 *
 *   -1
 *   <https://w3id.org/imagegraph/id/image/1001> <https://w3id.org/imagegraph/ns#lifecycleState> <…#queued> .
 *   +2
 *   <https://w3id.org/imagegraph/id/image/1001> <https://w3id.org/imagegraph/ns#lifecycleState> <…#active> .
 *   _:c0155a932fe7ba6214a4edd6fa15fc88 <http://e/on> <http://e/a> <http://e/notes> .
 *
 * Each section is plain N-Quads, so replay hands it to Oxigraph's bulk loader without building a quad per line.
 */
export function encodeChange(change: Change): string {
  const writer = new Writer({ format: 'N-Quads' });
  const section = (sign: string, quads: readonly Quad[]) => {
    let text = `${sign}${quads.length}\n`;
    for (const q of quads) text += writer.quadToString(q.subject, q.predicate, q.object, q.graph);
    return text;
  };
  return section('-', change.removed) + section('+', change.added);
}

interface Sections {
  readonly removed: Buffer;
  readonly added: Buffer;
  readonly counts: { readonly removed: number; readonly added: number };
}

/** The two sections of an encoded change; an Error when BYTES are not one. */
function sections(bytes: Buffer): Sections {
  let at = 0;
  const section = (sign: string) => {
    const headerEnd = bytes.indexOf(10, at);
    const header = bytes.toString('utf8', at, headerEnd < 0 ? bytes.length : headerEnd);
    const count = header.startsWith(sign) ? Number(header.slice(1)) : Number.NaN;
    if (headerEnd < 0 || !Number.isSafeInteger(count) || count < 0) {
      throw new Error(
        `an encoded change has no '${sign}' section header at byte ${at}: '${header.slice(0, 40)}'`,
      );
    }
    let end = headerEnd + 1;
    for (let line = 0; line < count; line++) {
      const next = bytes.indexOf(10, end);
      if (next < 0)
        throw new Error(`an encoded change's '${sign}' section has fewer than ${count} statements`);
      end = next + 1;
    }
    const body = bytes.subarray(headerEnd + 1, end);
    at = end;
    return { body, count };
  };
  const removed = section('-');
  const added = section('+');
  if (at !== bytes.length) throw new Error(`an encoded change goes on after its '+' section, at byte ${at}`);
  return { removed: removed.body, added: added.body, counts: { removed: removed.count, added: added.count } };
}

const bytesOf = (text: string | Buffer) => (typeof text === 'string' ? Buffer.from(text) : text);

/** The Change that encodeChange wrote as TEXT. */
export function decodeChange(text: string | Buffer): Change {
  const { removed, added } = sections(bytesOf(text));
  const quads = (bytes: Buffer) => {
    const list: Quad[] = [];
    forEachQuad(bytes, (q) => list.push(q));
    return list;
  };
  return { removed: quads(removed), added: quads(added) };
}

/**
 * Applies the encoded change TEXT to STORE (journal replay, replicas) without decoding it into a Change:
 * the added section goes to Oxigraph's bulk loader. How many quads it removed and added.
 */
export function applyEncodedChange(store: oxigraph.Store, text: string | Buffer): Sections['counts'] {
  const { removed, added, counts } = sections(bytesOf(text));
  deleteNQuads(store, removed);
  addNQuads(store, added);
  return counts;
}
