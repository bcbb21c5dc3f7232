import type { Quad, Term } from '@rdfjs/types';
import { termKey } from './terms.ts';

type Index = Map<string, Map<string, Term[]>>;

/** Key sets of the large lists, so that adding to them stays O(1); small lists are scanned. */
const largeLists = new WeakMap<Term[], Set<string>>();

/** Adds TERM to the (KEY, PREDICATE) list of INDEX unless present; the list when added, else undefined. */
function addTo(index: Index, key: string, predicate: string, term: Term, termId: string): Term[] | undefined {
  let byPredicate = index.get(key);
  if (!byPredicate) {
    byPredicate = new Map();
    index.set(key, byPredicate);
  }
  const list = byPredicate.get(predicate);
  if (!list) {
    const fresh = [term];
    byPredicate.set(predicate, fresh);
    return fresh;
  }
  const keys = largeLists.get(list);
  if (keys) {
    if (keys.has(termId)) return undefined;
    keys.add(termId);
  } else {
    for (const t of list) if (t.equals(term)) return undefined;
    if (list.length >= 8) largeLists.set(list, new Set([...list.map(termKey), termId]));
  }
  list.push(term);
  return list;
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
    const o = termKey(object);
    const objects = addTo(this.forward, s, predicate, object, o);
    if (!objects) return;
    const subjects = addTo(this.backward, o, predicate, subject, s);
    this.count++;
    if (objects.length === 1) listOf(this.predicateSubjects, predicate).push(subject);
    if (subjects?.length === 1) listOf(this.predicateObjects, predicate).push(object);
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
