import { Router } from 'express';
import { requireAccess } from '../http/auth.ts';
import type { ResolvedHttpConfig } from '../http/config.ts';
import { HttpError } from '../http/http-error.ts';
import type { Store } from '../store/store.ts';
import { contextPaths, jsonBody, memberBodyTypes, patchBodyTypes } from './json-body.ts';
import { listHandler } from './list-handler.ts';
import { MemberHandlers } from './member-handlers.ts';
import { Members } from './members.ts';
import type { ApiModel } from './model.ts';
import { openApi } from './openapi.ts';

/** The largest member body the API reads: members are small; a catalogue goes to /store or `imagegraph load`. */
export const MAX_MEMBER_BYTES = 256 * 1024;

/**
 * /api: the JSON-LD REST API over STORE (see README, and /api/openapi.json). The context is open to all;
 * everything else needs the read token (when one is set), writes the write token, as /sparql and /store do.
 */
export function apiRoute(store: Store, model: ApiModel, config: ResolvedHttpConfig): Router {
  const router = Router();
  const members = new Members(store, { timeoutMs: config.timeoutMs, maxResultBytes: config.maxResultBytes });
  const handlers = new MemberHandlers(model, members, config.publicUrl);
  const limit = Math.min(MAX_MEMBER_BYTES, config.maxBodyBytes);
  router.get(
    contextPaths.map((p) => p.replace(/^\/api/, '')),
    (_req, res) => {
      res
        .type('application/ld+json')
        .set('Cache-Control', 'public, max-age=86400')
        .send(JSON.stringify(model.context));
    },
  );
  const description = JSON.stringify(openApi(model));
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(description);
  });
  router.use(requireAccess(config));
  router.get('/:collection', listHandler(members, handlers, config.publicUrl));
  router.post('/:collection', ...jsonBody(memberBodyTypes, limit), handlers.create);
  router.get('/:collection/:id', handlers.get);
  router.put('/:collection/:id', ...jsonBody(memberBodyTypes, limit), handlers.replace);
  router.patch('/:collection/:id', ...jsonBody(patchBodyTypes, limit), handlers.patch);
  router.delete('/:collection/:id', handlers.delete);
  router.all('/:collection', (req) => {
    handlers.resource(req);
    throw new HttpError(405, 'a collection answers GET, HEAD and POST', {
      headers: { Allow: 'GET, HEAD, POST' },
    });
  });
  router.all(/.*/, (req) => {
    throw new HttpError(405, `/api${req.path} answers GET, HEAD, PUT, PATCH and DELETE`, {
      headers: { Allow: 'GET, HEAD, PUT, PATCH, DELETE' },
    });
  });
  return router;
}
