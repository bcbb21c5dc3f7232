import type { Quad, Term } from '@rdfjs/types';
import type * as oxigraph from 'oxigraph';
import type { GraphView } from '../rdf/graph.ts';
import { fromForeignTerm, namedNode, termKey } from '../rdf/terms.ts';

type OxTerm = Parameters<oxigraph.Store['match']>[0];
type Position = 'subject' | 'predicate' | 'object';

const none: readonly Term[] = Object.freeze([]);

/**
 * The union of an Oxigraph store's graphs (but EXCLUDED ones) as the GraphView SHACL validation reads, looked
 * up with store.match on every call: nothing is copied, so validating a small change costs little whatever the
 * size of the store. It reads the store as it is at each call.
 */
export class StoreGraphView implements GraphView {
  private readonly store: oxigraph.Store;
  private readonly excluded: ReadonlySet<string>;

  constructor(store: oxigraph.Store, excluded: ReadonlySet<string> = new Set()) {
    this.store = store;
    this.excluded = excluded;
  }

  objects(subject: Term, predicate: string): readonly Term[] {
    if (subject.termType === 'Literal') return none;
    return this.distinct(this.match(subject, namedNode(predicate), null), 'object');
  }

  subjects(predicate: string, object: Term): readonly Term[] {
    return this.distinct(this.match(null, namedNode(predicate), object), 'subject');
  }

  predicatesOf(subject: Term): Iterable<string> {
    if (subject.termType === 'Literal') return [];
    return this.distinct(this.match(subject, null, null), 'predicate').map((t) => t.value);
  }

  subjectsWith(predicate: string): readonly Term[] {
    return this.distinct(this.match(null, namedNode(predicate), null), 'subject');
  }

  objectsWith(predicate: string): readonly Term[] {
    return this.distinct(this.match(null, namedNode(predicate), null), 'object');
  }

  private match(s: Term | null, p: Term | null, o: Term | null): Quad[] {
    const found = this.store.match(s as OxTerm, p as OxTerm, o as OxTerm, null) as unknown as Quad[];
    return this.excluded.size === 0 ? found : found.filter((q) => !this.excluded.has(q.graph.value));
  }

  /** The distinct terms at POSITION of QUADS (a triple may sit in several graphs), as plain RDF/JS terms. */
  private distinct(quads: readonly Quad[], position: Position): Term[] {
    if (quads.length === 1) return [fromForeignTerm(quads[0]![position])];
    const seen = new Map<string, Term>();
    for (const q of quads) {
      const term = fromForeignTerm(q[position]);
      const key = termKey(term);
      if (!seen.has(key)) seen.set(key, term);
    }
    return [...seen.values()];
  }
}
