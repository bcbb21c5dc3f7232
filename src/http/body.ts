import express, { type RequestHandler } from 'express';
import { HttpError } from './http-error.ts';

/** Reads any request body as text (UTF-8 unless the Content-Type names a charset), up to MAXBYTES (413). */
export const textBody = (maxBytes: number): RequestHandler =>
  express.text({ type: () => true, limit: maxBytes, defaultCharset: 'utf-8' });

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
