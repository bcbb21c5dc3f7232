import { termKey } from '../rdf/terms.ts';
import type { ValidationResult } from '../validation/report.ts';

/** The violations among RESULTS (warnings and infos never reject a write). */
export const violations = (results: readonly ValidationResult[]) =>
  results.filter((r) => r.severity === 'Violation');

/** A result as a key: the same violation before and after a write has the same key. */
export const resultKey = (r: ValidationResult): string =>
  [
    termKey(r.focusNode),
    r.resultPath ?? '',
    r.value ? termKey(r.value) : '',
    r.component,
    termKey(r.sourceShape),
  ].join(' ');
