import type { Literal, Term } from '@rdfjs/types';
import { rdf, xsd } from '../vocab.ts';

const integer = /^[+-]?\d+$/;
const decimal = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const double = /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$/;
const dateTime = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const date = /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;

const bounded =
  (min: bigint, max: bigint) =>
  (lexical: string): boolean => {
    if (!integer.test(lexical)) return false;
    const value = BigInt(lexical);
    return value >= min && value <= max;
  };

/** Lexical-space checks for the XSD datatypes catalogues use; others are accepted as written. */
const lexicalChecks: Record<string, (lexical: string) => boolean> = {
  [xsd('string')]: () => true,
  [xsd('anyURI')]: (v) => !/[\s<>"{}|\\^`]/.test(v),
  [xsd('boolean')]: (v) => /^(true|false|1|0)$/.test(v),
  [xsd('integer')]: (v) => integer.test(v),
  [xsd('decimal')]: (v) => decimal.test(v),
  [xsd('double')]: (v) => double.test(v),
  [xsd('float')]: (v) => double.test(v),
  [xsd('dateTime')]: (v) => dateTime.test(v) && !Number.isNaN(Date.parse(v)),
  [xsd('date')]: (v) => date.test(v),
  [xsd('nonNegativeInteger')]: (v) => integer.test(v) && !v.startsWith('-'),
  [xsd('positiveInteger')]: (v) => integer.test(v) && BigInt(v) > 0n,
  [xsd('long')]: bounded(-(2n ** 63n), 2n ** 63n - 1n),
  [xsd('int')]: bounded(-(2n ** 31n), 2n ** 31n - 1n),
  [xsd('short')]: bounded(-32768n, 32767n),
  [xsd('byte')]: bounded(-128n, 127n),
};

const LANG_STRING = rdf('langString');
const BOOLEAN = xsd('boolean');

/** Whether LITERAL's lexical form is in its datatype's lexical space (SHACL sh:datatype). */
export function isWellFormed(literal: Literal): boolean {
  if (literal.datatype.value === LANG_STRING) return literal.language !== '';
  return lexicalChecks[literal.datatype.value]?.(literal.value) ?? true;
}

const numeric = new Set(
  [
    'integer',
    'decimal',
    'double',
    'float',
    'long',
    'int',
    'short',
    'byte',
    'nonNegativeInteger',
    'positiveInteger',
  ].map((n) => xsd(n)),
);
const temporal = new Set([xsd('dateTime'), xsd('date')]);
const textual = new Set([xsd('string'), rdf('langString')]);

const hasTimezone = (lexical: string): boolean => /(Z|[+-]\d{2}:\d{2})$/.test(lexical);

/** Compares two terms as SPARQL's < would: a number, or undefined when they are not comparable. */
export function compareTerms(a: Term, b: Term): number | undefined {
  if (a.termType !== 'Literal' || b.termType !== 'Literal') return undefined;
  if (!isWellFormed(a) || !isWellFormed(b)) return undefined;
  const da = a.datatype.value;
  const db = b.datatype.value;
  if (numeric.has(da) && numeric.has(db)) return Math.sign(Number(a.value) - Number(b.value));
  if (temporal.has(da) && da === db) {
    // XSD: a time with a timezone and one without are not (determinately) comparable.
    if (hasTimezone(a.value) !== hasTimezone(b.value)) return undefined;
    return Math.sign(Date.parse(a.value) - Date.parse(b.value));
  }
  if (textual.has(da) && da === db && a.language === b.language)
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (da === BOOLEAN && db === da)
    return Number(/^(true|1)$/.test(a.value)) - Number(/^(true|1)$/.test(b.value));
  return undefined;
}
