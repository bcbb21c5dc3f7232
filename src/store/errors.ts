import type { ValidationReport } from '../validation/report.ts';

/** A write that would break the shapes: rejected whole, with the SHACL report (HTTP 422). */
export class WriteRejectedError extends Error {
  readonly report: ValidationReport;
  constructor(report: ValidationReport) {
    const n = report.results.filter((r) => r.severity === 'Violation').length;
    super(`the write was rejected: it would introduce ${n} SHACL violation(s); nothing was changed`);
    this.name = 'WriteRejectedError';
    this.report = report;
  }
}

/** A write to a graph imagegraph keeps read-only: the ontology and the shapes (HTTP 403). */
export class ForbiddenGraphError extends Error {
  readonly graph: string;
  constructor(graph: string) {
    super(`the graph <${graph}> is read-only: imagegraph loads it from its files at start`);
    this.name = 'ForbiddenGraphError';
    this.graph = graph;
  }
}

/** A query or update that ran past its time limit; it was abandoned (HTTP 503). */
export class TimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`the request ran longer than its ${timeoutMs / 1000} s time limit and was stopped`);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** Too many requests at once (HTTP 503 with Retry-After). */
export class OverloadedError extends Error {
  constructor(what: string) {
    super(`imagegraph is busy: ${what}`);
    this.name = 'OverloadedError';
  }
}

/** A result or body beyond a configured bound (HTTP 413 for bodies, 507 for results). */
export class LimitError extends Error {
  readonly limit: number;
  constructor(what: string, limit: number) {
    super(what);
    this.name = 'LimitError';
    this.limit = limit;
  }
}

/** A data-directory file that cannot be read back as written: named with the byte offset where it breaks. */
export class CorruptDataError extends Error {
  readonly file: string;
  readonly offset: number;
  constructor(file: string, offset: number, what: string) {
    super(
      `${file} is damaged at byte ${offset}: ${what}. imagegraph refuses to start on it rather than lose ` +
        'acknowledged writes; restore the data directory from a backup (imagegraph restore), or move the ' +
        'damaged file aside if losing the writes it holds is acceptable',
    );
    this.name = 'CorruptDataError';
    this.file = file;
    this.offset = offset;
  }
}
