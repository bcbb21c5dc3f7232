import type { Term } from '@rdfjs/types';
import type { GraphView } from '../rdf/graph.ts';
import { termKey } from '../rdf/terms.ts';
import { rdf, rdfs } from '../vocab.ts';

const TYPE = rdf('type');
const SUBCLASS_OF = rdfs('subClassOf');

/** What one validation run reads and caches: the data graph, the class hierarchy and the classes' instances. */
export class RunContext {
  readonly data: GraphView;
  private readonly superclasses = new Map<string, Set<string>>();
  private readonly members = new Map<string, readonly Term[]>();
  private readonly conformance = new Map<object, Map<string, boolean>>();

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
      stack.push(...this.data.objects(t, SUBCLASS_OF));
    }
    this.superclasses.set(key, found);
    return found;
  }

  /** Whether NODE conforms to SHAPE, as TEST says the first time it is asked in this run. */
  conforms(shape: object, node: Term, test: () => boolean): boolean {
    let nodes = this.conformance.get(shape);
    if (!nodes) {
      nodes = new Map();
      this.conformance.set(shape, nodes);
    }
    const key = termKey(node);
    let found = nodes.get(key);
    if (found === undefined) {
      found = test();
      nodes.set(key, found);
    }
    return found;
  }

  /** Whether NODE is a SHACL instance of the class CLASSIRI. */
  isInstance(node: Term, classIri: string): boolean {
    for (const type of this.data.objects(node, TYPE)) {
      if (this.ancestors(type).has(classIri)) return true;
    }
    return false;
  }

  /** Every SHACL instance of CLASSTERM: instances of it and of its subclasses. */
  instances(classTerm: Term): readonly Term[] {
    const key = termKey(classTerm);
    let found = this.members.get(key);
    if (!found) {
      found = this.findInstances(classTerm);
      this.members.set(key, found);
    }
    return found;
  }

  private findInstances(classTerm: Term): Term[] {
    const classes = new Map<string, Term>();
    const stack = [classTerm];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (classes.has(c.value)) continue;
      classes.set(c.value, c);
      stack.push(...this.data.subjects(SUBCLASS_OF, c));
    }
    // One class (no subclasses): its instances are distinct already.
    if (classes.size === 1) return [...this.data.subjects(TYPE, classTerm)];
    const seen = new Map<string, Term>();
    for (const c of classes.values()) {
      for (const node of this.data.subjects(TYPE, c)) seen.set(termKey(node), node);
    }
    return [...seen.values()];
  }
}
