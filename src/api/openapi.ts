import { DEFAULT_PAGE, MAX_PAGE } from './list-request.ts';
import type { ApiModel } from './model.ts';
import { memberSchema, problemSchema } from './openapi-schemas.ts';
import type { ApiResource } from './schema.ts';

type Schema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const jsonLd = (schema: Schema) => ({
  'application/ld+json': { schema },
  'application/json': { schema },
  'text/turtle': { schema: { type: 'string' } },
});
const errors = {
  400: problem('Bad input: the detail says what and how to fix it.'),
  401: problem('A token is needed.'),
  403: problem('The token does not allow this.'),
  406: problem('No representation the Accept header allows.'),
};
const writeErrors = {
  ...errors,
  409: problem('Conflict: the member exists (POST) or others refer to it (DELETE).'),
  412: problem('Precondition failed: If-Match or If-None-Match.'),
  413: problem('The body is too large.'),
  415: problem('The body is not JSON.'),
  422: problem('The write would break the shapes: the SHACL report is in "report".'),
};
const name = (r: ApiResource) => r.path.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
const etag = { ETag: { schema: { type: 'string' }, description: "The member's entity tag." } };

function listParameters(resource: ApiResource): Schema[] {
  const filters = resource.filters.map((f) => ({
    name: f,
    in: 'query',
    required: false,
    description: `Only members whose ${f} is one of these values (comma-separated).`,
    schema: { type: 'string' },
  }));
  const sorts = resource.sorts.flatMap((s) => [s, `-${s}`]);
  return [
    ...filters,
    ...(sorts.length > 0 ? [{ name: 'sort', in: 'query', schema: { type: 'string', enum: sorts } }] : []),
    {
      name: 'limit',
      in: 'query',
      schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE },
    },
    {
      name: 'after',
      in: 'query',
      description: 'The cursor of the page before (follow "next").',
      schema: { type: 'string' },
    },
  ];
}

function collectionPaths(resource: ApiResource): Record<string, Schema> {
  const n = name(resource);
  const member = ref(n);
  const idParam = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._~-]*$' },
  };
  const body = (schema: Schema, types = ['application/ld+json', 'application/json']) => ({
    required: true,
    content: Object.fromEntries(types.map((t) => [t, { schema }])),
  });
  const memberOps: Record<string, Schema> = {
    get: {
      summary: `One of ${resource.path}`,
      parameters: [idParam],
      responses: {
        200: { description: 'The member.', headers: etag, content: jsonLd(member) },
        304: { description: 'Not modified (If-None-Match).' },
        404: problem('No such member.'),
        ...errors,
      },
    },
  };
  if (!resource.appendOnly) {
    memberOps.put = {
      summary: `Replace (or create) one of ${resource.path}`,
      parameters: [idParam],
      requestBody: body(ref(`${n}Input`)),
      responses: {
        200: { description: 'Replaced.', headers: etag, content: jsonLd(member) },
        201: { description: 'Created.', headers: etag, content: jsonLd(member) },
        ...writeErrors,
      },
    };
    memberOps.patch = {
      summary: `Change one of ${resource.path} (JSON Merge Patch)`,
      parameters: [idParam],
      requestBody: body({ type: 'object' }, ['application/merge-patch+json', 'application/json']),
      responses: {
        200: { description: 'Changed.', headers: etag, content: jsonLd(member) },
        404: problem('No such member.'),
        ...writeErrors,
      },
    };
    memberOps.delete = {
      summary: `Delete one of ${resource.path}`,
      parameters: [idParam, { name: 'cascade', in: 'query', schema: { type: 'boolean' } }],
      responses: { 204: { description: 'Deleted.' }, 404: problem('No such member.'), ...writeErrors },
    };
  }
  return {
    [`/api/${resource.path}`]: {
      get: {
        summary: `List ${resource.path}`,
        parameters: listParameters(resource),
        responses: { 200: { description: 'A page.', content: jsonLd(ref(`${n}Page`)) }, ...errors },
      },
      post: {
        summary: `Create one of ${resource.path}`,
        requestBody: body(ref(`${n}Input`)),
        responses: {
          201: { description: 'Created; Location names it.', headers: etag, content: jsonLd(member) },
          ...writeErrors,
        },
      },
    },
    [`/api/${resource.path}/{id}`]: memberOps,
  };
}

/** The OpenAPI 3.1 description of the API, made from its model (so it describes what the handlers do). */
export function openApi(model: ApiModel): Schema {
  const schemas: Record<string, Schema> = { Problem: problemSchema };
  for (const resource of model.resources) {
    const n = name(resource);
    schemas[n] = memberSchema(resource, true);
    schemas[`${n}Input`] = memberSchema(resource, false);
    schemas[`${n}Page`] = {
      type: 'object',
      properties: {
        '@context': { type: 'string' },
        id: { type: 'string', format: 'uri' },
        type: { const: 'hydra:Collection' },
        items: { type: 'array', items: ref(n) },
        next: { type: 'string', format: 'uri' },
      },
      required: ['id', 'type', 'items'],
      additionalProperties: false,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'imagegraph REST API',
      version: '1.0.0',
      description:
        'Images, node images, nodes, zones, repositories, image servers, fragments, SLAs and usage records as JSON-LD (context: /api/context.jsonld); every answer is also RDF (Accept: text/turtle and the other RDF syntaxes).',
    },
    paths: {
      '/api/context.jsonld': {
        get: {
          summary: "The API's JSON-LD context",
          responses: {
            200: {
              description: 'The context.',
              content: { 'application/ld+json': { schema: { type: 'object' } } },
            },
          },
        },
      },
      ...Object.assign({}, ...model.resources.map(collectionPaths)),
    },
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'IMAGEGRAPH_WRITE_TOKEN for writes; IMAGEGRAPH_READ_TOKEN (or the write token) for reads when set.',
        },
      },
    },
    security: [{}, { bearer: [] }],
  };
}
