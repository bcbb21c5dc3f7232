import type { Quad, Term } from '@rdfjs/types';
import { absoluteIri } from '../http/iri.ts';
import { literal, namedNode, triple } from '../rdf/terms.ts';
import { ID_BASE, IG_BASE, rdf, xsd } from '../vocab.ts';
import { ApiInputError } from './errors.ts';
import { localToken, relativeId } from './ids.ts';
import type { ApiProperty, ApiResource } from './schema.ts';

/** How deep a request's JSON may nest (json-body.ts checks it): members are flat, so deeper is a mistake. */
export const MAX_DEPTH = 4;

/** An IRI a client wrote: absolute, or (BASE given) a local part of BASE. */
function iriOf(value: unknown, base: string, local: RegExp, where: string, example: string): Term {
  if (typeof value === 'string' && local.test(value)) return namedNode(base + value);
  if (typeof value === 'string' && absoluteIri.test(value)) return namedNode(value);
  throw new ApiInputError(`${where} is ${JSON.stringify(value)?.slice(0, 80)}, which names nothing`, {
    fix: `Give a string such as ${JSON.stringify(example)}, or an absolute IRI.`,
    pointer: where,
  });
}

/** VALUE, one JSON value of PROPERTY, as the literal its datatype reads it as. */
function literalOf(
  value: unknown,
  property: ApiProperty & { value: { kind: 'literal' } },
  where: string,
): Term {
  const { datatype } = property.value;
  const fail = (expected: string): never => {
    throw new ApiInputError(`${where} is ${JSON.stringify(value)?.slice(0, 80)}, not ${expected}`, {
      fix: `Give ${property.name} as ${expected}.`,
      pointer: where,
    });
  };
  if (datatype === xsd('boolean'))
    return typeof value === 'boolean' ? literal(String(value), namedNode(datatype)) : fail('true or false');
  if (datatype === xsd('integer')) {
    if (typeof value === 'number' && Number.isSafeInteger(value))
      return literal(String(value), namedNode(datatype));
    if (typeof value === 'string' && /^[+-]?[0-9]+$/.test(value)) return literal(value, namedNode(datatype));
    return fail('an integer (a JSON number without a fraction)');
  }
  if (datatype === xsd('decimal')) {
    if (typeof value === 'number' && Number.isFinite(value))
      return literal(decimalText(value), namedNode(datatype));
    if (typeof value === 'string' && /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(value))
      return literal(value, namedNode(datatype));
    return fail('a decimal number (a JSON number or a string such as "0.99")');
  }
  if (typeof value !== 'string') return fail('a string');
  return datatype === xsd('string') ? literal(value) : literal(value, namedNode(datatype));
}

/** A JSON number as an xsd:decimal lexical form (no exponent). */
const decimalText = (n: number): string => {
  const text = Number.isInteger(n) ? n.toFixed(1) : String(n);
  return /e/i.test(text) ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '.0') : text;
};

export function termOf(value: unknown, property: ApiProperty, where: string): Term {
  if (property.value.kind === 'literal') {
    return literalOf(value, property as ApiProperty & { value: { kind: 'literal' } }, where);
  }
  if (property.value.kind === 'vocabulary')
    return iriOf(value, property.value.namespace, localToken, where, 'qcow2');
  return iriOf(value, ID_BASE, relativeId, where, 'customer/1');
}

/**
 * The statements about SUBJECT that BODY (one member of RESOURCE in the API's JSON) makes: rdf:type from
 * "type" (one of the resource's types; the first when absent), each known property's values. Unknown keys,
 * values of the wrong kind, an "id" that is not SUBJECT, and anything nested too deep are ApiInputErrors.
 */
export function resourceQuads(resource: ApiResource, subject: string, body: unknown): Quad[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiInputError('the request body is not a JSON object', {
      fix: 'Send one member as a JSON object.',
    });
  }
  const s = namedNode(subject);
  const quads: Quad[] = [];
  const unknown: string[] = [];
  let typed = false;
  for (const [key, value] of Object.entries(body)) {
    if (key === '@context' || value === null) continue;
    if (key === 'id' || key === '@id') {
      if (value !== subject) {
        throw new ApiInputError(`"${key}" is ${JSON.stringify(value)}, but this member is <${subject}>`, {
          fix: `Leave "${key}" out, or give ${JSON.stringify(subject)}.`,
          pointer: `/${key}`,
        });
      }
      continue;
    }
    if (key === 'type' || key === '@type') {
      for (const [i, t] of (Array.isArray(value) ? value : [value]).entries()) {
        const type = iriOf(
          t,
          IG_BASE,
          localToken,
          `/${key}${Array.isArray(value) ? `/${i}` : ''}`,
          'VMImage',
        );
        if (!resource.types.includes(type.value)) {
          throw new ApiInputError(`"${key}" is ${JSON.stringify(t)}, not a type of ${resource.path}`, {
            fix: `Give one of ${resource.types.map((x) => JSON.stringify(x.slice(IG_BASE.length))).join(', ')}.`,
            pointer: `/${key}`,
          });
        }
        quads.push(triple(s, rdf('type'), type));
        typed = true;
      }
      continue;
    }
    const property = resource.properties.get(key);
    if (!property) {
      unknown.push(key);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (property.single && values.length > 1) {
      throw new ApiInputError(`"${key}" has ${values.length} values, but ${resource.path} have at most one`, {
        fix: `Give one value for "${key}", not an array.`,
        pointer: `/${key}`,
      });
    }
    values.forEach((v, i) => {
      quads.push(
        triple(s, property.iri, termOf(v, property, Array.isArray(value) ? `/${key}/${i}` : `/${key}`)),
      );
    });
  }
  if (unknown.length > 0) {
    throw new ApiInputError(
      `${unknown.map((k) => JSON.stringify(k)).join(', ')} ${unknown.length === 1 ? 'is not a property' : 'are not properties'} of ${resource.path}`,
      {
        fix: `Use the properties ${resource.path} have: ${[...resource.properties.keys()].join(', ')} (see /api/openapi.json); other statements go through /sparql or /store.`,
      },
    );
  }
  if (!typed) quads.push(triple(s, rdf('type'), namedNode(resource.types[0]!)));
  return quads;
}
