import type { Term } from '@rdfjs/types';
import { InputError } from '../errors.ts';
import type { IndexedGraph } from '../rdf/graph.ts';
import { termKey } from '../rdf/terms.ts';
import { sh } from '../vocab.ts';
import type { Check, Component, ComponentContext, Finding, ShapeRef } from './components/component.ts';
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
  /** The shapes this one refers to (sh:property, sh:node, sh:or, …). */
  private readonly refs = new Set<CompiledShape>();
  /** Whether this shape refers to itself, directly or not (see conforms); known once all are compiled. */
  private recursive = true;
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
      shapeRef: (t) => this.refer(compiler.shape(t)),
    };
    for (const component of components) {
      if (context.values(component.parameter).length === 0) continue;
      if (component.propertyOnly && !this.path) continue;
      for (const check of component.compile(context)) this.constraints.push({ component, check, context });
    }
    for (const p of context.values('property')) this.properties.push(this.refer(compiler.shape(p)));
  }

  private refer(shape: CompiledShape): CompiledShape {
    this.refs.add(shape);
    return shape;
  }

  /** Works out whether this shape refers to itself, once every shape it reaches is compiled. */
  settle(): void {
    const seen = new Set<CompiledShape>();
    const stack = [...this.refs];
    while (stack.length > 0) {
      const shape = stack.pop()!;
      if (shape === this) return;
      if (seen.has(shape)) continue;
      seen.add(shape);
      stack.push(...shape.refs);
    }
    this.recursive = false;
  }

  validate(focus: Term, run: RunContext, out: ValidationResult[]): void {
    this.evaluate(focus, run, out);
  }

  /**
   * Whether NODE conforms: validated as for a report, but no result is made, since none is read. A shape that
   * does not refer to itself answers the same for a node however it is reached (sh:node, sh:or, … ask again
   * and again), so the run remembers the answer; one that does is validated each time, so that its depth
   * guard sees the same nesting as ever.
   */
  conforms(node: Term, run: RunContext): boolean {
    const test = () => this.evaluate(node, run, undefined) === 0;
    return this.recursive ? test() : run.conforms(this, node, test);
  }

  /** Validates FOCUS, adding the results to OUT (when given); how many there are. */
  private evaluate(focus: Term, run: RunContext, out: ValidationResult[] | undefined): number {
    if (this.deactivated) return 0;
    if (++this.depth > MAX_DEPTH) {
      this.depth = 0;
      throw new InputError(`shape ${termKey(this.term)} refers to itself without end`, {
        fix: 'Break the cycle of sh:node / sh:property references.',
      });
    }
    try {
      // Indexed loops: this runs for every focus node and shape, mostly finding nothing, and an iterator
      // costs more than the rest until the code is optimised.
      let found = 0;
      const values = this.path ? evaluatePath(run.data, this.path, focus) : [focus];
      for (let c = 0; c < this.constraints.length; c++) {
        const constraint = this.constraints[c]!;
        const findings = constraint.check(focus, values, run);
        if (findings.length === 0) continue;
        found += findings.length;
        if (out) for (const finding of findings) out.push(this.result(focus, constraint, finding));
      }
      for (let p = 0; p < this.properties.length; p++) {
        for (let v = 0; v < values.length; v++) found += this.properties[p]!.evaluate(values[v]!, run, out);
      }
      return found;
    } finally {
      this.depth--;
    }
  }

  private result(focus: Term, { component, context }: Constraint, finding: Finding): ValidationResult {
    return {
      focusNode: focus,
      resultPath: finding.path ? pathToSparql(finding.path) : this.pathText,
      path: finding.path ?? this.path,
      value: finding.value,
      severity: this.severity,
      messages: this.messages.length > 0 ? this.messages : [component.message(context, finding)],
      sourceShape: this.term,
      component: component.name,
    };
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
    for (const shape of this.compiled.values()) shape.settle();
  }
}
