import { ID_BASE, xsd } from '../vocab.ts';
import type { ApiProperty, ApiResource } from './schema.ts';

type Schema = Record<string, unknown>;

/** An RDF term written in expanded JSON-LD: what a value the context cannot shorten looks like. */
export const valueObject: Schema = {
  type: 'object',
  properties: {
    '@id': { type: 'string' },
    '@value': { type: 'string' },
    '@type': { type: 'string' },
    '@language': { type: 'string' },
  },
  additionalProperties: false,
};

const literalSchemas: Record<string, Schema> = {
  [xsd('integer')]: { type: ['integer', 'string'], pattern: '^[+-]?[0-9]+$' },
  [xsd('decimal')]: { type: ['string', 'number'], pattern: '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$' },
  [xsd('boolean')]: { type: 'boolean' },
  [xsd('anyURI')]: { type: 'string', format: 'uri' },
  [xsd('dateTime')]: { type: 'string', format: 'date-time' },
};

/** The JSON Schema of one value of PROPERTY as the context reads it (requests) or writes it (responses). */
function valueSchema(property: ApiProperty, response: boolean): Schema {
  const { value } = property;
  const schema: Schema =
    value.kind === 'literal'
      ? (literalSchemas[value.datatype] ?? { type: 'string' })
      : value.kind === 'vocabulary'
        ? {
            type: 'string',
            enum: value.members,
            description: `A term of ${value.namespace} by its local name.`,
          }
        : {
            type: 'string',
            description: `Another resource: its IRI relative to ${ID_BASE} (e.g. customer/1), or an absolute IRI.`,
          };
  // A response shows a value the context cannot shorten (data loaded by other means) in expanded form.
  return response ? { anyOf: [schema, valueObject] } : schema;
}

const propertySchema = (property: ApiProperty, response: boolean): Schema => {
  const one = valueSchema(property, response);
  const many = { type: 'array', items: one };
  if (!property.single) return response ? many : { anyOf: [many, one] };
  return response ? { anyOf: [one, many] } : one;
};

/** The JSON Schema of a member of RESOURCE: what a POST or PUT sends (request) or what the API answers. */
export function memberSchema(resource: ApiResource, response: boolean): Schema {
  const types = resource.types.map((t) => t.slice(t.lastIndexOf('#') + 1));
  const properties: Record<string, Schema> = {
    '@context': {
      type: 'string',
      description: 'The API context (optional in requests: plain JSON reads with it).',
    },
    id: { type: 'string', format: 'uri', description: "The member's IRI." },
    type: response
      ? { anyOf: [{ type: 'string' }, { type: 'array', items: {} }, valueObject] }
      : {
          anyOf: [
            { type: 'string', enum: types },
            { type: 'array', items: { type: 'string', enum: types } },
          ],
        },
  };
  for (const property of resource.properties.values())
    properties[property.name] = propertySchema(property, response);
  const required = [...resource.properties.values()].filter(
    (p) => p.required && p.iri !== resource.idProperty,
  );
  return {
    type: 'object',
    properties,
    ...(response ? { required: ['id'] } : { required: required.map((p) => p.name) }),
    // A response also shows statements outside the model, under their predicate's IRI in expanded JSON-LD.
    ...(response
      ? { patternProperties: { '^[a-z][a-z0-9+.-]*:': { type: 'array', items: valueObject } } }
      : {}),
    additionalProperties: false,
  };
}

/** An RFC 9457 problem document, as every error of the API is. */
export const problemSchema: Schema = {
  type: 'object',
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
  },
  required: ['type', 'title', 'status', 'detail'],
};
