import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from './http-error.ts';

export type Access = 'read' | 'write';

export interface Tokens {
  readonly readToken?: string | undefined;
  readonly writeToken?: string | undefined;
  readonly openWrites: boolean;
}

const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** Equal tokens, compared in time that does not depend on where they differ (nor on their lengths). */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const missing = (what: string) =>
  new HttpError(401, `${what} needs a bearer token: send 'Authorization: Bearer <token>'`, {
    headers: { 'WWW-Authenticate': 'Bearer realm="imagegraph"' },
  });

const wrong = (what: string, which: string) =>
  new HttpError(403, `the bearer token sent is not valid for ${what}; send ${which}`, {
    type: 'wrong-token',
  });

/**
 * Throws unless the request may have ACCESS. A configured read token gates every request (the write token
 * also grants reads); writes need the write token, or --open-writes when no write token is configured.
 */
export function authorize(req: Request, res: Response, access: Access, tokens: Tokens): void {
  const given = bearer.exec(req.get('authorization') ?? '')?.[1];
  if (tokens.readToken) {
    const which = 'the read token (IMAGEGRAPH_READ_TOKEN) or the write token';
    check(given, [tokens.readToken, tokens.writeToken], 'reading', which);
  }
  if (access === 'write') authorizeWrite(given, tokens);
  res.locals.access = access;
}

function check(given: string | undefined, valid: (string | undefined)[], what: string, which: string): void {
  if (!given) throw missing(what);
  const matches = valid.filter((t): t is string => Boolean(t)).map((t) => sameToken(given, t));
  if (!matches.includes(true)) throw wrong(what, which);
}

function authorizeWrite(given: string | undefined, tokens: Tokens): void {
  if (tokens.writeToken) {
    check(given, [tokens.writeToken], 'writing', 'the write token (IMAGEGRAPH_WRITE_TOKEN)');
  } else if (!tokens.openWrites) {
    throw new HttpError(
      403,
      'writes are disabled: no write token is configured. Set IMAGEGRAPH_WRITE_TOKEN and send it as ' +
        "'Authorization: Bearer <token>', or start imagegraph with --open-writes to accept writes without one",
      { type: 'writes-disabled' },
    );
  }
}

/** Middleware form of authorize: reads for GET and HEAD, writes for every other method. */
export const requireAccess =
  (tokens: Tokens): RequestHandler =>
  (req, res, next) => {
    authorize(req, res, req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write', tokens);
    next();
  };
