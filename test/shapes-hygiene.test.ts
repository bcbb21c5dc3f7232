import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/model/hygiene.ts';
import { loadShapes } from '../src/model/load.ts';
import { reportingShapes, shapeConstraints } from '../src/model/shape-constraints.ts';
import { silentShapes, unnamedShapes } from '../src/model/shape-hygiene.ts';
import { prefixes } from '../src/vocab.ts';
import { turtle } from './support/turtle.ts';

const shapes = await loadShapes();
const terms = (findings: Finding[]): string[] => findings.map((f) => f.term);
const igs = (local: string): string => `<${prefixes.igs}${local}>`;

describe('the shapes of shapes/', () => {
  it('name every shape, property shape and condition with an igs: IRI', () => {
    expect(unnamedShapes(shapes)).toEqual([]);
  });

  it('explain every reporting shape with an English sh:message', () => {
    expect(silentShapes(shapes)).toEqual([]);
  });
});

describe('the shape checks catch planted defects', () => {
  const planted = `
    igs:A a sh:NodeShape ; sh:targetClass ig:Image ;
      sh:property igs:A-id , [ sh:path ig:osBits ; sh:in ( 32 64 ) ; sh:message "Bits are 32 or 64."@en ] ;
      sh:or ( igs:Cond [ sh:path ig:osName ; sh:minCount 1 ] ) ; sh:message "Needs a name."@en .
    igs:A-id a sh:PropertyShape ; sh:path ig:imageId ; sh:minCount 1 ; sh:message "Il manque l'identifiant."@fr .
    igs:Cond a sh:PropertyShape ; sh:path ig:osFamily ; sh:minCount 1 .`;
  const cases: [string, (quads: Quad[]) => string[], string[]][] = [
    ['blank-node shapes', (q) => terms(unnamedShapes(q)).map((t) => t.slice(0, 2)), ['_:', '_:']],
    [
      'reporting shapes without an English message, but not conditions',
      (q) => terms(silentShapes(q)),
      [igs('A-id')],
    ],
    [
      'reporting shapes: the targeted shape and its property shapes, not its conditions',
      (q) => reportingShapes(q).map((s) => s.termType),
      ['NamedNode', 'NamedNode', 'BlankNode'],
    ],
    [
      'constraints by component',
      (q) => shapeConstraints(q).map((c) => c.component),
      ['OrConstraintComponent', 'MinCountConstraintComponent', 'InConstraintComponent'],
    ],
  ];

  it.each(cases)('%s', (_, check, expected) => {
    expect(check(turtle(planted))).toEqual(expected);
  });
});
