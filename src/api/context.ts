import { ID_BASE, IG_BASE, xsd } from '../vocab.ts';
import type { ApiProperty, ApiResource } from './schema.ts';

/** The version of the API's JSON-LD context; a change that alters the meaning of a key makes a new one. */
export const CONTEXT_VERSION = 'v1';
export const HYDRA = 'http://www.w3.org/ns/hydra/core#';

type TermDefinition = string | Record<string, unknown>;

/**
 * The term definition of PROPERTY: its IRI and how its JSON values read as RDF. No @container: whether a
 * value comes alone or in an array is the resource's business (schema.ts single), not the key's.
 */
function definition(property: ApiProperty): TermDefinition {
  const { value } = property;
  if (value.kind === 'vocabulary') {
    return { '@id': property.iri, '@type': '@vocab', '@context': { '@vocab': value.namespace } };
  }
  if (value.kind === 'reference') {
    return { '@id': property.iri, '@type': '@vocab', '@context': { '@vocab': ID_BASE } };
  }
  return value.datatype === xsd('string')
    ? { '@id': property.iri }
    : { '@id': property.iri, '@type': value.datatype };
}

/**
 * The API's one JSON-LD context, made from the resources' properties: every key is the local name of an ig:
 * property; vocabulary values are their local names ("qcow2"), references are IRIs relative to the id base
 * ("customer/1") — both through a scoped @vocab, so a plain-JSON client reads and writes short strings and a
 * JSON-LD processor gets the full IRIs. "id" and "type" alias @id and @type; a list's members are hydra:member.
 */
export function apiContext(resources: readonly ApiResource[]): Record<string, unknown> {
  const terms: Record<string, TermDefinition> = {};
  for (const resource of resources) {
    for (const property of resource.properties.values()) {
      const def = definition(property);
      const known = terms[property.name];
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(def)) {
        throw new Error(`the API context would define '${property.name}' twice, differently`);
      }
      terms[property.name] = def;
    }
  }
  return {
    '@context': {
      '@version': 1.1,
      '@vocab': IG_BASE,
      xsd: xsd(),
      hydra: HYDRA,
      id: '@id',
      type: '@type',
      items: { '@id': `${HYDRA}member`, '@container': '@set' },
      next: { '@id': `${HYDRA}next`, '@type': '@id' },
      ...Object.fromEntries(Object.entries(terms).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
