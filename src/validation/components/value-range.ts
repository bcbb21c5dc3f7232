import { termKey } from '../../rdf/terms.ts';
import { compareTerms } from '../xsd.ts';
import { type Component, eachValue } from './component.ts';

/** sh:minInclusive and kin: the comparison SPARQL would make, and which outcomes pass. */
const ranges: [string, string, (order: number) => boolean, string][] = [
  ['MinExclusiveConstraintComponent', 'minExclusive', (o) => o > 0, 'greater than'],
  ['MinInclusiveConstraintComponent', 'minInclusive', (o) => o >= 0, 'greater than or equal to'],
  ['MaxExclusiveConstraintComponent', 'maxExclusive', (o) => o < 0, 'less than'],
  ['MaxInclusiveConstraintComponent', 'maxInclusive', (o) => o <= 0, 'less than or equal to'],
];

export const valueRangeComponents: Component[] = ranges.map(([name, parameter, passes, words]) => ({
  name,
  parameter,
  compile: (c) =>
    c.values(parameter).map((bound) =>
      eachValue((v) => {
        const order = compareTerms(v, bound);
        return order !== undefined && passes(order);
      }),
    ),
  message: (c) => `Value must be ${words} ${c.values(parameter).map(termKey).join(', ')}`,
}));
