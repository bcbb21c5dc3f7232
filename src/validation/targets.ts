import type { Term } from '@rdfjs/types';
import type { IndexedGraph } from '../rdf/graph.ts';
import { termKey } from '../rdf/terms.ts';
import { owl, rdf, rdfs, sh } from '../vocab.ts';
import type { RunContext } from './context.ts';

/** One kind of SHACL target (§2.1.3): how to list its focus nodes and how to test one node. */
interface TargetKind {
  focusNodes(parameter: Term, run: RunContext): readonly Term[];
  includes(parameter: Term, node: Term, run: RunContext): boolean;
}

const targetKinds: Record<string, TargetKind> = {
  targetNode: {
    focusNodes: (p) => [p],
    includes: (p, node) => p.equals(node),
  },
  targetClass: {
    focusNodes: (p, run) => run.instances(p),
    includes: (p, node, run) => run.isInstance(node, p.value),
  },
  targetSubjectsOf: {
    focusNodes: (p, run) => run.data.subjectsWith(p.value),
    includes: (p, node, run) => run.data.objects(node, p.value).length > 0,
  },
  targetObjectsOf: {
    focusNodes: (p, run) => run.data.objectsWith(p.value),
    includes: (p, node, run) => run.data.subjects(p.value, node).length > 0,
  },
};

/** The targets declared on one shape, including the implicit class target of a shape that is a class. */
export class Targets {
  private readonly declared: [TargetKind, Term][] = [];

  constructor(shapes: IndexedGraph, shape: Term) {
    for (const [local, kind] of Object.entries(targetKinds)) {
      for (const p of shapes.objects(shape, sh(local))) this.declared.push([kind, p]);
    }
    const types = shapes.objects(shape, rdf('type')).map((t) => t.value);
    if (types.includes(rdfs('Class')) || types.includes(owl('Class'))) {
      this.declared.push([targetKinds.targetClass!, shape]);
    }
  }

  get any(): boolean {
    return this.declared.length > 0;
  }

  focusNodes(run: RunContext): Term[] {
    if (this.declared.length === 1) {
      const [kind, p] = this.declared[0]!;
      return kind.focusNodes(p, run) as Term[];
    }
    const seen = new Map<string, Term>();
    for (const [kind, p] of this.declared) for (const n of kind.focusNodes(p, run)) seen.set(termKey(n), n);
    return [...seen.values()];
  }

  includes(node: Term, run: RunContext): boolean {
    return this.declared.some(([kind, p]) => kind.includes(p, node, run));
  }
}

/** The parameters that declare targets, for finding targeted shapes. */
export const targetParameters = Object.keys(targetKinds).map((local) => sh(local));
