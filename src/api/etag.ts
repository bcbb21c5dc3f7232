import { createHash } from 'node:crypto';
import type { Quad } from '@rdfjs/types';
import { termString } from '../rdf/terms.ts';

/** A strong entity tag of a member: a hash of its statements in a canonical order (they hold no blank node). */
export function etagOf(quads: readonly Quad[]): string {
  const lines = quads.map(
    (q) => `${termString(q.subject)} ${termString(q.predicate)} ${termString(q.object)}`,
  );
  const hash = createHash('sha256').update(lines.sort().join('\n')).digest('base64url');
  return `"${hash.slice(0, 27)}"`;
}

/**
 * Whether the If-Match (STRONG comparison) or If-None-Match (weak) header HEADER names ETAG, or is * when the
 * member exists (RFC 9110 §13.1.1–2): a weak tag W/"…" never passes If-Match.
 */
export function matches(header: string, etag: string | undefined, strong: boolean): boolean {
  if (header.trim() === '*') return etag !== undefined;
  const tags = header.split(',').map((t) => t.trim());
  return etag !== undefined && tags.some((t) => (strong ? t : t.replace(/^W\//, '')) === etag);
}
