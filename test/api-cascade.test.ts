import { describe, expect, it } from 'vitest';
import type { ApiResource } from '../src/api/schema.ts';
import { ID_BASE, rdf } from '../src/vocab.ts';
import {
  call,
  construct,
  dumpOf,
  getJson,
  idOf,
  type Json,
  resourceOf,
  resources,
  select,
  statementsOf,
  useApi,
} from './support/api.ts';
import { problemOf } from './support/http.ts';

// DELETE of catalogue members that others refer to: a 409 naming the referrers (and changing nothing), then
// ?cascade=true, which deletes the members that REQUIRE the deleted one (by the API's model: a required
// property of their collection), transitively, and removes every other reference, and nothing else.

const fx = useApi();

const referrersOf = async (iri: string) =>
  (await select(fx, `SELECT ?r ?p WHERE { ?r ?p <${iri}> FILTER (?r != <${iri}>) }`)).map((b) => ({
    referrer: b.r!.value,
    property: b.p!.value,
  }));

async function collectionOf(subject: string): Promise<ApiResource | undefined> {
  const types = (await select(fx, `SELECT ?t WHERE { <${subject}> <${rdf('type')}> ?t }`)).map(
    (b) => b.t!.value,
  );
  return resources.find((r) => types.some((t) => t === r.class || r.types.includes(t)));
}

/** ROOT and every member that requires something in the set, transitively: what ?cascade=true deletes. */
async function doomedWith(root: string): Promise<Set<string>> {
  const doomed = new Set([root]);
  for (let frontier = [root]; frontier.length > 0; ) {
    const next: string[] = [];
    for (const item of frontier) {
      for (const { referrer, property } of await referrersOf(item)) {
        if (doomed.has(referrer)) continue;
        const collection = await collectionOf(referrer);
        const required = [...(collection?.properties.values() ?? [])].some(
          (p) => p.iri === property && p.required,
        );
        if (required) {
          doomed.add(referrer);
          next.push(referrer);
        }
      }
    }
    frontier = next;
  }
  return doomed;
}

/** Every statement about or pointing at a catalogue member (the rest of the store is the service's own). */
const catalogue = () =>
  construct(
    fx,
    `CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o
       FILTER (STRSTARTS(STR(?s), "${ID_BASE}") || (isIRI(?o) && STRSTARTS(STR(?o), "${ID_BASE}"))) }`,
  );

/** The member of RESOURCE that most statements refer to. */
async function mostReferred(resource: ApiResource): Promise<string> {
  const types = [resource.class, ...resource.types].map((t) => `<${t}>`).join(' ');
  const [top] = await select(
    fx,
    `SELECT ?m (COUNT(*) AS ?n) WHERE { VALUES ?t { ${types} } ?m a ?t . ?r ?p ?m FILTER (?r != ?m) }
     GROUP BY ?m ORDER BY DESC(?n) ?m LIMIT 1`,
  );
  expect(top, `nothing refers to any of ${resource.path}`).toBeDefined();
  return top!.m!.value;
}

describe('the patent’s image 1001', () => {
  it('goes with the node images of it (they require it), while the nodes they were on stay', async () => {
    const { body: before } = await getJson(fx, '/api/node-images?ofImage=image/1001');
    const nodes = before.items.map((i: Json) => i.onNode as string);
    expect(before.items.length).toBeGreaterThan(0);
    expect((await call(fx, '/api/images/1001', { method: 'DELETE' })).status).toBe(409);
    expect((await call(fx, '/api/images/1001?cascade=true', { method: 'DELETE' })).status).toBe(204);
    expect((await getJson(fx, '/api/node-images?ofImage=image/1001')).body.items).toEqual([]);
    for (const item of before.items)
      expect((await call(fx, `/api/node-images/${item.nodeImageId}`)).status).toBe(404);
    for (const node of nodes) expect((await call(fx, `/api/nodes/${node.split('/')[1]}`)).status).toBe(200);
  });
});

describe.each(['images', 'nodes', 'zones', 'repositories', 'image-servers'])('/api/%s', (path) => {
  const resource = resourceOf(path);

  it('DELETE of the most referred member is a 409 naming its referrers; ?cascade=true deletes what requires it', async () => {
    const member = await mostReferred(resource);
    const id = idOf(resource, member);
    const refs = await referrersOf(member);
    const before = await dumpOf(fx);
    const refused = await call(fx, `/api/${path}/${id}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    const problem = (await problemOf(refused)) as Json;
    expect(problem.referrers).toHaveLength(Math.min(refs.length, 20));
    for (const r of problem.referrers) expect(refs).toContainEqual(r);
    expect(problem.detail).toContain(member);
    expect(await dumpOf(fx)).toBe(before);

    const doomed = await doomedWith(member);
    const survivors = [...new Set(refs.map((r) => r.referrer))].filter((r) => !doomed.has(r));
    const all = await catalogue();
    const gone = (line: string) =>
      [...doomed].some((d) => line.startsWith(`<${d}> `) || line.endsWith(` <${d}>`));
    expect((await call(fx, `/api/${path}/${id}?cascade=true`, { method: 'DELETE' })).status).toBe(204);

    expect(await catalogue()).toEqual(all.filter((line) => !gone(line)));
    expect(await statementsOf(fx, [...doomed])).toEqual([]);
    for (const survivor of survivors) {
      const left = await statementsOf(fx, [survivor]);
      expect(left.length, `${survivor} only lost its reference`).toBeGreaterThan(0);
      expect(left.filter((l) => l.endsWith(` <${member}>`))).toEqual([]);
    }
    expect((await call(fx, `/api/${path}/${id}`)).status).toBe(404);
  });
});
