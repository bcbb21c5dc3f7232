import type { AddressInfo } from 'node:net';
import type { ApiModel } from '../../src/api/model.ts';
import { createApp } from '../../src/http/app.ts';
import type { HttpConfig } from '../../src/http/config.ts';
import type { Store } from '../../src/store/store.ts';

/** The app over STORE, listening on 127.0.0.1 at a free port, its log lines captured. */
export interface TestServer {
  readonly url: string;
  readonly logs: string[];
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startServer(
  store: Store,
  config: HttpConfig = {},
  api?: ApiModel,
): Promise<TestServer> {
  const logs: string[] = [];
  const app = createApp(store, { log: (line) => logs.push(line), ...config }, api);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (error) => (error ? reject(error) : resolve(s)));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    logs,
    fetch: (path, init) => fetch(url + path, init),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const everyQuad =
  'SELECT ?g ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } ORDER BY ?g ?s ?p ?o';

/** Every quad of the store, as TSV over HTTP: compared before and after a request that must change nothing. */
export async function dump(server: TestServer, token?: string): Promise<string> {
  const headers: Record<string, string> = { accept: 'text/tab-separated-values' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await server.fetch(`/sparql?query=${encodeURIComponent(everyQuad)}`, { headers });
  if (res.status !== 200) throw new Error(`dump failed: ${res.status} ${await res.text()}`);
  return res.text();
}

/** A form body from name/value pairs (names may repeat). */
export const form = (...pairs: [string, string][]): { body: string; headers: Record<string, string> } => ({
  body: new URLSearchParams(pairs).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

/** The problem document of a response, checked to be application/problem+json. */
export async function problemOf(res: Response): Promise<Record<string, unknown>> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`not a problem document: ${type}`);
  return (await res.json()) as Record<string, unknown>;
}
