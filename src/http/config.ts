/** How the HTTP service is run: tokens, limits, timeouts and where the request log goes. */
export interface HttpConfig {
  /** Bearer token every write needs (IMAGEGRAPH_WRITE_TOKEN). It also grants reads. */
  readonly writeToken?: string | undefined;
  /** When set, every request needs a bearer token: this one or the write token. */
  readonly readToken?: string | undefined;
  /** Writes need no token when no write token is configured (--open-writes). A configured token wins. */
  readonly openWrites?: boolean;
  /** Largest request body in bytes (413 beyond). */
  readonly maxBodyBytes?: number;
  /** Longest query or update text in characters (413 beyond). */
  readonly maxQueryChars?: number;
  /** Requests to /sparql and /store handled at once; more get 503 with Retry-After. */
  readonly maxInFlight?: number;
  /** The Retry-After (seconds) sent with 503 Overloaded. */
  readonly retryAfterSeconds?: number;
  /** A query or update's time limit in milliseconds; a request may ask for less with `timeout`, never more. */
  readonly timeoutMs?: number;
  /** Largest query result in bytes (507 beyond). */
  readonly maxResultBytes?: number;
  /** The service's public base URL (e.g. https://images.example.org); otherwise taken from each request. */
  readonly publicUrl?: string | undefined;
  /** Receives one JSON line per request and per unexpected error (stderr by default). */
  readonly log?: (line: string) => void;
}

export type ResolvedHttpConfig = Required<Omit<HttpConfig, 'writeToken' | 'readToken' | 'publicUrl'>> &
  Pick<HttpConfig, 'writeToken' | 'readToken' | 'publicUrl'>;

export const httpDefaults = {
  openWrites: false,
  maxBodyBytes: 16 * 1024 * 1024,
  maxQueryChars: 256 * 1024,
  maxInFlight: 64,
  retryAfterSeconds: 1,
  timeoutMs: 30_000,
  maxResultBytes: 64 * 1024 * 1024,
  log: (line: string) => {
    process.stderr.write(`${line}\n`);
  },
} as const;

/** CONFIG with every default filled in; a nonsensical limit is a programming error, thrown at start. */
export function resolveHttpConfig(config: HttpConfig): ResolvedHttpConfig {
  const resolved = { ...httpDefaults, ...withoutUndefined(config) };
  for (const key of [
    'maxBodyBytes',
    'maxQueryChars',
    'maxInFlight',
    'timeoutMs',
    'maxResultBytes',
  ] as const) {
    const value = resolved[key];
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`HttpConfig.${key} must be positive`);
  }
  return resolved;
}

function withoutUndefined(config: HttpConfig): HttpConfig {
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as HttpConfig;
}
