import type { Quad } from '@rdfjs/types';
import type { Request, Response } from 'express';
import * as oxigraph from 'oxigraph';
import { HttpError } from '../http/http-error.ts';
import { negotiate, type Offer } from '../http/negotiate.ts';
import { writeRdf } from '../rdf/serialize.ts';

/** What the API answers in: JSON-LD (also as plain JSON), or the same statements in an RDF syntax. */
const offers: readonly (Offer & { readonly writer?: string })[] = [
  { mediaType: 'application/ld+json', aliases: ['application/json'] },
  { mediaType: 'text/turtle', writer: 'turtle' },
  { mediaType: 'application/n-triples', writer: 'ntriples' },
  { mediaType: 'application/n-quads', writer: 'nquads' },
  { mediaType: 'application/trig', writer: 'trig' },
  { mediaType: 'application/rdf+xml' },
];

/** The representation REQ asks for; 406 naming the available ones when none is acceptable. */
export function chooseRepresentation(req: Request): (typeof offers)[number] {
  const offer = negotiate(req.get('accept'), offers);
  if (offer) return offer;
  const available = offers.map((o) => o.mediaType);
  throw new HttpError(
    406,
    `nothing in 'Accept: ${req.get('accept')}' is available here; ask for one of ${available.join(', ')}`,
    {
      extra: { available },
    },
  );
}

/**
 * Sends JSON (a member or a page, with its @context) or, when REQ asks for an RDF syntax, QUADS in it: the
 * same statements either way. A client that asked for application/json gets the JSON-LD under that type.
 */
export function sendRepresentation(
  req: Request,
  res: Response,
  json: () => unknown,
  quads: () => readonly Quad[],
) {
  const offer = chooseRepresentation(req);
  res.vary('Accept');
  if (offer.mediaType === 'application/ld+json') {
    const plain =
      /application\/json/.test(req.get('accept') ?? '') && !/ld\+json/.test(req.get('accept') ?? '');
    res.type(plain ? 'application/json' : 'application/ld+json').send(JSON.stringify(json()));
    return;
  }
  const text = offer.writer
    ? writeRdf(quads(), offer.writer)
    : new oxigraph.Store(quads() as unknown as oxigraph.Quad[]).dump({
        format: offer.mediaType,
        from_graph_name: oxigraph.defaultGraph(),
      });
  res.type(offer.mediaType).send(text);
}
