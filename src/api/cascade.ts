import { rdf } from '../vocab.ts';
import type { Members } from './members.ts';
import type { ApiResource } from './schema.ts';

/** The most members one delete may take with it. */
export const MAX_CASCADE = 10_000;

/** The collection a member belongs to, by its types. */
export function resourceOfTypes(
  resources: readonly ApiResource[],
  types: readonly string[],
): ApiResource | undefined {
  return resources.find((r) => types.some((t) => t === r.class || r.types.includes(t)));
}

/**
 * What deleting ROOT takes with it: members that refer to something deleted through a property they
 * require (a node image without its image, a usage record without its image) are deleted too, transitively;
 * other references (a repository that stores the image) only lose that statement. Returns every member to
 * delete, ROOT first, or undefined when more than MAX_CASCADE would go.
 */
export async function cascadeOf(
  members: Members,
  resources: readonly ApiResource[],
  root: string,
): Promise<string[] | undefined> {
  const doomed = new Set([root]);
  let frontier = [root];
  while (frontier.length > 0) {
    const refs = (await members.referrers(frontier, 10 * MAX_CASCADE)).filter((r) => !doomed.has(r.referrer));
    const statements = await members.statements([...new Set(refs.map((r) => r.referrer))]);
    const typesOf = new Map<string, string[]>();
    for (const q of statements) {
      if (q.predicate.value === rdf('type'))
        typesOf.set(q.subject.value, [...(typesOf.get(q.subject.value) ?? []), q.object.value]);
    }
    frontier = [];
    for (const ref of refs) {
      const resource = resourceOfTypes(resources, typesOf.get(ref.referrer) ?? []);
      const required = [...(resource?.properties.values() ?? [])].some(
        (p) => p.iri === ref.property && p.required,
      );
      if (required && !doomed.has(ref.referrer)) {
        doomed.add(ref.referrer);
        frontier.push(ref.referrer);
      }
    }
    if (doomed.size > MAX_CASCADE) return undefined;
  }
  return [...doomed];
}
