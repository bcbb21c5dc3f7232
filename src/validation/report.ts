import type { Term } from '@rdfjs/types';
import type { Path } from './path.ts';

export type Severity = 'Violation' | 'Warning' | 'Info';

/** One sh:ValidationResult. Paths are kept as SHACL path terms' readable form. */
export interface ValidationResult {
  readonly focusNode: Term;
  /** The property path in SPARQL syntax, e.g. `<…#osBits>` or `^<…#ofImage>`; undefined for node shapes. */
  readonly resultPath: string | undefined;
  /** The same path as a tree, for writing the report as RDF. */
  readonly path?: Path | undefined;
  readonly value: Term | undefined;
  readonly severity: Severity;
  readonly messages: readonly string[];
  readonly sourceShape: Term;
  /** The local name of the constraint component, e.g. 'MinCountConstraintComponent'. */
  readonly component: string;
}

export interface ValidationReport {
  /** False when any result exists, whatever its severity (SHACL's sh:conforms). */
  readonly conforms: boolean;
  readonly results: readonly ValidationResult[];
  /** How many (shape, focus node) pairs were checked, when the engine counts them. */
  readonly checked?: number;
}

/** True when no result is a violation: warnings and infos alone do not fail a catalogue. */
export const hasViolations = (report: ValidationReport): boolean =>
  report.results.some((r) => r.severity === 'Violation');
