import { loadOntology, loadShapes } from '../model/load.ts';
import { apiContext } from './context.ts';
import { resourceKinds } from './resources.ts';
import { type ApiResource, describeResource } from './schema.ts';

/** The REST API's model, made once at start from shapes/ and ontology/: the collections and the context. */
export interface ApiModel {
  readonly resources: readonly ApiResource[];
  /** Collections by path segment (images, node-images, …). */
  readonly byPath: ReadonlyMap<string, ApiResource>;
  /** The JSON-LD context document served at /api/context.jsonld. */
  readonly context: Record<string, unknown>;
  /** The terms it defines: a value equal to one would read back as the term, not as itself. */
  readonly terms: ReadonlySet<string>;
}

export async function loadApiModel(): Promise<ApiModel> {
  const [shapes, ontology] = await Promise.all([loadShapes(), loadOntology()]);
  const resources = resourceKinds.map((kind) => describeResource(kind, shapes, ontology));
  const context = apiContext(resources);
  return {
    resources,
    byPath: new Map(resources.map((r) => [r.path, r])),
    context,
    terms: new Set(Object.keys(context['@context'] as object)),
  };
}
