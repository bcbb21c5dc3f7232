import type { Term } from '@rdfjs/types';
import { termKey } from '../../rdf/terms.ts';
import { type Component, eachValue, type Finding, noFindings } from './component.ts';

export const otherComponents: Component[] = [
  {
    name: 'InConstraintComponent',
    parameter: 'in',
    compile: (c) =>
      c.values('in').map((list) => {
        const allowed = new Set(c.list(list).map(termKey));
        return eachValue((v) => allowed.has(termKey(v)));
      }),
    message: (c) => `Value is not one of ${c.list(c.values('in')[0]!).map(termKey).join(', ')}`,
  },
  {
    name: 'HasValueConstraintComponent',
    parameter: 'hasValue',
    compile: (c) =>
      c
        .values('hasValue')
        .map(
          (expected) => (_focus: Term, values: readonly Term[]) =>
            values.some((v) => v.equals(expected)) ? noFindings : [{ value: undefined }],
        ),
    message: (c) => `Missing expected value ${c.values('hasValue').map(termKey).join(', ')}`,
  },
  {
    name: 'ClosedConstraintComponent',
    parameter: 'closed',
    compile: (c) => {
      if (c.values('closed')[0]?.value !== 'true') return [];
      const allowed = new Set<string>(
        [
          ...c.values('property').flatMap((p) => c.read(p, 'path').filter((t) => t.termType === 'NamedNode')),
          ...c.values('ignoredProperties').flatMap((list) => c.list(list)),
        ].map((t) => t.value),
      );
      return [
        (_focus, values, run) => {
          const findings: Finding[] = [];
          for (const node of values) {
            for (const predicate of run.data.predicatesOf(node)) {
              if (allowed.has(predicate)) continue;
              for (const value of run.data.objects(node, predicate)) {
                findings.push({ value, path: { kind: 'predicate', iri: predicate } });
              }
            }
          }
          return findings.length > 0 ? findings : noFindings;
        },
      ];
    },
    message: () => 'Predicate is not allowed (closed shape)',
  },
];
