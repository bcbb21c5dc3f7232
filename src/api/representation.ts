import type { Quad } from '@rdfjs/types';
import type { Request, Response } from 'express';
import { chooseFormat, constructFormats } from '../http/result-formats.ts';
import { writeGraph } from '../http/service-description.ts';
import { prefixes } from '../vocab.ts';

const JSON_LD = 'application/ld+json';

/** What the API answers in: JSON-LD first (also as plain JSON), then the RDF syntaxes /sparql offers. */
const offers = [
  ...constructFormats.filter((f) => f.mediaType === JSON_LD),
  ...constructFormats.filter((f) => f.mediaType !== JSON_LD),
];

/**
 * Sends JSON (a member or a page, with its @context) or, when REQ asks for an RDF syntax, QUADS in it: the
 * same statements either way (406 naming the available syntaxes when none is acceptable). A client that asked
 * for application/json gets the JSON-LD under that type.
 */
export function sendRepresentation(
  req: Request,
  res: Response,
  json: () => unknown,
  quads: () => readonly Quad[],
) {
  const accept = req.get('accept');
  const offer = chooseFormat(accept, offers);
  res.vary('Accept');
  if (offer.mediaType === JSON_LD) {
    const plain = /application\/json/.test(accept ?? '') && !/ld\+json/.test(accept ?? '');
    res.type(plain ? 'application/json' : JSON_LD).send(JSON.stringify(json()));
    return;
  }
  res.type(offer.mediaType).send(writeGraph(quads(), offer.mediaType, prefixes));
}
