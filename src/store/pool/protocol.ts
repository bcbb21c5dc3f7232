import type { Term } from '@rdfjs/types';
import { termFromId } from 'n3';
import { InputError } from '../../errors.ts';
import { termKey } from '../../rdf/terms.ts';
import type { ValidationReport, ValidationResult } from '../../validation/report.ts';
import type { Commit } from '../core-types.ts';
import {
  ForbiddenGraphError,
  LimitError,
  OverloadedError,
  TimeoutError,
  WriteRejectedError,
} from '../errors.ts';

/** A call from the main thread to a store worker. */
export interface Call {
  readonly id: number;
  readonly method: string;
  readonly args: readonly unknown[];
}

/** A worker's answer to a call, or (from the copy that made it) news of a committed write. */
export type Reply =
  | { readonly kind: 'ok'; readonly id: number; readonly value: unknown }
  | { readonly kind: 'error'; readonly id: number; readonly error: WireError }
  | { readonly kind: 'committed'; readonly committed: Commit };

/** An error as it crosses the thread boundary: its class name and the fields that class needs. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

/** A result with its terms as N3 ids; its path tree is plain data and crosses as it is. */
type WireResult = Omit<ValidationResult, 'focusNode' | 'value' | 'sourceShape'> & {
  focusNode: string;
  value?: string;
  sourceShape: string;
};

const reportToWire = (report: ValidationReport) => ({
  conforms: report.conforms,
  results: report.results.map(
    (r): WireResult => ({
      ...r,
      focusNode: termKey(r.focusNode),
      value: r.value && termKey(r.value),
      sourceShape: termKey(r.sourceShape),
    }),
  ),
});

const reportFromWire = (wire: ReturnType<typeof reportToWire>): ValidationReport => ({
  conforms: wire.conforms,
  results: wire.results.map((r) => ({
    ...r,
    focusNode: termFromId(r.focusNode) as Term,
    value: r.value === undefined ? undefined : (termFromId(r.value) as Term),
    sourceShape: termFromId(r.sourceShape) as Term,
  })),
});

interface ErrorCodec {
  encode(error: Error): Record<string, unknown>;
  decode(message: string, fields: Record<string, unknown>): Error;
}

/** How each error the store throws survives the trip between threads. */
const codecs: Record<string, ErrorCodec> = {
  InputError: {
    encode: (e) => ({
      where: (e as InputError).where,
      fix: (e as InputError).fix,
      status: (e as InputError).status,
    }),
    decode: (m, f) => new InputError(m, f as { where?: string; fix?: string; status?: number }),
  },
  WriteRejectedError: {
    encode: (e) => ({ report: reportToWire((e as WriteRejectedError).report) }),
    decode: (_m, f) => new WriteRejectedError(reportFromWire(f.report as ReturnType<typeof reportToWire>)),
  },
  ForbiddenGraphError: {
    encode: (e) => ({ graph: (e as ForbiddenGraphError).graph }),
    decode: (_m, f) => new ForbiddenGraphError(String(f.graph)),
  },
  TimeoutError: {
    encode: (e) => ({ timeoutMs: (e as TimeoutError).timeoutMs }),
    decode: (_m, f) => new TimeoutError(Number(f.timeoutMs)),
  },
  OverloadedError: {
    encode: () => ({}),
    decode: (m) => Object.assign(new OverloadedError(''), { message: m }),
  },
  LimitError: {
    encode: (e) => ({ limit: (e as LimitError).limit }),
    decode: (m, f) => new LimitError(m, Number(f.limit)),
  },
};

export function errorToWire(error: unknown): WireError {
  const e = error instanceof Error ? error : new Error(String(error));
  const codec = codecs[e.name];
  return {
    name: codec ? e.name : 'Error',
    message: e.message,
    fields: codec ? codec.encode(e) : { stack: e.stack },
  };
}

export function errorFromWire(wire: WireError): Error {
  const codec = codecs[wire.name];
  if (codec) return codec.decode(wire.message, wire.fields);
  const error = new Error(wire.message);
  if (typeof wire.fields.stack === 'string') error.stack = wire.fields.stack;
  return error;
}
