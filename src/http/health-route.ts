import { Router } from 'express';
import type { Store } from '../store/store.ts';
import { HttpError } from './http-error.ts';

/** How long /readyz waits for the store before calling it not ready. */
const READY_WITHIN_MS = 5_000;

/** /healthz: the process is up. /readyz: the store is open and answers. */
export function healthRoute(store: Store): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'up' });
  });
  router.get('/readyz', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${READY_WITHIN_MS} ms`)), READY_WITHIN_MS);
    });
    try {
      const stats = await Promise.race([store.stats(), late]);
      res.json({ status: 'ready', quads: stats.quads, sequence: stats.sequence });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new HttpError(503, `the store is not ready: ${why}; retry shortly, or see the service log`, {
        type: 'not-ready',
        headers: { 'Retry-After': '1' },
      });
    } finally {
      clearTimeout(timer);
    }
  });
  return router;
}
