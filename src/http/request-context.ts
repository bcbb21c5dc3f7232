import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';

/** What every request carries from start to finish: its id, its route label and when it began. */
export interface RequestInfo {
  readonly id: string;
  /** The route template, for logs and metrics ('other' for paths imagegraph does not serve). */
  readonly route: string;
  readonly start: number;
}

/** Called once per request when the response is finished (or the connection closed). */
export type RequestObserver = (info: RequestInfo, req: Request, res: Response, ms: number) => void;

/** An X-Request-Id the client chose is honoured when it is short and made of unreserved URI characters. */
const acceptableId = /^[A-Za-z0-9._~-]{1,128}$/;

export const requestOf = (res: Response): RequestInfo => res.locals.request as RequestInfo;

/** Gives each request an id (echoed in X-Request-Id) and tells OBSERVERS when it is done. */
export function requestContext(
  routes: readonly string[],
  observers: readonly RequestObserver[],
): RequestHandler {
  return (req, res, next) => {
    const asked = req.get('x-request-id');
    const id = asked && acceptableId.test(asked) ? asked : randomUUID();
    const route = routes.find((r) => req.path === r || req.path.startsWith(`${r}/`)) ?? 'other';
    const info: RequestInfo = { id, route, start: performance.now() };
    res.locals.request = info;
    res.set('X-Request-Id', id);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const ms = performance.now() - info.start;
      for (const observe of observers) observe(info, req, res, ms);
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}

/** The request log: one JSON line per request. */
export const requestLogger =
  (log: (line: string) => void): RequestObserver =>
  (info, req, res, ms) =>
    log(
      JSON.stringify({
        time: new Date().toISOString(),
        id: info.id,
        method: req.method,
        route: info.route,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      }),
    );
