import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { xsd } from '../vocab.ts';

/** Where N-Triples text goes: called with chunks of about CHUNK_SIZE characters, in order. */
export type ChunkSink = (chunk: string) => void | Promise<void>;

const CHUNK_SIZE = 1 << 16;

const escapes: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' };
const escapeLiteral = (text: string): string => text.replace(/[\\"\n\r]/g, (c) => escapes[c] ?? c);

const types = {
  integer: xsd('integer'),
  decimal: xsd('decimal'),
  boolean: xsd('boolean'),
  dateTime: xsd('dateTime'),
  anyURI: xsd('anyURI'),
} as const;

/**
 * Writes triples as N-Triples lines into a chunk that is handed to the sink once it is large, so
 * that a federation of any size streams out with flat memory. Subjects, predicates and IRI objects
 * are full IRIs; literals are typed by the method that writes them.
 */
export class NTriplesWriter {
  private chunk = '';
  private triples = 0;
  private readonly sink: ChunkSink;

  constructor(sink: ChunkSink) {
    this.sink = sink;
  }

  /** How many triples were written so far. */
  get count(): number {
    return this.triples;
  }

  private line(subject: string, predicate: string, object: string): void {
    this.chunk += `<${subject}> <${predicate}> ${object} .\n`;
    this.triples++;
  }

  iri(subject: string, predicate: string, object: string): void {
    this.line(subject, predicate, `<${object}>`);
  }

  string(subject: string, predicate: string, value: string): void {
    this.line(subject, predicate, `"${escapeLiteral(value)}"`);
  }

  integer(subject: string, predicate: string, value: number): void {
    if (!Number.isSafeInteger(value)) throw new Error(`${value} is not a safe integer (${predicate}).`);
    this.line(subject, predicate, `"${value}"^^<${types.integer}>`);
  }

  /** A decimal with DIGITS fraction digits. */
  decimal(subject: string, predicate: string, value: number, digits: number): void {
    this.line(subject, predicate, `"${value.toFixed(digits)}"^^<${types.decimal}>`);
  }

  boolean(subject: string, predicate: string, value: boolean): void {
    this.line(subject, predicate, `"${value}"^^<${types.boolean}>`);
  }

  /** An xsd:dateTime in UTC to the second, from milliseconds since the epoch. */
  dateTime(subject: string, predicate: string, epochMs: number): void {
    const text = `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
    this.line(subject, predicate, `"${text}"^^<${types.dateTime}>`);
  }

  anyURI(subject: string, predicate: string, url: string): void {
    this.line(subject, predicate, `"${escapeLiteral(url)}"^^<${types.anyURI}>`);
  }

  /** Hands the chunk to the sink when it is large; call between entities. */
  async drain(): Promise<void> {
    if (this.chunk.length >= CHUNK_SIZE) await this.flush();
  }

  /** Hands whatever is left to the sink. */
  async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const text = this.chunk;
    this.chunk = '';
    await this.sink(text);
  }
}

/**
 * A sink that writes to a Node stream and waits when the stream asks it to. A stream error (a full
 * disk, a closed pipe) rejects the next write instead of crashing the process.
 */
export function streamSink(stream: Writable): ChunkSink {
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  return async (chunk) => {
    if (failure) throw failure;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}
