import autocannon from 'autocannon';

/** One kind of request a benchmark sends, built afresh for each request (a random member, a counter). */
export interface Load {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly request: (n: number) => { path: string; body?: string };
}

export interface Figures {
  readonly name: string;
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: string;
}

/** Autocannon against URL with LOAD: CONNECTIONS clients for SECONDS, each request given TIMEOUTSECONDS. */
export async function hammer(
  url: string,
  load: Load,
  connections: number,
  seconds: number,
  timeoutSeconds = 10,
): Promise<Figures> {
  let n = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: timeoutSeconds,
    method: load.method,
    headers: load.headers,
    requests: [{ setupRequest: (request) => ({ ...request, ...load.request(n++) }) }],
  });
  const failed =
    result.non2xx + result.errors + result.timeouts > 0
      ? `   (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`
      : '';
  return {
    name: load.name,
    rate: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed,
  };
}

/** One line of figures. */
export const line = (f: Figures): string =>
  `  ${f.name.padEnd(28)} ${String(f.rate).padStart(6)} req/s   p50 ${String(f.p50).padStart(5)} ms   ` +
  `p99 ${String(f.p99).padStart(5)} ms${f.failed}`;
