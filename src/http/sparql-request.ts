import type { Request } from 'express';
import { requireMediaType } from './body.ts';
import { HttpError } from './http-error.ts';
import { requireIri } from './iri.ts';
import { requestTimeout } from './timeout.ts';

/** What a /sparql request asks for, once the SPARQL 1.1 Protocol's rules are checked. */
export type SparqlOperation =
  | { readonly kind: 'description' }
  | {
      readonly kind: 'query';
      readonly text: string;
      readonly defaultGraphs: string[];
      readonly namedGraphs: string[];
      readonly timeoutMs: number;
    }
  | {
      readonly kind: 'update';
      readonly text: string;
      readonly usingGraphs: string[];
      readonly usingNamedGraphs: string[];
      readonly timeoutMs: number;
    };

export interface SparqlLimits {
  readonly maxQueryChars: number;
  readonly timeoutMs: number;
}

const FORM = 'application/x-www-form-urlencoded';
const QUERY = 'application/sparql-query';
const UPDATE = 'application/sparql-update';
/** The bodies a POST to /sparql may have. */
export const sparqlBodyTypes = [FORM, QUERY, UPDATE];

/** The Protocol's dataset parameters, by operation. */
const datasetParams = {
  query: ['default-graph-uri', 'named-graph-uri'],
  update: ['using-graph-uri', 'using-named-graph-uri'],
} as const;

const badRequest = (detail: string) => new HttpError(400, detail, { type: 'bad-protocol-request' });

/** The URL's parameters and, for a form, the body's; the operation's text and kind. */
function collect(req: Request): {
  params: URLSearchParams;
  kind: 'query' | 'update' | undefined;
  text?: string;
} {
  const url = new URL(req.originalUrl, 'http://localhost').searchParams;
  if (req.method === 'GET') {
    if (url.has('update'))
      throw badRequest(
        'an update must be sent with POST, as update= in a form or as application/sparql-update',
      );
    return { params: url, kind: url.has('query') ? 'query' : undefined };
  }
  const type = requireMediaType(req.get('content-type'), sparqlBodyTypes, 'a SPARQL request');
  const body = typeof req.body === 'string' ? req.body : '';
  if (type === FORM) {
    const params = new URLSearchParams([...url, ...new URLSearchParams(body)]);
    const kind = params.has('query') ? 'query' : params.has('update') ? 'update' : undefined;
    if (!kind) throw badRequest('the form has neither query= nor update=; send exactly one of them');
    return { params, kind };
  }
  if (url.has('query') || url.has('update')) {
    throw badRequest(`with ${type} the body is the operation; do not also send query= or update= in the URL`);
  }
  return { params: url, kind: type === QUERY ? 'query' : 'update', text: body };
}

/** The text of the operation: sent once, not empty, not too long. */
function operationText(
  params: URLSearchParams,
  kind: 'query' | 'update',
  body: string | undefined,
  max: number,
) {
  const texts = params.getAll(kind);
  if (body === undefined && texts.length > 1)
    throw badRequest(`send ${kind}= once; it was sent ${texts.length} times`);
  const text = body ?? texts[0]!;
  if (text.trim() === '') throw badRequest(`the ${kind} is empty; send a SPARQL ${kind}`);
  if (text.length > max) {
    const detail = `the ${kind} has ${text.length} characters; the limit is ${max}`;
    throw new HttpError(413, detail, { type: 'text-too-long' });
  }
  return text;
}

/** The operation a /sparql request asks for; 400 / 415 when it breaks the Protocol's rules. */
export function sparqlOperation(req: Request, limits: SparqlLimits): SparqlOperation {
  const { params, kind, text: body } = collect(req);
  if (!kind) return { kind: 'description' };
  const other = kind === 'query' ? 'update' : 'query';
  if (params.has(other))
    throw badRequest('a request carries a query or an update, not both; send them separately');
  const text = operationText(params, kind, body, limits.maxQueryChars);
  const misplaced = datasetParams[other].find((name) => params.has(name));
  if (misplaced) {
    const takes = datasetParams[kind].join(' and ');
    throw badRequest(
      `${misplaced} applies to ${other === 'query' ? 'queries' : 'updates'}; a ${kind} takes ${takes}`,
    );
  }
  const iris = (name: string) => params.getAll(name).map((v) => requireIri(v, name));
  const timeoutMs = requestTimeout(params.getAll('timeout'), limits.timeoutMs);
  return kind === 'query'
    ? {
        kind,
        text,
        timeoutMs,
        defaultGraphs: iris('default-graph-uri'),
        namedGraphs: iris('named-graph-uri'),
      }
    : {
        kind,
        text,
        timeoutMs,
        usingGraphs: iris('using-graph-uri'),
        usingNamedGraphs: iris('using-named-graph-uri'),
      };
}
