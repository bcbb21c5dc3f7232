/** Content negotiation: the Accept header's media ranges, with q-values and wildcards, against a table of offers. */

export interface Offer {
  /** The media type the response is sent as. */
  readonly mediaType: string;
  /** Other media types a client may ask for to get this offer (e.g. application/json). */
  readonly aliases?: readonly string[];
}

interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  /** Position in the header: the client's own order breaks ties. */
  readonly index: number;
}

const token = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** The media ranges of an Accept header; malformed ranges are skipped. */
export function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  header.split(',').forEach((part, index) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim());
    const [type, subtype, ...rest] = range.toLowerCase().split('/');
    if (!type || !subtype || rest.length > 0 || !token.test(type) || !token.test(subtype)) return;
    if (type === '*' && subtype !== '*') return;
    const qParam = params.find((p) => /^q\s*=/i.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.replace(/^q\s*=\s*/i, ''));
    if (!Number.isFinite(q) || q < 0 || q > 1) return;
    ranges.push({ type, subtype, q, index });
  });
  return ranges;
}

/** How specifically RANGE names MEDIATYPE: 3 exact, 2 type/*, 1 *\/*, 0 not at all. */
function specificity(range: MediaRange, mediaType: string): number {
  const [type, subtype] = mediaType.split('/');
  if (range.type === '*') return 1;
  if (range.type !== type) return 0;
  if (range.subtype === '*') return 2;
  return range.subtype === subtype ? 3 : 0;
}

/** The most specific range that matches any of the offer's media types. */
function bestRange(ranges: readonly MediaRange[], offer: Offer): MediaRange | undefined {
  let best: MediaRange | undefined;
  let bestSpecificity = 0;
  for (const mediaType of [offer.mediaType, ...(offer.aliases ?? [])]) {
    for (const range of ranges) {
      const s = specificity(range, mediaType);
      if (s > bestSpecificity || (s === bestSpecificity && s > 0 && best && range.q > best.q)) {
        best = range;
        bestSpecificity = s;
      }
    }
  }
  return best;
}

/**
 * The offer ACCEPT prefers: highest q, then the client's order, then the table's order (its first row is the
 * default). No header, or one without a single well-formed range, gets the default; undefined when nothing is acceptable (406).
 */
export function negotiate<T extends Offer>(accept: string | undefined, offers: readonly T[]): T | undefined {
  if (accept === undefined || accept.trim() === '') return offers[0];
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return offers[0];
  let chosen: { offer: T; q: number; index: number } | undefined;
  for (const offer of offers) {
    const range = bestRange(ranges, offer);
    if (!range || range.q === 0) continue;
    if (!chosen || range.q > chosen.q || (range.q === chosen.q && range.index < chosen.index)) {
      chosen = { offer, q: range.q, index: range.index };
    }
  }
  return chosen?.offer;
}
