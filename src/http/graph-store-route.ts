import { randomUUID } from 'node:crypto';
import { type Request, Router } from 'express';
import { type GraphName, namedGraph, type Store } from '../store/store.ts';
import { requireAccess } from './auth.ts';
import { acceptBodies, textBody } from './body.ts';
import type { ResolvedHttpConfig } from './config.ts';
import { bodyTriples, graphLabel, graphOfRequest, postBodyTypes, rdfBodyTypes } from './graph-request.ts';
import { HttpError } from './http-error.ts';
import { serviceUrl } from './iri.ts';
import { chooseFormat, graphFormats } from './result-formats.ts';

const notFound = (graph: GraphName) =>
  new HttpError(404, `${graphLabel(graph)} does not exist; create it with PUT or POST`, {
    type: 'graph-not-found',
  });

/** PUT and POST answer 201 when they created the graph, 204 when it was there. */
const created = (existed: boolean | undefined): number => (existed === false ? 201 : 204);

/**
 * /store: the SPARQL 1.1 Graph Store HTTP Protocol, graphs named indirectly (/store?graph=IRI or ?default) or
 * directly (/store/any/path names the graph whose IRI is that URL). POST to /store itself creates a graph
 * named under /store/, so that its Location is both its IRI and where to fetch it.
 */
export function graphStoreRoute(store: Store, config: ResolvedHttpConfig): Router {
  const router = Router();
  const body = [acceptBodies(rdfBodyTypes, 'a graph'), textBody(config.maxBodyBytes)];
  const postBody = [acceptBodies(postBodyTypes, 'a graph'), textBody(config.maxBodyBytes)];
  const newGraphIri = (req: Request) => serviceUrl(req, config.publicUrl, `${req.baseUrl}/${randomUUID()}`);

  router.use(requireAccess(config));
  router.get(/.*/, async (req, res) => {
    const graph = graphOfRequest(req);
    const format = chooseFormat(req.get('accept'), graphFormats);
    const text = await store.readGraph(graph, format.mediaType);
    if (text === undefined) throw notFound(graph);
    res.vary('Accept').type(format.mediaType).send(text);
  });
  router.put(/.*/, ...body, async (req, res) => {
    const graph = graphOfRequest(req);
    const result = await store.write({ kind: 'replace', graph, quads: bodyTriples(req, graph) });
    res.status(created(result.graphExisted)).end();
  });
  router.post(/.*/, ...postBody, async (req, res) => {
    const target = graphOfRequest(req, true);
    const fresh = target ? undefined : newGraphIri(req);
    const graph = target ?? namedGraph(fresh!);
    const result = await store.write({ kind: 'add', graph, quads: bodyTriples(req, graph) });
    if (!fresh) return void res.status(created(result.graphExisted)).end();
    res.status(201).location(fresh).json({ graph: fresh });
  });
  router.delete(/.*/, async (req, res) => {
    const graph = graphOfRequest(req);
    const result = await store.write({ kind: 'drop', graph });
    if (result.graphExisted === false) throw notFound(graph);
    res.status(204).end();
  });
  router.all(/.*/, () => {
    throw new HttpError(405, 'the Graph Store answers GET, HEAD, PUT, POST and DELETE', {
      headers: { Allow: 'GET, HEAD, PUT, POST, DELETE' },
    });
  });
  return router;
}
