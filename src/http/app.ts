import express, { type Express } from 'express';
import type { ApiModel } from '../api/model.ts';
import { apiRoute } from '../api/router.ts';
import type { Store } from '../store/store.ts';
import { type HttpConfig, resolveHttpConfig } from './config.ts';
import { errorHandler } from './error-handler.ts';
import { graphStoreRoute } from './graph-store-route.ts';
import { healthRoute } from './health-route.ts';
import { HttpError } from './http-error.ts';
import { httpMetrics } from './http-metrics.ts';
import { inFlightLimit } from './limits.ts';
import { requestContext, requestLogger } from './request-context.ts';
import { sparqlRoute } from './sparql-route.ts';

const routes = ['/sparql', '/store', '/api', '/healthz', '/readyz', '/metrics'];

/**
 * The imagegraph HTTP service over STORE.
 *
 * - `/sparql`: SPARQL 1.1 Protocol. GET ?query=, POST form (query= or update=), POST application/sparql-query or
 *   application/sparql-update; default-graph-uri / named-graph-uri for queries, using-graph-uri /
 *   using-named-graph-uri for updates. `timeout=SECONDS` (URL or form; decimals allowed) asks for a shorter time
 *   limit than the deployment's `timeoutMs`, never a longer one (400). A bare GET answers the Service
 *   Description. A successful update answers 200 with `{inserted, deleted, sequence}`.
 * - `/store`: SPARQL 1.1 Graph Store Protocol with `?graph=IRI` or `?default`; POST to `/store` alone creates a
 *   graph `urn:uuid:…` and answers 201 with its Location (`/store?graph=…`).
 * - `/api`: the JSON-LD REST API (api/router.ts), when the app is given the API's model.
 * - `/healthz`, `/readyz`, `/metrics` (Prometheus text): open, for probes and scrapers.
 *
 * Every error is `application/problem+json` (RFC 9457) whose `instance` is the request id (X-Request-Id):
 * 400 bad input, 401 no token, 403 wrong token / writes disabled / read-only graph, 404, 405, 406 (lists what is
 * available), 413 body, text or write too large, 415, 422 SHACL violations (with the report), 503 time limit or
 * overloaded (Retry-After), 507 result too large, 500 unexpected (logged, never with a stack trace).
 */
export function createApp(store: Store, options: HttpConfig, api?: ApiModel): Express {
  const config = resolveHttpConfig(options);
  const limit = inFlightLimit(config.maxInFlight, config.retryAfterSeconds);
  const metrics = httpMetrics(store, limit.count);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestContext(routes, [metrics.observe, requestLogger(config.log)]));
  app.use(healthRoute(store));
  app.get('/metrics', metrics.handler);
  app.use('/sparql', limit.middleware, sparqlRoute(store, config));
  app.use('/store', limit.middleware, graphStoreRoute(store, config));
  if (api) app.use('/api', limit.middleware, apiRoute(store, api, config));
  app.use((req) => {
    throw new HttpError(404, `imagegraph serves nothing at ${req.path}; see ${routes.join(', ')}`);
  });
  app.use(errorHandler(config));
  return app;
}
