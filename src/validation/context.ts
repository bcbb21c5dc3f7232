import type { Term } from '@rdfjs/types';
import type { GraphView } from '../rdf/graph.ts';
import { termKey } from '../rdf/terms.ts';
import { rdf, rdfs } from '../vocab.ts';

/** What one validation run reads and caches: the data graph and the class hierarchy found in it. */
export class RunContext {
  readonly data: GraphView;
  private readonly superclasses = new Map<string, Set<string>>();

  constructor(data: GraphView) {
    this.data = data;
  }

  /** The class and all its rdfs:subClassOf ancestors, as IRIs (SHACL's rdf:type/rdfs:subClassOf*). */
  ancestors(type: Term): Set<string> {
    const key = termKey(type);
    let found = this.superclasses.get(key);
    if (found) return found;
    found = new Set();
    const stack = [type];
    while (stack.length > 0) {
      const t = stack.pop()!;
      if (found.has(t.value)) continue;
      found.add(t.value);
      stack.push(...this.data.objects(t, rdfs('subClassOf')));
    }
    this.superclasses.set(key, found);
    return found;
  }

  /** Whether NODE is a SHACL instance of the class CLASSIRI. */
  isInstance(node: Term, classIri: string): boolean {
    for (const type of this.data.objects(node, rdf('type'))) {
      if (this.ancestors(type).has(classIri)) return true;
    }
    return false;
  }

  /** Every SHACL instance of CLASSTERM: instances of it and of its subclasses. */
  instances(classTerm: Term): Term[] {
    const classes = new Map<string, Term>();
    const stack = [classTerm];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (classes.has(c.value)) continue;
      classes.set(c.value, c);
      stack.push(...this.data.subjects(rdfs('subClassOf'), c));
    }
    const seen = new Map<string, Term>();
    for (const c of classes.values()) {
      for (const node of this.data.subjects(rdf('type'), c)) seen.set(termKey(node), node);
    }
    return [...seen.values()];
  }
}
