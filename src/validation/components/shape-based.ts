import type { Term } from '@rdfjs/types';
import { termKey } from '../../rdf/terms.ts';
import {
  type Component,
  type ComponentContext,
  eachValue,
  noFindings,
  numberParameter,
  type ShapeRef,
} from './component.ts';

const noValue = [{ value: undefined }];

/** SHACL §4.7.3: the qualified value shapes of the other property shapes of this shape's parents. */
function siblingShapes(c: ComponentContext, own: Term): ShapeRef[] {
  const found: ShapeRef[] = [];
  for (const parent of c.readInverse(c.shape, 'property')) {
    for (const property of c.read(parent, 'property')) {
      for (const q of c.read(property, 'qualifiedValueShape')) if (!q.equals(own)) found.push(c.shapeRef(q));
    }
  }
  return found;
}

/** sh:qualifiedValueShape with sh:qualifiedMinCount / sh:qualifiedMaxCount. */
const qualified = (bound: 'qualifiedMinCount' | 'qualifiedMaxCount'): Component => ({
  name: `${bound[0]!.toUpperCase()}${bound.slice(1)}ConstraintComponent`,
  parameter: bound,
  propertyOnly: true,
  compile: (c) => {
    const limit = numberParameter(c, bound);
    const shapeTerm = c.values('qualifiedValueShape')[0];
    if (!shapeTerm) return [];
    const shape = c.shapeRef(shapeTerm);
    const siblings =
      c.values('qualifiedValueShapesDisjoint')[0]?.value === 'true' ? siblingShapes(c, shapeTerm) : [];
    const fails = bound === 'qualifiedMinCount' ? (n: number) => n < limit : (n: number) => n > limit;
    return [
      (_focus, values, run) => {
        let count = 0;
        for (const v of values) {
          if (shape.conforms(v, run) && !siblings.some((s) => s.conforms(v, run))) count++;
        }
        return fails(count) ? noValue : noFindings;
      },
    ];
  },
  message: (c) =>
    `${bound === 'qualifiedMinCount' ? 'Less' : 'More'} than ${numberParameter(c, bound)} values conform to the qualified shape`,
});

export const shapeBasedComponents: Component[] = [
  {
    name: 'NodeConstraintComponent',
    parameter: 'node',
    compile: (c) =>
      c.values('node').map((t) => {
        const shape = c.shapeRef(t);
        return eachValue((v, run) => shape.conforms(v, run));
      }),
    message: (c) => `Value does not conform to shape ${c.values('node').map(termKey).join(', ')}`,
  },
  qualified('qualifiedMinCount'),
  qualified('qualifiedMaxCount'),
];
