import { type Request, type Response, Router } from 'express';
import { parseSparqlQuery } from '../sparql/parse.ts';
import type { Store } from '../store/store.ts';
import { authorize } from './auth.ts';
import { acceptBodies, textBody } from './body.ts';
import type { ResolvedHttpConfig } from './config.ts';
import { HttpError } from './http-error.ts';
import { serviceUrl } from './iri.ts';
import { chooseFormat, formatsByForm, graphFormats } from './result-formats.ts';
import { serviceDescription, writeGraph } from './service-description.ts';
import { type SparqlOperation, sparqlBodyTypes, sparqlOperation } from './sparql-request.ts';

type Handler<K extends SparqlOperation['kind']> = (
  operation: Extract<SparqlOperation, { kind: K }>,
  req: Request,
  res: Response,
) => Promise<void>;

/** /sparql: the SPARQL 1.1 Protocol (queries, updates) and, for a bare GET, the Service Description. */
export function sparqlRoute(store: Store, config: ResolvedHttpConfig): Router {
  const query: Handler<'query'> = async (op, req, res) => {
    const baseIri = serviceUrl(req, config.publicUrl, req.baseUrl);
    const { form } = parseSparqlQuery(op.text, { where: 'query', baseIri });
    const format = chooseFormat(req.get('accept'), formatsByForm[form]);
    const result = await store.query(op.text, {
      defaultGraphs: op.defaultGraphs,
      namedGraphs: op.namedGraphs,
      format: format.mediaType,
      baseIri,
      timeoutMs: op.timeoutMs,
      maxResultBytes: config.maxResultBytes,
    });
    res.vary('Accept').type(result.mediaType).send(result.body);
  };
  const update: Handler<'update'> = async (op, req, res) => {
    authorize(req, res, 'write', config);
    const options = {
      usingGraphs: op.usingGraphs,
      usingNamedGraphs: op.usingNamedGraphs,
      baseIri: serviceUrl(req, config.publicUrl, req.baseUrl),
      timeoutMs: op.timeoutMs,
    };
    const { inserted, deleted, sequence } = await store.update(op.text, options);
    res.json({ inserted, deleted, sequence });
  };
  const description: Handler<'description'> = async (_op, req, res) => {
    const format = chooseFormat(req.get('accept'), graphFormats);
    const endpoint = serviceUrl(req, config.publicUrl, req.baseUrl);
    res
      .vary('Accept')
      .type(format.mediaType)
      .send(writeGraph(serviceDescription(endpoint), format.mediaType));
  };
  const handlers = { query, update, description } as const;

  const handle = async (req: Request, res: Response) => {
    const operation = sparqlOperation(req, config);
    await (handlers[operation.kind] as Handler<typeof operation.kind>)(operation as never, req, res);
  };

  const router = Router();
  router.use((req, res, next) => {
    authorize(req, res, 'read', config);
    next();
  });
  router.get('/', handle);
  router.post('/', acceptBodies(sparqlBodyTypes, 'a SPARQL request'), textBody(config.maxBodyBytes), handle);
  router.all('/', () => {
    throw new HttpError(405, 'send queries with GET or POST and updates with POST', {
      headers: { Allow: 'GET, HEAD, POST' },
    });
  });
  return router;
}
