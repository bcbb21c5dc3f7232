import type { Term } from '@rdfjs/types';
import type { RunContext } from '../context.ts';
import { type Component, type ComponentContext, eachValue, type ShapeRef } from './component.ts';

type Combine = (shapes: readonly ShapeRef[], value: Term, run: RunContext) => boolean;

const conforming = (shapes: readonly ShapeRef[], value: Term, run: RunContext): number =>
  shapes.reduce((n, s) => n + (s.conforms(value, run) ? 1 : 0), 0);

/** sh:and, sh:or, sh:xone take a list of shapes; each says how many must conform. */
const listed: [string, string, Combine, string][] = [
  ['AndConstraintComponent', 'and', (s, v, r) => s.every((x) => x.conforms(v, r)), 'all of'],
  ['OrConstraintComponent', 'or', (s, v, r) => s.some((x) => x.conforms(v, r)), 'at least one of'],
  ['XoneConstraintComponent', 'xone', (s, v, r) => conforming(s, v, r) === 1, 'exactly one of'],
];

const shapesOf = (c: ComponentContext, list: Term): ShapeRef[] => c.list(list).map((t) => c.shapeRef(t));

export const logicalComponents: Component[] = [
  {
    name: 'NotConstraintComponent',
    parameter: 'not',
    compile: (c) =>
      c.values('not').map((t) => {
        const shape = c.shapeRef(t);
        return eachValue((v, run) => !shape.conforms(v, run));
      }),
    message: () => 'Value conforms to a shape it must not conform to',
  },
  ...listed.map(
    ([name, parameter, combine, words]): Component => ({
      name,
      parameter,
      compile: (c) =>
        c.values(parameter).map((list) => {
          const shapes = shapesOf(c, list);
          return eachValue((v, run) => combine(shapes, v, run));
        }),
      message: () => `Value does not conform to ${words} the listed shapes`,
    }),
  ),
];
