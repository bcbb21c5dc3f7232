import type { RequestHandler } from 'express';
import type { Store } from '../store/store.ts';
import { Registry } from './metrics-registry.ts';
import type { RequestObserver } from './request-context.ts';

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface HttpMetrics {
  /** Counts and times each finished request. */
  readonly observe: RequestObserver;
  /** GET /metrics. */
  readonly handler: RequestHandler;
}

/** The service's metrics: requests by route and status class, latency, timeouts, rejected writes, store size. */
export function httpMetrics(store: Store, inFlight: () => number): HttpMetrics {
  const registry = new Registry();
  const requests = registry.counter(
    'imagegraph_http_requests_total',
    'HTTP requests by route and status class.',
  );
  const latency = registry.histogram(
    'imagegraph_http_request_duration_seconds',
    'HTTP request latency in seconds by route and status class.',
    latencyBuckets,
  );
  const timeouts = registry.counter(
    'imagegraph_timeouts_total',
    'Queries and updates stopped at their time limit.',
  );
  const rejected = registry.counter(
    'imagegraph_writes_rejected_total',
    'Writes rejected by the SHACL shapes (422).',
  );
  registry.gauge(
    'imagegraph_http_requests_in_flight',
    'Requests to /sparql and /store being handled.',
    inFlight,
  );
  registry.gauge('imagegraph_store_quads', 'Quads in the store.', async () => (await store.stats()).quads);
  registry.gauge(
    'imagegraph_store_journal_bytes',
    'Bytes in the write journal since the last snapshot.',
    async () => (await store.stats()).journalBytes,
  );

  const observe: RequestObserver = (info, _req, res, ms) => {
    const labels = { route: info.route, status: `${Math.floor(res.statusCode / 100)}xx` };
    requests.inc(labels);
    latency.observe(labels, ms / 1000);
    if (res.locals.problemType === 'timeout') timeouts.inc();
    if (res.statusCode === 422) rejected.inc();
  };
  const handler: RequestHandler = async (_req, res) => {
    res.type('text/plain; version=0.0.4; charset=utf-8').send(await registry.render());
  };
  return { observe, handler };
}
