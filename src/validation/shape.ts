import type { Term } from '@rdfjs/types';
import { InputError } from '../errors.ts';
import type { IndexedGraph } from '../rdf/graph.ts';
import { termKey } from '../rdf/terms.ts';
import { sh } from '../vocab.ts';
import type { Check, Component, ComponentContext, ShapeRef } from './components/component.ts';
import { components } from './components/index.ts';
import type { RunContext } from './context.ts';
import { evaluatePath, type Path, pathToSparql, readList, readPath } from './path.ts';
import type { Severity, ValidationResult } from './report.ts';

const MAX_DEPTH = 64;

interface Constraint {
  readonly component: Component;
  readonly check: Check;
  readonly context: ComponentContext;
}

/** A shape compiled to closures: validating a focus node touches only the graph lookups it needs. */
export class CompiledShape implements ShapeRef {
  readonly term: Term;
  readonly path: Path | undefined;
  private readonly pathText: string | undefined;
  private readonly deactivated: boolean;
  private readonly severity: Severity;
  private readonly messages: string[];
  private readonly constraints: Constraint[] = [];
  private readonly properties: CompiledShape[] = [];
  private depth = 0;

  constructor(term: Term, shapes: IndexedGraph, compiler: ShapeCompiler) {
    this.term = term;
    const one = (local: string) => shapes.objects(term, sh(local))[0];
    const pathTerm = one('path');
    this.path = pathTerm ? readPath((s, p) => shapes.objects(s, p), pathTerm) : undefined;
    this.pathText = this.path ? pathToSparql(this.path) : undefined;
    this.deactivated = one('deactivated')?.value === 'true';
    this.severity = (one('severity')?.value.slice(sh().length) ?? 'Violation') as Severity;
    this.messages = shapes.objects(term, sh('message')).map((m) => m.value);
    compiler.defer(() => this.compile(shapes, compiler));
  }

  private compile(shapes: IndexedGraph, compiler: ShapeCompiler): void {
    const context: ComponentContext = {
      shape: this.term,
      path: this.path,
      values: (local) => shapes.objects(this.term, sh(local)),
      read: (subject, local) => shapes.objects(subject, sh(local)),
      readInverse: (object, local) => shapes.subjects(sh(local), object),
      list: (head) => readList((s, p) => shapes.objects(s, p), head),
      shapeRef: (t) => compiler.shape(t),
    };
    for (const component of components) {
      if (context.values(component.parameter).length === 0) continue;
      if (component.propertyOnly && !this.path) continue;
      for (const check of component.compile(context)) this.constraints.push({ component, check, context });
    }
    for (const p of context.values('property')) this.properties.push(compiler.shape(p));
  }

  validate(focus: Term, run: RunContext, out: ValidationResult[]): void {
    if (this.deactivated) return;
    if (++this.depth > MAX_DEPTH) {
      this.depth = 0;
      throw new InputError(`shape ${termKey(this.term)} refers to itself without end`, {
        fix: 'Break the cycle of sh:node / sh:property references.',
      });
    }
    try {
      const values = this.path ? evaluatePath(run.data, this.path, focus) : [focus];
      for (const { component, check, context } of this.constraints) {
        for (const finding of check(focus, values, run)) {
          const path = finding.path ?? this.path;
          out.push({
            focusNode: focus,
            resultPath: finding.path ? pathToSparql(finding.path) : this.pathText,
            path,
            value: finding.value,
            severity: this.severity,
            messages: this.messages.length > 0 ? this.messages : [component.message(context, finding)],
            sourceShape: this.term,
            component: component.name,
          });
        }
      }
      for (const property of this.properties) for (const v of values) property.validate(v, run, out);
    } finally {
      this.depth--;
    }
  }

  conforms(node: Term, run: RunContext): boolean {
    const out: ValidationResult[] = [];
    this.validate(node, run, out);
    return out.length === 0;
  }
}

/** Compiles each shape once; references between shapes (even cycles) resolve to the same object. */
export class ShapeCompiler {
  private readonly shapes: IndexedGraph;
  private readonly compiled = new Map<string, CompiledShape>();
  private readonly pending: (() => void)[] = [];

  constructor(shapes: IndexedGraph) {
    this.shapes = shapes;
  }

  shape(term: Term): CompiledShape {
    const key = termKey(term);
    let shape = this.compiled.get(key);
    if (!shape) {
      shape = new CompiledShape(term, this.shapes, this);
      this.compiled.set(key, shape);
    }
    return shape;
  }

  defer(task: () => void): void {
    this.pending.push(task);
  }

  /** Finishes compiling every shape reached so far. */
  finish(): void {
    while (this.pending.length > 0) this.pending.shift()!();
  }
}
