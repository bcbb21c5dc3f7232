import express, { type RequestHandler } from 'express';
import { acceptBodies } from '../http/body.ts';
import { CONTEXT_BASE } from '../vocab.ts';
import { CONTEXT_VERSION } from './context.ts';
import { ApiInputError } from './errors.ts';
import { MAX_DEPTH } from './from-json.ts';

/** The media types of member bodies: JSON-LD, plain JSON, and JSON Merge Patch for PATCH. */
export const memberBodyTypes = ['application/ld+json', 'application/json'];
export const patchBodyTypes = ['application/merge-patch+json', ...memberBodyTypes];

/** The context references a body may carry: the API's own, by any of its URLs. It is never fetched. */
export const contextPaths = ['/api/context.jsonld', `/api/context/${CONTEXT_VERSION}.jsonld`];
const contextIris = [`${CONTEXT_BASE}api/${CONTEXT_VERSION}.jsonld`];

/** Whether VALUE holds objects or arrays more than MAX levels deep (found without recursion). */
function nestsDeeper(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Whether the @context value VALUE names the API's context (absent counts: plain JSON reads with it). */
function isApiContext(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'string') return false;
  if (contextIris.includes(value)) return true;
  try {
    return contextPaths.includes(new URL(value).pathname);
  } catch {
    return false;
  }
}

/**
 * Middleware: a JSON body of one of TYPES, up to MAXBYTES (413), parsed (400 with the parser's message), whose
 * @context, if any, is the API's own: any other context is refused (400), never fetched.
 */
export function jsonBody(types: readonly string[], maxBytes: number): RequestHandler[] {
  const parse = express.json({ type: () => true, limit: maxBytes, strict: true });
  const check: RequestHandler = (req, _res, next) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ApiInputError(
        `the body is ${Array.isArray(body) ? 'a JSON array' : `the JSON ${typeof body}`}`,
        {
          fix: 'Send one member (or, for PATCH, one merge patch) as a JSON object.',
        },
      );
    }
    if (nestsDeeper(body, MAX_DEPTH)) {
      throw new ApiInputError(`the body nests deeper than ${MAX_DEPTH} levels`, {
        fix: 'Send the member flat: references to other resources are strings such as "customer/1".',
      });
    }
    if (!isApiContext(body['@context'])) {
      const given =
        typeof body['@context'] === 'string' ? body['@context'] : `a JSON ${typeof body['@context']}`;
      throw new ApiInputError(`the body's "@context" is ${JSON.stringify(given.slice(0, 120))}`, {
        fix:
          'Leave "@context" out (plain JSON is read with the API\'s context) or give the API\'s own, ' +
          `${contextPaths[0]}; imagegraph never fetches a context`,
        pointer: '/@context',
      });
    }
    next();
  };
  return [acceptBodies(types, 'a member'), parse, check];
}
