import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../src/errors.ts';
import { loadOntology } from '../src/model/load.ts';
import { paths } from '../src/paths.ts';
import { documentLoader } from '../src/rdf/document-loader.ts';
import { readRdfFile } from '../src/rdf/parse.ts';
import { contextIri, GLANCE_BASE, owl, rdf, rdfs, vocabularies } from '../src/vocab.ts';

type TermDefinition = string | { '@id'?: string; '@context'?: { '@vocab'?: string } };

const contextsDir = join(paths.root, 'src/importers/contexts');
const names = (await readdir(contextsDir)).filter((n) => n.endsWith('.jsonld')).map((n) => n.slice(0, -7));

/** Each source key a context maps, with the property IRI and the value namespace (@vocab) it maps to. */
async function mappings(name: string): Promise<{ key: string; iri: string; vocab: string | undefined }[]> {
  const { '@context': context } = JSON.parse(await readFile(join(contextsDir, `${name}.jsonld`), 'utf8')) as {
    '@context': Record<string, TermDefinition | number>;
  };
  const entries = Object.entries(context).filter(
    (e): e is [string, TermDefinition] => !e[0].startsWith('@') && typeof e[1] !== 'number',
  );
  const isPrefix = (d: TermDefinition) => typeof d === 'string' && /[#/]$/.test(d);
  const prefixes = Object.fromEntries(entries.filter(([, d]) => isPrefix(d))) as Record<string, string>;
  const expand = (curie: string) => curie.replace(/^([a-z]+):/, (whole, p: string) => prefixes[p] ?? whole);
  return entries
    .filter(([, d]) => !isPrefix(d) && d !== '@nest')
    .map(([key, d]) => ({
      key,
      iri: expand(typeof d === 'string' ? d : (d['@id'] ?? '')),
      vocab: typeof d === 'string' ? undefined : d['@context']?.['@vocab'],
    }));
}

const ontology = await loadOntology();
const objectsOf = (quads: Quad[], s: string, p: string) =>
  quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
const declared = new Set(
  ontology
    .filter((q) => q.predicate.value === rdf('type') && q.object.value.endsWith('Property'))
    .map((q) => q.subject.value),
);
const annotations = [rdfs('label'), rdfs('comment')];

const cases = (
  await Promise.all(names.map(async (n) => (await mappings(n)).map((m) => [n, m] as const)))
).flat();
const glanceAlignment = await readRdfFile(join(paths.ontology, 'alignments/glance.ttl'));
const glanceContext = await mappings('glance');

describe('every JSON-LD context of src/importers/contexts maps onto the ontology', () => {
  it.each(cases)('%s: %j', (_, { iri, vocab }) => {
    expect(declared.has(iri) || annotations.includes(iri)).toBe(true);
    if (vocab === undefined) return;
    expect(Object.values(vocabularies)).toContain(vocab);
    const [range] = objectsOf(ontology, iri, rdfs('range'));
    const members = ontology.filter((q) => q.predicate.value === rdf('type') && q.object.value === range);
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((q) => q.subject.value.startsWith(vocab))).toBe(true);
  });
});

describe('the Glance context agrees with ontology/alignments/glance.ttl', () => {
  const alignment = glanceAlignment;
  const context = glanceContext;
  const aligned = (key: string) =>
    [owl('equivalentProperty'), rdfs('subPropertyOf')].flatMap((p) =>
      objectsOf(alignment, GLANCE_BASE + key, p),
    );

  it.each(context)('$key', ({ key, iri }) => {
    expect(aligned(key)).toEqual([iri]);
    expect(objectsOf(alignment, GLANCE_BASE + key, rdfs('label'))).toEqual([key]);
    expect(objectsOf(alignment, GLANCE_BASE + key, rdfs('comment'))).toHaveLength(1);
  });

  it('glance.ttl aligns no key the context leaves out', () => {
    const properties = alignment
      .filter((q) => q.subject.value.startsWith(GLANCE_BASE) && q.predicate.value === rdfs('label'))
      .map((q) => q.subject.value.slice(GLANCE_BASE.length));
    expect(properties.sort()).toEqual(context.map((m) => m.key).sort());
  });
});

describe('the JSON-LD document loader', () => {
  it.each(names)('serves imagegraph’s own context %s', async (name) => {
    const loaded = await documentLoader(contextIri(name));
    expect(loaded.document).toHaveProperty('@context');
  });

  it.each([
    'https://example.org/context.jsonld',
    'http://127.0.0.1:1/context.jsonld',
    `${contextIri('glance')}?x`,
    contextIri('../../package'),
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    const error = await documentLoader(url).catch((e: unknown) => e);
    expect(isInputError(error) && error.message).toMatch(/^refused to load the JSON-LD context/);
  });
});
