import type { Term } from '@rdfjs/types';
import { termKey } from '../../rdf/terms.ts';
import { sh } from '../../vocab.ts';
import { isWellFormed } from '../xsd.ts';
import { type Component, eachValue } from './component.ts';

const kinds: Record<string, (t: Term) => boolean> = {
  [sh('IRI')]: (t) => t.termType === 'NamedNode',
  [sh('BlankNode')]: (t) => t.termType === 'BlankNode',
  [sh('Literal')]: (t) => t.termType === 'Literal',
  [sh('BlankNodeOrIRI')]: (t) => t.termType === 'NamedNode' || t.termType === 'BlankNode',
  [sh('BlankNodeOrLiteral')]: (t) => t.termType === 'BlankNode' || t.termType === 'Literal',
  [sh('IRIOrLiteral')]: (t) => t.termType === 'NamedNode' || t.termType === 'Literal',
};

export const valueTypeComponents: Component[] = [
  {
    name: 'ClassConstraintComponent',
    parameter: 'class',
    compile: (c) =>
      c
        .values('class')
        .map((cls) => eachValue((v, run) => v.termType !== 'Literal' && run.isInstance(v, cls.value))),
    message: (c) => `Value must be an instance of ${c.values('class').map(termKey).join(', ')}`,
  },
  {
    name: 'DatatypeConstraintComponent',
    parameter: 'datatype',
    compile: (c) =>
      c
        .values('datatype')
        .map((dt) =>
          eachValue((v) => v.termType === 'Literal' && v.datatype.value === dt.value && isWellFormed(v)),
        ),
    message: (c) =>
      `Value must be a valid literal of datatype ${c.values('datatype').map(termKey).join(', ')}`,
  },
  {
    name: 'NodeKindConstraintComponent',
    parameter: 'nodeKind',
    compile: (c) =>
      c.values('nodeKind').map((kind) => {
        const test = kinds[kind.value] ?? (() => false);
        return eachValue((v) => test(v));
      }),
    message: (c) => `Value must be of node kind ${c.values('nodeKind').map(termKey).join(', ')}`,
  },
];
