import type { BlankNode, Literal, NamedNode, Quad, Quad_Graph } from '@rdfjs/types';
import { Parser } from 'n3';
import { blankNode, defaultGraph, literal, namedNode, quad } from './terms.ts';

/**
 * A fast reader of N-Triples and N-Quads for bulk validation (the store's own loader checks the syntax). The
 * plain lines that make up generated and exported data (IRIs, blank nodes, literals without escapes) are cut
 * with indexOf; any other line (an escape, an RDF 1.2 triple term, anything unexpected) goes to N3.js, so
 * every line gives the terms N3.js would give. IRIs are interned: one term, and one id string whose hash
 * is computed once, however often the IRI occurs; that makes indexing the quads markedly faster.
 */
export class LineReader {
  private readonly iris = new Map<string, NamedNode>();
  private readonly blankNodePrefix: string;
  private readonly format: 'N-Triples' | 'N-Quads';
  private text = '';
  private at = 0;
  private end = 0;

  /** BLANKNODEPREFIX makes the labels of one document its own (as N3.js's blankNodePrefix). */
  constructor(format: 'ntriples' | 'nquads', blankNodePrefix: string) {
    this.format = format === 'nquads' ? 'N-Quads' : 'N-Triples';
    this.blankNodePrefix = blankNodePrefix;
  }

  /** The quads of TEXT, added to OUT. Lines that are not statements N3.js throws on, as it would. */
  read(text: string, out: Quad[]): Quad[] {
    this.text = text;
    const others: string[] = [];
    let backslash = text.indexOf('\\');
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (backslash >= 0 && backslash < start) backslash = text.indexOf('\\', start);
      const escaped = backslash >= 0 && backslash < end;
      const q = escaped ? undefined : this.line(start, end);
      if (q === undefined) others.push(text.slice(start, end));
      else if (q !== null) out.push(q);
      start = end + 1;
    }
    this.text = '';
    if (others.length > 0) {
      const parser = new Parser({ format: this.format, blankNodePrefix: this.blankNodePrefix });
      for (const q of parser.parse(others.join('\n'))) out.push(q as Quad);
    }
    return out;
  }

  /** The statement of the line START..END; null for a blank or comment line; undefined to leave it to N3.js. */
  private line(start: number, end: number): Quad | null | undefined {
    this.at = start;
    this.end = end;
    this.space();
    if (this.at >= end || this.text.charCodeAt(this.at) === HASH) return null;
    const subject = this.text.charCodeAt(this.at) === LT ? this.iri() : this.blank();
    if (!subject) return undefined;
    this.space();
    const predicate = this.iri();
    if (!predicate) return undefined;
    this.space();
    const c = this.text.charCodeAt(this.at);
    const object = c === LT ? this.iri() : c === QUOTE ? this.literal() : this.blank();
    if (!object) return undefined;
    this.space();
    let graph: Quad_Graph = defaultGraph();
    if (this.format === 'N-Quads' && this.text.charCodeAt(this.at) !== DOT) {
      const g = this.text.charCodeAt(this.at) === LT ? this.iri() : this.blank();
      if (!g) return undefined;
      graph = g;
      this.space();
    }
    if (this.text.charCodeAt(this.at) !== DOT) return undefined;
    this.at++;
    this.space();
    if (this.at < end && this.text.charCodeAt(this.at) !== HASH) return undefined;
    return quad(subject, predicate, object as Quad['object'], graph) as Quad;
  }

  private space(): void {
    for (let c = this.text.charCodeAt(this.at); c === SPACE || c === TAB || c === CR; ) {
      c = this.text.charCodeAt(++this.at);
    }
  }

  private iri(): NamedNode | undefined {
    if (this.text.charCodeAt(this.at) !== LT) return undefined;
    const close = this.text.indexOf('>', this.at + 1);
    if (close < 0 || close >= this.end) return undefined;
    const value = this.text.slice(this.at + 1, close);
    this.at = close + 1;
    let term = this.iris.get(value);
    if (!term) {
      if (!plainIri.test(value)) return undefined;
      term = namedNode(value);
      this.iris.set(value, term);
    }
    return term;
  }

  private blank(): BlankNode | undefined {
    if (!this.text.startsWith('_:', this.at)) return undefined;
    let stop = this.at + 2;
    for (let c = this.text.charCodeAt(stop); stop < this.end && c !== SPACE && c !== TAB; ) {
      c = this.text.charCodeAt(++stop);
    }
    const label = this.text.slice(this.at + 2, stop);
    if (!blankLabel.test(label)) return undefined;
    this.at = stop;
    return blankNode(this.blankNodePrefix + label);
  }

  private literal(): Literal | undefined {
    const close = this.text.indexOf('"', this.at + 1);
    if (close < 0 || close >= this.end) return undefined;
    const value = this.text.slice(this.at + 1, close);
    this.at = close + 1;
    const c = this.text.charCodeAt(this.at);
    if (c === AT) {
      language.lastIndex = this.at + 1;
      const tag = language.exec(this.text);
      if (!tag) return undefined;
      this.at += 1 + tag[0].length;
      return literal(value, tag[0]);
    }
    if (c === CARET && this.text.charCodeAt(this.at + 1) === CARET) {
      this.at += 2;
      const datatype = this.iri();
      return datatype && literal(value, datatype);
    }
    return literal(value);
  }
}

const [LT, QUOTE, AT, CARET, DOT, HASH, SPACE, TAB, CR] = [...'<"@^.# \t\r'].map((c) => c.charCodeAt(0)) as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

/** An absolute IRI without the characters N-Triples forbids in one (escapes never get here). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it excludes.
const plainIri = /^[A-Za-z][A-Za-z0-9+.-]*:[^\u0000-\u0020<>"{}|^`\\]*$/;
/** A blank node label that does not end in a dot (which would be the statement's). */
const blankLabel = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(?<!\.)$/u;
/** A language tag followed by the end of the term (no base direction: those go to N3.js). */
const language = /[A-Za-z]+(?:-[A-Za-z0-9]+)*(?=[ \t.])/y;
