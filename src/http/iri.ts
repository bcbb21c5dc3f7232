import type { Request } from 'express';
import { HttpError } from './http-error.ts';

/** An absolute IRI (a scheme, then no character IRIs forbid). */
export const absoluteIri = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/;

/** VALUE, which the parameter PARAM gave, when it is an absolute IRI; 400 otherwise. */
export function requireIri(value: string, param: string): string {
  if (absoluteIri.test(value)) return value;
  throw new HttpError(
    400,
    `${param}=${JSON.stringify(value)} is not an absolute IRI; send one such as urn:example:g`,
    {
      type: 'bad-iri',
    },
  );
}

/** The absolute URL of PATH on this service: under PUBLICURL when configured, else as the request reached it. */
export function serviceUrl(req: Request, publicUrl: string | undefined, path: string): string {
  const base = publicUrl ? publicUrl.replace(/\/+$/, '') : `${req.protocol}://${req.get('host')}`;
  return base + path;
}
