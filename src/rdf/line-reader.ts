import { type NamedNode, Parser } from 'n3';
import { rdf, xsd } from '../vocab.ts';
import type { IndexedGraph } from './graph.ts';
import type { TermTable } from './term-table.ts';

const XSD_STRING = xsd('string');
const RDF_LANG_STRING = rdf('langString');

/**
 * A fast reader of N-Triples and N-Quads for bulk validation (the store's own loader checks the syntax): it
 * adds the statements straight to an IndexedGraph, as slots of the graph's term table (term-table.ts),
 * without making a quad for each. The plain lines that make up generated and exported data (IRIs, blank
 * nodes, literals without escapes) are cut with indexOf: IRIs and blank nodes are looked up by their key
 * (N3.js's id, which they are cut as) and a literal is added as it comes, keyed as N3.js would key it; any
 * other line (an escape, an RDF 1.2 triple term, anything unexpected) goes to N3.js, so every line gives the
 * terms N3.js would give. An IRI is checked when the table first gets it; a subject written as on the line
 * before is not looked up again. Graph names are read and dropped: the graph is the union.
 */
export class LineReader {
  private readonly blankNodePrefix: string;
  private readonly format: 'N-Triples' | 'N-Quads';
  /** Predicate IRIs to slot: few, so this small map answers faster than the table's. */
  private readonly frequent = new Map<string, number>();
  /** Datatype IRIs, as written, to their terms (checked when first met). */
  private readonly datatypes = new Map<string, NamedNode>();
  /** The table of the graph read into: TERMS until the next read into another graph. */
  private terms: TermTable | undefined;
  private text = '';
  private at = 0;
  private end = 0;
  /** The last subject IRI as written (with its brackets), and its slot. */
  private lastSubject = '';
  private lastSubjectSlot = -1;

  /** BLANKNODEPREFIX makes the labels of one document its own (as N3.js's blankNodePrefix). */
  constructor(format: 'ntriples' | 'nquads', blankNodePrefix: string) {
    this.format = format === 'nquads' ? 'N-Quads' : 'N-Triples';
    this.blankNodePrefix = blankNodePrefix;
  }

