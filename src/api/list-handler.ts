import type { Quad } from '@rdfjs/types';
import type { Request, Response } from 'express';
import { serviceUrl } from '../http/iri.ts';
import { namedNode, triple } from '../rdf/terms.ts';
import { HYDRA } from './context.ts';
import { encodeCursor } from './cursor.ts';
import { listRequest } from './list-request.ts';
import type { MemberHandlers } from './member-handlers.ts';
import type { Members } from './members.ts';
import { sendRepresentation } from './representation.ts';

/**
 * GET /api/{collection}: one page of members, filtered and sorted, as a hydra:Collection whose "items" are the
 * members in full; "next" (and a Link header with rel="next") leads on with a cursor that stays valid however
 * the collection changes: the next page starts after the last member shown, in the same order.
 */
export function listHandler(members: Members, handlers: MemberHandlers, publicUrl: string | undefined) {
  return async (req: Request, res: Response) => {
    const resource = handlers.resource(req);
    const request = listRequest(req, resource);
    const rows = await members.page(resource, request);
    const shown = rows.slice(0, request.limit);
    const quads = await members.statements(shown.map((r) => r.item));
    const bySubject = new Map<string, Quad[]>(shown.map((r) => [r.item, []]));
    for (const q of quads) bySubject.get(q.subject.value)?.push(q);
    const self = serviceUrl(req, publicUrl, req.originalUrl);
    let next: string | undefined;
    if (rows.length > request.limit) {
      const last = shown.at(-1)!;
      const url = new URL(self);
      url.searchParams.set('after', encodeCursor({ key: last.key, item: last.item }));
      next = url.href;
      res.links({ next });
    }
    const json = () => ({
      '@context': handlers.contextUrl(req),
      id: self,
      type: 'hydra:Collection',
      items: shown.map((r) => handlers.json(resource, r.item, bySubject.get(r.item)!)),
      ...(next ? { next } : {}),
    });
    const page = namedNode(self);
    const pageQuads = () => [
      triple(page, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', namedNode(`${HYDRA}Collection`)),
      ...shown.map((r) => triple(page, `${HYDRA}member`, namedNode(r.item))),
      ...(next ? [triple(page, `${HYDRA}next`, namedNode(next))] : []),
      ...quads,
    ];
    sendRepresentation(req, res, json, pageQuads);
  };
}
