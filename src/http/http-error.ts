import { STATUS_CODES } from 'node:http';

/** Where imagegraph's problem types are named: PROBLEM_BASE + a slug such as `query-syntax`. */
export const PROBLEM_BASE = 'https://w3id.org/imagegraph/problems/';

export interface HttpErrorOptions {
  /** The problem type's slug; by default the title in kebab case ('Not Acceptable' → not-acceptable). */
  readonly type?: string;
  /** A short, fixed summary of the problem type; by default the status phrase. */
  readonly title?: string;
  /** Response headers that belong to the problem (Retry-After, WWW-Authenticate, Allow). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Extension members of the problem document (e.g. `available`, `report`). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * The one HTTP error type. Routes throw it; the error handler writes it as an RFC 9457 problem document.
 * DETAIL says what is wrong with this request and what to do about it.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(status: number, detail: string, options: HttpErrorOptions = {}) {
    super(detail);
    this.name = 'HttpError';
    this.status = status;
    this.title = options.title ?? STATUS_CODES[status] ?? 'Error';
    this.type = options.type ?? this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }

  /** The problem document for the request REQUESTID. */
  problem(requestId: string): Record<string, unknown> {
    return {
      type: PROBLEM_BASE + this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      instance: requestId,
      ...this.extra,
    };
  }
}