  /** Adds the statements of TEXT to GRAPH. Lines that are not statements N3.js throws on, as it would. */
  read(text: string, graph: IndexedGraph): void {
    this.text = text;
    if (this.terms !== graph.terms) {
      this.frequent.clear();
      this.datatypes.clear();
    }
    this.terms = graph.terms;
    const others: string[] = [];
    let backslash = text.indexOf('\\');
    try {
      for (let start = 0; start < text.length; ) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        if (backslash >= 0 && backslash < start) backslash = text.indexOf('\\', start);
        const escaped = backslash >= 0 && backslash < end;
        if (escaped || !this.line(start, end, graph)) others.push(text.slice(start, end));
        start = end + 1;
      }
    } finally {
      this.text = '';
      this.lastSubject = '';
    }
    if (others.length > 0) {
      const parser = new Parser({ format: this.format, blankNodePrefix: this.blankNodePrefix });
      for (const q of parser.parse(others.join('\n'))) graph.add(q.subject, q.predicate.value, q.object);
    }
  }

  /** Adds the statement of the line START..END; true when done (or blank), false to leave it to N3.js. */
  private line(start: number, end: number, graph: IndexedGraph): boolean {
    this.at = start;
    this.end = end;
    this.space();
    if (this.at >= end || this.text.charCodeAt(this.at) === HASH) return true;
    const subject = this.text.charCodeAt(this.at) === LT ? this.subject() : this.blank();
    if (subject < 0) return false;
    this.space();
    const predicate = this.frequentIri(this.iriValue());
    if (predicate < 0) return false;
    this.space();
    const c = this.text.charCodeAt(this.at);
    const object = c === LT ? this.iri() : c === QUOTE ? this.literal() : this.blank();
    if (object < 0) return false;
    this.space();
    if (this.format === 'N-Quads' && this.text.charCodeAt(this.at) !== DOT) {
      const g = this.text.charCodeAt(this.at) === LT ? this.iri() : this.blank();
      if (g < 0) return false;
      this.space();
    }
    if (this.text.charCodeAt(this.at) !== DOT) return false;
    this.at++;
    this.space();
    if (this.at < end && this.text.charCodeAt(this.at) !== HASH) return false;
    graph.addSlots(subject, predicate, object);
    return true;
  }

  private space(): void {
    for (let c = this.text.charCodeAt(this.at); c === SPACE || c === TAB || c === CR; ) {
      c = this.text.charCodeAt(++this.at);
    }
  }

  /** A subject IRI: the slot of the line before's when written the same (comparing is cheaper than finding). */
  private subject(): number {
    const close = this.text.indexOf('>', this.at + 1);
    if (close < 0 || close >= this.end) return -1;
    const written = this.text.slice(this.at, close + 1);
    if (written === this.lastSubject) {
      this.at = close + 1;
      return this.lastSubjectSlot;
    }
    const slot = this.iri();
    if (slot >= 0) {
      this.lastSubject = written;
      this.lastSubjectSlot = slot;
    }
    return slot;
  }

  /** The slot of a predicate (there are few, and they recur); -1 when VALUE is undefined or not plain. */
  private frequentIri(value: string | undefined): number {
    if (value === undefined) return -1;
    let slot = this.frequent.get(value);
    if (slot === undefined) {
      slot = this.iriSlot(value);
      if (slot >= 0) this.frequent.set(value, slot);
    }
    return slot;
  }

  private iri(): number {
    const value = this.iriValue();
    return value === undefined ? -1 : this.iriSlot(value);
  }

  /** The IRI between the brackets at the cursor, moved past them; undefined when there is none. */
  private iriValue(): string | undefined {
    if (this.text.charCodeAt(this.at) !== LT) return undefined;
    const close = this.text.indexOf('>', this.at + 1);
    if (close < 0 || close >= this.end) return undefined;
    const value = this.text.slice(this.at + 1, close);
    this.at = close + 1;
    return value;
  }

  /** The slot of the IRI (its key is itself); -1 when it is not plain (checked when first met). */
  private iriSlot(value: string): number {
    const slot = this.terms!.slotOfKey(value);
    if (slot !== undefined) return slot;
    return plainIri.test(value) ? this.terms!.addIri(value) : -1;
  }

  private blank(): number {
    if (!this.text.startsWith('_:', this.at)) return -1;
    let stop = this.at + 2;
    for (let c = this.text.charCodeAt(stop); stop < this.end && c !== SPACE && c !== TAB; ) {
      c = this.text.charCodeAt(++stop);
    }
    const label = this.text.slice(this.at + 2, stop);
    if (!blankLabel.test(label)) return -1;
    this.at = stop;
    const name = this.blankNodePrefix + label;
    return this.terms!.slotOfKey(`_:${name}`) ?? this.terms!.addBlankNode(name);
  }

  /** A literal, keyed as N3.js would make it: "value", "value"@tag (lower case), "value"^^datatype. */
  private literal(): number {
    const terms = this.terms!;
    const open = this.at;
    const close = this.text.indexOf('"', open + 1);
    if (close < 0 || close >= this.end) return -1;
    const value = this.text.slice(open + 1, close);
    this.at = close + 1;
    const c = this.text.charCodeAt(this.at);
    if (c === AT) {
      languageTag.lastIndex = this.at + 1;
      const tag = languageTag.exec(this.text);
      if (!tag) return -1;
      this.at += 1 + tag[0].length;
      const language = tag[0].toLowerCase();
      const key = language === tag[0] ? this.text.slice(open, this.at) : `"${value}"@${language}`;
      return terms.addLiteral(key, value, language, terms.datatype(RDF_LANG_STRING));
    }
    if (c === CARET && this.text.charCodeAt(this.at + 1) === CARET) {
      this.at += 2;
      const datatype = this.datatype();
      if (!datatype) return -1;
      if (datatype.value !== XSD_STRING) {
        return terms.addLiteral(`"${value}"^^${datatype.value}`, value, '', datatype);
      }
    }
    return terms.addLiteral(this.text.slice(open, close + 1), value, '', terms.datatype(XSD_STRING));
  }

  /** The datatype IRI at the cursor, moved past it; undefined when there is none or it is not plain. */
  private datatype(): NamedNode | undefined {
    const iri = this.iriValue();
    if (iri === undefined) return undefined;
    let datatype = this.datatypes.get(iri);
    if (!datatype) {
      if (!plainIri.test(iri)) return undefined;
      datatype = this.terms!.datatype(iri);
      this.datatypes.set(iri, datatype);
    }
    return datatype;
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
const languageTag = /[A-Za-z]+(?:-[A-Za-z0-9]+)*(?=[ \t.])/y;
