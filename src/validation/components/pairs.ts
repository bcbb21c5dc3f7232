import type { Term } from '@rdfjs/types';
import { termKey } from '../../rdf/terms.ts';
import type { RunContext } from '../context.ts';
import { compareTerms } from '../xsd.ts';
import { type Check, type Component, type Finding, noFindings } from './component.ts';

type PairTest = (focus: Term, values: readonly Term[], others: readonly Term[]) => Finding[];

const has = (list: readonly Term[], term: Term): boolean => list.some((t) => t.equals(term));

const pairTests: Record<string, PairTest> = {
  equals: (_f, values, others) => [
    ...values.filter((v) => !has(others, v)).map((value) => ({ value })),
    ...others.filter((o) => !has(values, o)).map((value) => ({ value })),
  ],
  disjoint: (_f, values, others) => values.filter((v) => has(others, v)).map((value) => ({ value })),
  lessThan: (_f, values, others) => failingPairs(values, others, (order) => order < 0),
  lessThanOrEquals: (_f, values, others) => failingPairs(values, others, (order) => order <= 0),
};

/** One finding per (value, other) pair that is not in order, as SHACL §4.5.3 asks. */
function failingPairs(
  values: readonly Term[],
  others: readonly Term[],
  ok: (order: number) => boolean,
): Finding[] {
  const findings: Finding[] = [];
  for (const value of values) {
    for (const other of others) {
      const order = compareTerms(value, other);
      if (order === undefined || !ok(order)) findings.push({ value });
    }
  }
  return findings;
}

const compilePair =
  (test: PairTest, predicate: string): Check =>
  (focus: Term, values: readonly Term[], run: RunContext) => {
    const findings = test(focus, values, run.data.objects(focus, predicate));
    return findings.length > 0 ? findings : noFindings;
  };

const words: Record<string, string> = {
  equals: 'must equal the values of',
  disjoint: 'must not be among the values of',
  lessThan: 'must be less than the values of',
  lessThanOrEquals: 'must be less than or equal to the values of',
};

export const pairComponents: Component[] = Object.entries(pairTests).map(([parameter, test]) => ({
  name: `${parameter[0]!.toUpperCase()}${parameter.slice(1)}ConstraintComponent`,
  parameter,
  propertyOnly: parameter.startsWith('less'),
  compile: (c) => c.values(parameter).map((p) => compilePair(test, p.value)),
  message: (c) => `Value ${words[parameter]} ${c.values(parameter).map(termKey).join(', ')}`,
}));
