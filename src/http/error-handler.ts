import type { ErrorRequestHandler } from 'express';
import { InputError } from '../errors.ts';
import {
  ForbiddenGraphError,
  LimitError,
  OverloadedError,
  TimeoutError,
  WriteRejectedError,
} from '../store/errors.ts';
import { reportWriters } from '../validation/report-format.ts';
import { HttpError } from './http-error.ts';
import { requestOf } from './request-context.ts';

/** What the handler knows besides the error: whether the request was a write, the overload back-off. */
interface Context {
  readonly write: boolean;
  readonly retryAfterSeconds: number;
  readonly maxBodyBytes: number;
}

type Mapping = readonly [
  test: (error: unknown) => boolean,
  map: (error: never, context: Context) => HttpError | Promise<HttpError>,
];

const is =
  (type: abstract new (...args: never[]) => unknown) =>
  (error: unknown): boolean =>
    error instanceof type;

/** Errors from body-parser and the router (http-errors): a 4xx status meant to be shown. */
interface ExposedError {
  readonly status: number;
  readonly type?: string;
  readonly message: string;
  /** The byte limit a too-large body passed (body-parser). */
  readonly limit?: number;
}
const isExposed = (error: unknown): boolean => {
  const e = error as Partial<ExposedError> & { expose?: boolean };
  return typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true;
};

/** WHERE: WHAT. FIX. */
function describe(e: InputError): string {
  const what = e.where ? `${e.where}: ${e.message}` : e.message;
  return e.fix ? `${what.replace(/\.$/, '')}. ${e.fix}` : what;
}

/** The dispatch table from error to HTTP problem; the first matching row wins. */
const mappings: readonly Mapping[] = [
  [is(HttpError), (e: HttpError) => e],
  [is(InputError), (e: InputError) => new HttpError(e.status, describe(e), { type: 'bad-input' })],
  [
    is(ForbiddenGraphError),
    (e: ForbiddenGraphError) =>
      new HttpError(403, `${e.message}; write to another graph`, { type: 'read-only-graph' }),
  ],
  [
    is(WriteRejectedError),
    async (e: WriteRejectedError) =>
      new HttpError(422, `${e.message}. Fix the data so that it conforms; the report lists each violation.`, {
        type: 'write-rejected',
        title: 'Write rejected by the shapes',
        extra: { report: JSON.parse(await reportWriters.jsonld!(e.report)) },
      }),
  ],
  [
    is(TimeoutError),
    (e: TimeoutError) =>
      new HttpError(
        503,
        `${e.message}. Narrow it, page the results with LIMIT and OFFSET, or split the update.`,
        {
          type: 'timeout',
          title: 'Time limit reached',
        },
      ),
  ],
  [
    is(OverloadedError),
    (e: OverloadedError, c) =>
      new HttpError(503, `${e.message}. Retry after ${c.retryAfterSeconds} s.`, {
        type: 'overloaded',
        headers: { 'Retry-After': String(c.retryAfterSeconds) },
      }),
  ],
  [
    is(LimitError),
    (e: LimitError, c) =>
      c.write
        ? new HttpError(413, `${e.message} (limit ${e.limit}). Split the write into smaller ones.`, {
            type: 'write-too-large',
          })
        : new HttpError(
            507,
            `${e.message} (limit ${e.limit}). Ask for less: add LIMIT, or select fewer variables.`,
            {
              type: 'result-too-large',
            },
          ),
  ],
  [isExposed, (e: ExposedError, c) => exposedError(e, c)],
];

function exposedError(e: ExposedError, c: Context): HttpError {
  if (e.type === 'entity.too.large') {
    const limit = typeof e.limit === 'number' ? e.limit : c.maxBodyBytes;
    const detail = `the request body is larger than the ${limit}-byte limit; send a smaller body`;
    return new HttpError(413, detail, { type: 'body-too-large' });
  }
  return new HttpError(e.status, e.message);
}

type Log = (line: string) => void;

/** The one error handler: maps any error to `application/problem+json`; unexpected ones are logged as 500s. */
export function errorHandler(config: Omit<Context, 'write'> & { readonly log: Log }): ErrorRequestHandler {
  return async (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const context = { ...config, write: res.locals.access === 'write' };
    const row = mappings.find(([test]) => test(error));
    const http = row
      ? await row[1](error as never, context)
      : unexpected(error, requestOf(res).id, config.log);
    res.locals.problemType = http.type;
    res.status(http.status).set(http.headers).type('application/problem+json');
    res.send(JSON.stringify(http.problem(requestOf(res).id)));
  };
}

function unexpected(error: unknown, id: string, log: Log): HttpError {
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(JSON.stringify({ time: new Date().toISOString(), id, level: 'error', error: stack }));
  return new HttpError(500, `imagegraph failed unexpectedly; the error is logged under request id ${id}`, {
    type: 'internal',
  });
}
