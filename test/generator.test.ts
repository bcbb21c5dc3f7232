import type { Term } from '@rdfjs/types';
import { Store } from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { generateFederation } from '../src/generator/federation.ts';
import { findPreset, presets } from '../src/generator/presets.ts';
import { loadOntology, loadShapes } from '../src/model/load.ts';
import { parseRdf, requireRdfFormat } from '../src/rdf/parse.ts';
import { validateWithReference } from '../src/validation/reference.ts';
import { prefixes } from '../src/vocab.ts';
import { imagegraphEngine } from './support/engines.ts';
import { generate, lines } from './support/federation.ts';

const sparqlPrefixes = Object.entries(prefixes)
  .map(([name, iri]) => `PREFIX ${name}: <${iri}>`)
  .join('\n');

function storeOf(ntriples: string): Store {
  const store = new Store();
  store.load(ntriples, { format: 'application/n-triples' });
  return store;
}

describe('the generator is deterministic', () => {
  it.each([
    ['tiny', 1, 1, true],
    ['tiny', 1, 2, false],
    ['small', 7, 7, true],
    ['small', 7, 8, false],
    ['entice', 3, 3, true],
    ['entice', 3, 4, false],
  ])('%s, seed %i and seed %i give identical output: %s', async (preset, a, b, same) => {
    expect((await generate(preset, a)) === (await generate(preset, b))).toBe(same);
  });
});

describe('every preset stays within its stated triple range', () => {
  const cases = presets.flatMap((p) =>
    (p.name === 'large' ? [1] : [1, 2, 3]).map((seed) => [p.name, seed] as const),
  );
  it.each(cases)('%s, seed %i', async (name, seed) => {
    const preset = findPreset(name);
    let newlines = 0;
    const summary = await generateFederation({ preset, seed }, (chunk) => {
      for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) newlines++;
    });
    expect(summary.triples).toBe(newlines);
    expect(summary.triples).toBeGreaterThanOrEqual(preset.triples[0]);
    expect(summary.triples).toBeLessThanOrEqual(preset.triples[1]);
  });
});

describe('--images sets the number of images', () => {
  it.each([
    ['tiny', 40],
    ['entice', 250],
  ])('%s with %i images', async (preset, images) => {
    const store = storeOf(await generate(preset, 1, images));
    const rows = store.query(`${sparqlPrefixes} SELECT (COUNT(?i) AS ?n) { ?i ig:imageId ?id }`);
    expect((rows as Map<string, Term>[])[0]?.get('n')?.value).toBe(String(images));
  });
});

describe('the entice preset is the ENTICE benchmark federation', () => {
  const store = generate('entice').then(storeOf);
  it.each([
    ['repositories', 'ig:Repository', 100],
    ['clouds', 'ig:CloudNode', 100],
    ['virtual-machine images', 'ig:VMImage', 100],
    ['container images', 'ig:ContainerImage', 0],
  ])('%s: %i', async (_name, type, count) => {
    const rows = (await store).query(`${sparqlPrefixes} SELECT (COUNT(?s) AS ?n) { ?s a ${type} }`);
    expect((rows as Map<string, Term>[])[0]?.get('n')?.value).toBe(String(count));
  });
});

describe('generated data conforms to the shapes', async () => {
  const shapes = await loadShapes();
  const ontology = await loadOntology();
  it.each([
    ['tiny', validateWithReference],
    ['small', validateWithReference],
    ['entice', validateWithReference],
    ['catalogue', validateWithReference],
    ['medium', imagegraphEngine],
    ['large', imagegraphEngine],
  ] as const)('%s has no violations', async (preset, validate) => {
    const data = parseRdf(await generate(preset), requireRdfFormat('ntriples'), { where: preset });
    const report = await validate(shapes, [...ontology, ...data]);
    const violations = report.results.filter((r) => r.severity === 'Violation');
    expect(violations.map((r) => `${r.focusNode.value} ${r.resultPath}: ${r.messages[0]}`)).toEqual([]);
  });
});

describe('generated data loads into Oxigraph and keeps its invariants', async () => {
  const text = await generate('small');
  const store = storeOf(text);
  it('holds every triple written', () => {
    expect(store.size).toBe(lines(text));
  });
  it.each([
    [
      'a node image runs under a hypervisor its node lacks',
      '?x ig:onNode ?n ; ig:hypervisor ?h . FILTER NOT EXISTS { ?n ig:hypervisor ?h }',
      false,
    ],
    [
      'a node image is on a node that rejects its format',
      '?x ig:onNode ?n ; ig:ofImage/ig:diskFormat ?f . FILTER NOT EXISTS { ?n ig:acceptsFormat ?f }',
      false,
    ],
    ['a usage record ends before it starts', '?u ig:startTime ?s ; ig:endTime ?e . FILTER(?e <= ?s)', false],
    [
      'a download crosses a firewall without a rule',
      '?d a ig:Download ; ig:source/ig:inZone ?zs ; ig:target/ig:inZone ?zn . FILTER(?zs != ?zn) FILTER NOT EXISTS { ?zn ig:connectsTo ?zs }',
      false,
    ],
    ['an image descends from itself', '?i ig:derivedFrom+ ?i', false],
    ['an image is derived from a derived image', '?a ig:derivedFrom/ig:derivedFrom ?c', true],
    ['a fragment is shared by two images', '?f ig:fragmentOf ?a , ?b . FILTER(?a != ?b)', true],
    ['a container image exists', '?i a ig:ContainerImage', true],
    [
      'a DMZ reaches the manager only',
      '?m a ig:NetworkManager ; ig:inZone ?mz . ?z ig:isDMZ true ; ig:connectsTo ?mz . FILTER NOT EXISTS { ?z ig:connectsTo ?o FILTER(?o != ?mz) }',
      true,
    ],
  ])('%s: %s', (_name, pattern, expected) => {
    expect(store.query(`${sparqlPrefixes} ASK { ${pattern} }`)).toBe(expected);
  });
});
