import type { Quad } from '@rdfjs/types';
import { Parser, Writer } from 'n3';
import type { Change } from '../sparql/change.ts';

/**
 * A Change as text, the payload of a journal record and what the primary sends its replicas: one N-Quads
 * statement a line, prefixed '-' for a removed quad and '+' for an added one, the removed first. Blank node
 * labels are written as the store holds them, so that replaying the text reaches the very same nodes.
 *
 *   -<http://e/image/1> <https://w3id.org/imagegraph/ns#status> <…/status#queued> .
 *   +<http://e/image/1> <https://w3id.org/imagegraph/ns#status> <…/status#active> .
 */
export function encodeChange(change: Change): string {
  const writer = new Writer({ format: 'N-Quads' });
  const line = (sign: string, q: Quad) =>
    sign + writer.quadToString(q.subject, q.predicate, q.object, q.graph);
  let text = '';
  for (const q of change.removed) text += line('-', q);
  for (const q of change.added) text += line('+', q);
  return text;
}

/** The Change that encodeChange wrote as TEXT. Throws on anything else (callers checksum the text first). */
export function decodeChange(text: string): Change {
  const removed: string[] = [];
  const added: string[] = [];
  const sides: Record<string, string[]> = { '-': removed, '+': added };
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    const side = sides[text[start]!];
    if (!side) throw new Error(`a change line must start with '-' or '+': ${text.slice(start, start + 80)}`);
    side.push(text.slice(start + 1, stop));
    start = stop + 1;
  }
  return { removed: parseLines(removed), added: parseLines(added) };
}

const parseLines = (lines: readonly string[]): Quad[] =>
  lines.length === 0
    ? []
    : (new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(lines.join('\n')) as Quad[]);
