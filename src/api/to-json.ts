import type { Literal, Quad, Term } from '@rdfjs/types';
import { ID_BASE, IG_BASE, rdf, xsd } from '../vocab.ts';
import { localToken, relativeId } from './ids.ts';
import type { ApiProperty, ApiResource } from './schema.ts';

type Json = string | number | boolean | Record<string, unknown> | Json[];

/** A term as JSON-LD writes it in expanded form: a node or value object, exact whatever the context says. */
function valueObject(term: Term): Record<string, unknown> {
  if (term.termType !== 'Literal')
    return { '@id': term.termType === 'BlankNode' ? `_:${term.value}` : term.value };
  if (term.language) return { '@value': term.value, '@language': term.language };
  return term.datatype.value === xsd('string')
    ? { '@value': term.value }
    : { '@value': term.value, '@type': term.datatype.value };
}

const canonicalInteger = (s: string) => /^(0|-?[1-9][0-9]{0,14})$/.test(s);

/** LITERAL as the JSON value the context reads back as the same literal, given its term's DATATYPE. */
function literalJson(literal: Literal, datatype: string): Json {
  if (literal.language || literal.datatype.value !== datatype) return valueObject(literal);
  if (datatype === xsd('integer') && canonicalInteger(literal.value)) return Number(literal.value);
  if (datatype === xsd('boolean') && (literal.value === 'true' || literal.value === 'false')) {
    return literal.value === 'true';
  }
  return literal.value;
}

/**
 * TERM, a value of PROPERTY, in the short form the API's context gives that property: a vocabulary token or
 * an id such as customer/1. A local part that would read back as something else (a term of the context such
 * as "owner", an IRI) is written as the full IRI, which reads back exactly.
 */
function valueJson(term: Term, property: ApiProperty, terms: ReadonlySet<string>): Json {
  const { value } = property;
  if (value.kind === 'literal') {
    return term.termType === 'Literal' ? literalJson(term, value.datatype) : valueObject(term);
  }
  if (term.termType !== 'NamedNode') return valueObject(term);
  const [base, form] = value.kind === 'vocabulary' ? [value.namespace, localToken] : [ID_BASE, relativeId];
  const local = term.value.startsWith(base) ? term.value.slice(base.length) : '';
  return form.test(local) && !terms.has(local) ? local : term.value;
}

/** A type of a member: its local name in the ig: namespace (the context's @vocab), else its IRI. */
const typeJson = (t: Term): Json =>
  t.termType === 'NamedNode' && t.value.startsWith(IG_BASE) ? t.value.slice(IG_BASE.length) : valueObject(t);

/**
 * The JSON of SUBJECT from QUADS (its statements), for the API's context: "id", "type", then each property of
 * RESOURCE in the order the resource lists them — single-valued ones as one value, others as arrays — then any
 * other statement under its predicate's full IRI in expanded JSON-LD. TERMS: the context's terms. Expanding the result with the context
 * gives exactly QUADS back (test/api-jsonld.test.ts checks it).
 */
export function resourceJson(
  resource: ApiResource,
  subject: string,
  quads: readonly Quad[],
  terms: ReadonlySet<string>,
): Record<string, unknown> {
  const byPredicate = new Map<string, Term[]>();
  for (const q of quads) {
    if (q.subject.value !== subject) continue;
    byPredicate.set(q.predicate.value, [...(byPredicate.get(q.predicate.value) ?? []), q.object]);
  }
  const out: Record<string, unknown> = { id: subject };
  const types = byPredicate.get(rdf('type')) ?? [];
  if (types.length > 0) out.type = types.length === 1 ? typeJson(types[0]!) : types.map(typeJson);
  byPredicate.delete(rdf('type'));
  for (const property of resource.properties.values()) {
    const values = byPredicate.get(property.iri);
    if (!values) continue;
    byPredicate.delete(property.iri);
    const json = values.map((v) => valueJson(v, property, terms));
    out[property.name] = property.single && json.length === 1 ? json[0] : json;
  }
  for (const [predicate, values] of byPredicate) out[predicate] = values.map(valueObject);
  return out;
}
