import express, { type RequestHandler } from 'express';
import { HttpError } from './http-error.ts';

const textParser = (maxBytes: number) =>
  express.text({ type: () => true, limit: maxBytes, defaultCharset: 'utf-8' });

/**
 * Reads any request body as UTF-8 text, up to MAXBYTES (413). Another charset is refused with 415: SPARQL and
 * the RDF syntaxes imagegraph reads are UTF-8 (SPARQL 1.1 Protocol §2.1.3, §2.2.2).
 */
export const textBody = (maxBytes: number): RequestHandler => {
  const parse = textParser(maxBytes);
  return (req, res, next) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii') {
      throw new HttpError(
        415,
        `the body is in ${charset}, but imagegraph reads UTF-8 only: send it as UTF-8`,
      );
    }
    parse(req, res, next);
  };
};

/** The media type of the request body, lower case and without parameters; '' when none is given. */
export const bodyMediaType = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** Throws 415 unless the body's media type is one of ACCEPTED. */
export function requireMediaType(
  contentType: string | undefined,
  accepted: readonly string[],
  what: string,
): string {
  const type = bodyMediaType(contentType);
  if (accepted.includes(type)) return type;
  const sent = type ? `'${type}'` : 'no Content-Type';
  throw new HttpError(415, `${what} cannot be sent as ${sent}; use one of ${accepted.join(', ')}`, {
    extra: { accepted },
  });
}

/** Middleware: 415 before the body is read unless its media type is one of ACCEPTED. */
export const acceptBodies =
  (accepted: readonly string[], what: string): RequestHandler =>
  (req, _res, next) => {
    requireMediaType(req.get('content-type'), accepted, what);
    next();
  };
