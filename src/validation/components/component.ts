import type { Term } from '@rdfjs/types';
import type { RunContext } from '../context.ts';
import type { Path } from '../path.ts';

/** A failed constraint: the offending value (none for e.g. sh:minCount) and, rarely, its own path. */
export interface Finding {
  readonly value: Term | undefined;
  readonly path?: Path;
}

/** A compiled constraint: given the focus node and its value nodes, the findings. */
export type Check = (focus: Term, values: readonly Term[], run: RunContext) => readonly Finding[];

/** A compiled shape, as components that refer to other shapes (sh:node, sh:and, …) see it. */
export interface ShapeRef {
  conforms(node: Term, run: RunContext): boolean;
}

/** What a component reads from the shapes graph while compiling. */
export interface ComponentContext {
  readonly shape: Term;
  /** The shape's path; undefined for node shapes. */
  readonly path: Path | undefined;
  /** All values of the shape's sh:LOCAL parameter. */
  values(local: string): readonly Term[];
  /** The values of sh:LOCAL on another node of the shapes graph. */
  read(subject: Term, local: string): readonly Term[];
  /** The nodes of the shapes graph whose sh:LOCAL is OBJECT (e.g. a property shape's parents). */
  readInverse(object: Term, local: string): readonly Term[];
  /** The members of the RDF list at TERM. */
  list(term: Term): Term[];
  /** The shape at TERM, compiled once and shared. */
  shapeRef(term: Term): ShapeRef;
}

/** A SHACL Core constraint component: its parameters and how to compile one use of it. */
export interface Component {
  /** Local name in sh:, e.g. 'MinCountConstraintComponent'. */
  readonly name: string;
  /** The parameter that triggers the component (sh:LOCAL present on the shape). */
  readonly parameter: string;
  /** Components only valid on property shapes (sh:minCount, …) are skipped on node shapes. */
  readonly propertyOnly?: boolean;
  /** One check per use: a parameter with several values gives several checks. */
  compile(context: ComponentContext): Check[];
  /** The message when the shape sets no sh:message. */
  message(context: ComponentContext, finding: Finding): string;
}

export const noFindings: readonly Finding[] = Object.freeze([]);

/** A check that tests each value node on its own: the common case. */
export const eachValue =
  (ok: (value: Term, run: RunContext) => boolean): Check =>
  (_focus, values, run) => {
    let findings: Finding[] | undefined;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (ok(value, run)) continue;
      findings ??= [];
      findings.push({ value });
    }
    return findings ?? noFindings;
  };

/** The single value of a parameter as a number (sh:minCount 1 → 1). */
export const numberParameter = (context: ComponentContext, local: string): number =>
  Number(context.values(local)[0]?.value);
