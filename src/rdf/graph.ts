import type { Quad, Term } from '@rdfjs/types';
import { Adjacency } from './adjacency.ts';
import { StatementLog } from './statement-log.ts';
import { TermTable } from './term-table.ts';
import { quad } from './terms.ts';

const none: readonly Term[] = Object.freeze([]);

/** How many predicates get a backward index of their own before one index of all is built (see backward). */
const BACKWARD_ONE_BY_ONE = 4;

/** What SHACL validation and the rules read from a graph; IndexedGraph and store views implement it. */
export interface GraphView {
  objects(subject: Term, predicate: string): readonly Term[];
  subjects(predicate: string, object: Term): readonly Term[];
  predicatesOf(subject: Term): Iterable<string>;
  subjectsWith(predicate: string): readonly Term[];
  objectsWith(predicate: string): readonly Term[];
}

/**
 * An in-memory, read-mostly RDF graph indexed for the lookups SHACL needs: objects of a subject,
 * subjects of an object, and everything with a given predicate. Graph names are ignored (union).
 *
 * Terms are interned in a TermTable and statements logged as slots (statement-log.ts); the indexes
 * (adjacency.ts) are built from the log on the first lookup that needs them, and built again on the first
 * after more statements are added. Lookups hand out the table's terms: equal to the terms added, not the
 * same objects. Every list is in the order its statements were first added, each term once.
 */
export class IndexedGraph implements GraphView {
  private table = new TermTable();
  private log = new StatementLog();
  /** The length of the log this graph reads: all of it, or the part before a mark (see upTo). */
  private limit: number | undefined;
  private forwardIndex: Adjacency | undefined;
  /** Which statements repeat an earlier one, found by building the forward index. */
  private repeated = new Uint8Array(0);
  /** Backward indexes, each of the statements with one predicate, or (key -1) one of all of them. */
  private readonly backwardIndexes = new Map<number, Adjacency>();
  /** Predicate IRI to slot, for lookups: a small map, where the table's holds every term. */
  private readonly predicateSlots = new Map<string, number>();

  constructor(quads: Iterable<Quad> = []) {
    this.addAll(quads);
  }

  /** The terms; a reader (line-reader.ts) interns into them directly and adds statements with addSlots. */
  get terms(): TermTable {
    return this.table;
  }

  /** How many distinct statements the graph holds. */
  get size(): number {
    return this.forward().size;
  }

  /** A mark of the statements added so far, for upTo. */
  mark(): number {
    return this.length;
  }

  /** The graph as it was at MARK: a view that shares the terms and the log, and adds nothing. */
  upTo(mark: number): IndexedGraph {
    const view = new IndexedGraph();
    view.table = this.table;
    view.log = this.log;
    view.limit = mark;
    return view;
  }

  addAll(quads: Iterable<Quad>): this {
    for (const q of quads) this.add(q.subject, q.predicate.value, q.object);
    return this;
  }

  add(subject: Term, predicate: string, object: Term): void {
    this.addSlots(this.terms.intern(subject), this.terms.iri(predicate), this.terms.intern(object));
  }

  /** Adds the statement whose terms have the given slots in this graph's table. */
  addSlots(subject: number, predicate: number, object: number): void {
    if (this.limit !== undefined) throw new Error('a graph taken upTo a mark is read-only');
    this.log.push(subject, predicate, object);
    if (this.forwardIndex) {
      this.forwardIndex = undefined;
      this.backwardIndexes.clear();
      this.predicateSlots.clear();
    }
  }

  /** The statements added from log position START on, as quads in the default graph. */
  *quadsFrom(start: number): Iterable<Quad> {
    const { subjects, predicates, objects } = this.log;
    const term = (slot: number) => this.terms.term(slot) as Quad['subject'];
    for (let i = start; i < this.length; i++) {
      yield quad(term(subjects[i]!), term(predicates[i]!) as Quad['predicate'], term(objects[i]!)) as Quad;
    }
  }

  objects(subject: Term, predicate: string): readonly Term[] {
    const p = this.predicateSlot(predicate);
    return p < 0 ? none : this.lookup(this.forward(), subject, p);
  }

  subjects(predicate: string, object: Term): readonly Term[] {
    const p = this.predicateSlot(predicate);
    return p < 0 ? none : this.lookup(this.backward(p), object, p);
  }

  /** The predicates a subject has, for sh:closed. */
  predicatesOf(subject: Term): Iterable<string> {
    const index = this.forward();
    return index.predicates(index.keyOf(subject, this.terms)).map((p) => this.terms.term(p).value);
  }

  /** Every distinct subject that has PREDICATE. */
  subjectsWith(predicate: string): readonly Term[] {
    const p = this.predicateSlot(predicate);
    return p < 0 ? none : this.keysWith(this.forward(), p);
  }

  /** Every distinct object of PREDICATE. */
  objectsWith(predicate: string): readonly Term[] {
    const p = this.predicateSlot(predicate);
    return p < 0 ? none : this.keysWith(this.backward(p), p);
  }

  /** Whether the term occurs as a subject or an object. */
  has(term: Term): boolean {
    const [forward, backward] = [this.forward(), this.backward(-1)];
    return forward.has(forward.keyOf(term, this.terms)) || backward.has(backward.keyOf(term, this.terms));
  }

  private get length(): number {
    return this.limit ?? this.log.length;
  }

  private forward(): Adjacency {
    if (!this.forwardIndex) {
      this.repeated = new Uint8Array(this.length);
      this.forwardIndex = new Adjacency(this.log, this.length, this.terms, 'forward', this.repeated);
    }
    return this.forwardIndex;
  }

  /**
   * The backward index to look PREDICATE up in (-1: any). Bulk validation looks few predicates up backwards
   * (rdf:type, rdfs:subClassOf, for class targets), and the objects they have are few, where indexing every
   * object (every literal) costs about as much as the forward index; so the first few predicates get an index
   * each, and after that one index of every statement answers for all.
   */
  private backward(predicate: number): Adjacency {
    this.forward();
    let index = this.backwardIndexes.get(predicate) ?? this.backwardIndexes.get(-1);
    if (!index) {
      const all = predicate < 0 || this.backwardIndexes.size >= BACKWARD_ONE_BY_ONE;
      index = new Adjacency(
        this.log,
        this.length,
        this.terms,
        'backward',
        this.repeated,
        all ? -1 : predicate,
      );
      if (all) this.backwardIndexes.clear();
      this.backwardIndexes.set(all ? -1 : predicate, index);
    }
    return index;
  }

  private lookup(index: Adjacency, key: Term, predicate: number): readonly Term[] {
    const group = index.find(index.keyOf(key, this.terms), predicate);
    return group < 0 ? none : index.others(group);
  }

  private keysWith(index: Adjacency, predicate: number): readonly Term[] {
    return index.keysWith(predicate).map((k) => this.terms.term(k));
  }

  /** The slot of PREDICATE, or -1; remembered until more statements are added. */
  private predicateSlot(predicate: string): number {
    this.forward();
    let slot = this.predicateSlots.get(predicate);
    if (slot === undefined) {
      slot = this.terms.slotOfIri(predicate);
      this.predicateSlots.set(predicate, slot);
    }
    return slot;
  }
}
