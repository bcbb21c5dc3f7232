import type { RequestHandler } from 'express';
import { HttpError } from './http-error.ts';

export interface InFlightLimit {
  readonly middleware: RequestHandler;
  /** Requests being handled now. */
  readonly count: () => number;
}

/** At most MAX requests at once; the next gets 503 with Retry-After and never reaches the store. */
export function inFlightLimit(max: number, retryAfterSeconds: number): InFlightLimit {
  let count = 0;
  const middleware: RequestHandler = (_req, res, next) => {
    if (count >= max) {
      throw new HttpError(
        503,
        `imagegraph is handling ${max} requests already; retry after ${retryAfterSeconds} s`,
        {
          type: 'overloaded',
          headers: { 'Retry-After': String(retryAfterSeconds) },
        },
      );
    }
    count++;
    let released = false;
    const release = () => {
      if (!released) count--;
      released = true;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
  return { middleware, count: () => count };
}
