import { createHash } from 'node:crypto';
import type { Quad, Term } from '@rdfjs/types';
import { termKey } from '../../src/rdf/terms.ts';

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * A dataset as sorted N-Quads-like lines in which every blank node is replaced by a signature of its
 * neighbourhood (colour refinement: each round hashes the quads around a blank node with the previous round's
 * signatures). Two datasets that are isomorphic give the same lines; for the small graphs of the W3C suites
 * different datasets give different lines.
 */
export function canonicalLines(quads: readonly Quad[]): string[] {
  let colour = new Map<string, string>();
  const blanks = new Set(
    quads.flatMap((q) =>
      terms(q)
        .filter(isBlank)
        .map((t) => t.value),
    ),
  );
  for (const b of blanks) colour.set(b, 'b');
  const show = (t: Term, self?: string) =>
    isBlank(t) ? (t.value === self ? '_:self' : `_:${colour.get(t.value)}`) : termKey(t);
  const line = (q: Quad, self?: string) =>
    terms(q)
      .map((t) => show(t, self))
      .join(' ');
  for (let round = 0; round < 4; round += 1) {
    const next = new Map<string, string>();
    for (const b of blanks) {
      const around = quads.filter((q) => terms(q).some((t) => isBlank(t) && t.value === b));
      next.set(
        b,
        hash(
          around
            .map((q) => line(q, b))
            .sort()
            .join('\n'),
        ),
      );
    }
    colour = next;
  }
  return quads.map((q) => line(q)).sort();
}

const terms = (q: Quad): Term[] => [q.subject, q.predicate, q.object, q.graph];
const isBlank = (t: Term): boolean => t.termType === 'BlankNode';
