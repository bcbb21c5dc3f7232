import type { Quad, Term } from '@rdfjs/types';
import { termKey } from './terms.ts';

type Index = Map<string, Map<string, Term[]>>;

function push(index: Index, key: string, predicate: string, term: Term): boolean {
  let byPredicate = index.get(key);
  if (!byPredicate) {
    byPredicate = new Map();
    index.set(key, byPredicate);
  }
  const list = byPredicate.get(predicate);
  if (!list) {
    byPredicate.set(predicate, [term]);
    return true;
  }
  for (const t of list) if (t.equals(term)) return false;
  list.push(term);
  return true;
}

function listOf(map: Map<string, Term[]>, key: string): Term[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

const none: readonly Term[] = Object.freeze([]);

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
 */
export class IndexedGraph implements GraphView {
  private readonly forward: Index = new Map();
  private readonly backward: Index = new Map();
  private readonly predicateSubjects = new Map<string, Term[]>();
  private readonly predicateObjects = new Map<string, Term[]>();
  private count = 0;

  constructor(quads: Iterable<Quad> = []) {
    this.addAll(quads);
  }

  get size(): number {
    return this.count;
  }

  addAll(quads: Iterable<Quad>): this {
    for (const q of quads) this.add(q.subject, q.predicate.value, q.object);
    return this;
  }

  add(subject: Term, predicate: string, object: Term): void {
    const s = termKey(subject);
    if (!push(this.forward, s, predicate, object)) return;
    push(this.backward, termKey(object), predicate, subject);
    this.count++;
    if (this.forward.get(s)!.get(predicate)!.length === 1)
      listOf(this.predicateSubjects, predicate).push(subject);
    if (this.backward.get(termKey(object))!.get(predicate)!.length === 1) {
      listOf(this.predicateObjects, predicate).push(object);
    }
  }

  objects(subject: Term, predicate: string): readonly Term[] {
    return this.forward.get(termKey(subject))?.get(predicate) ?? none;
  }

  subjects(predicate: string, object: Term): readonly Term[] {
    return this.backward.get(termKey(object))?.get(predicate) ?? none;
  }

  /** The predicates a subject has, for sh:closed. */
  predicatesOf(subject: Term): Iterable<string> {
    return this.forward.get(termKey(subject))?.keys() ?? [];
  }

  /** Every distinct subject that has PREDICATE. */
  subjectsWith(predicate: string): readonly Term[] {
    return this.predicateSubjects.get(predicate) ?? none;
  }

  /** Every distinct object of PREDICATE. */
  objectsWith(predicate: string): readonly Term[] {
    return this.predicateObjects.get(predicate) ?? none;
  }

  /** Whether the term occurs as a subject or an object. */
  has(term: Term): boolean {
    const key = termKey(term);
    return this.forward.has(key) || this.backward.has(key);
  }
}
