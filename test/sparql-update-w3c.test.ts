import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Store } from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { quadsIn } from '../src/sparql/ox.ts';
import { parseSparqlUpdate } from '../src/sparql/parse.ts';
import { applyChange, applyUpdate, revert } from '../src/sparql/plan-update.ts';
import { canonicalLines } from './support/isomorphic.ts';
import { readSyntaxManifest, readUpdateManifest } from './support/sparql-manifest.ts';
import { contents, storeOf } from './support/update-fixture.ts';
import { w3cTests } from './support/w3c.ts';

// The W3C SPARQL 1.1 update evaluation tests (an offline copy of w3c/rdf-tests, next to the project by default).
const suite = join(w3cTests, 'sparql/sparql11');
const folders = [
  'basic-update',
  'delete',
  'delete-data',
  'delete-insert',
  'delete-where',
  'add',
  'copy',
  'move',
  'clear',
  'drop',
  'update-silent',
];
const manifests = folders.map((folder) => join(suite, folder, 'manifest.ttl'));

/** Tests imagegraph does not run, each with its reason. */
const skipped: Record<string, string> = {
  'update-silent/load-silent':
    'LOAD is refused by design (imagegraph never fetches remote data), SILENT or not',
  'update-silent/load-into-silent':
    'LOAD is refused by design (imagegraph never fetches remote data), SILENT or not',
};

const cases = manifests.flatMap(readUpdateManifest);
const syntaxCases = manifests.flatMap(readSyntaxManifest);

const lines = (store: Store): string[] => canonicalLines(quadsIn(store, null));

describe('W3C SPARQL 1.1 Update evaluation tests', () => {
  it('has the suite', () => expect(cases.length).toBe(94));

  it.each(cases.filter((c) => !skipped[c.name]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const baseIri = pathToFileURL(c.requestFile).href;
    const store = storeOf(c.before);
    const change = applyUpdate(store, c.request, { protectedGraphs: new Set(), baseIri });

    // The expected dataset of the suite, up to blank node names.
    expect(lines(store)).toEqual(canonicalLines(c.after));

    // Oxigraph's own SPARQL Update on the same input: the same dataset.
    const native = storeOf(c.before);
    native.update(c.request, { base_iri: baseIri });
    expect(lines(store)).toEqual(lines(native));

    // The Change is exactly the difference: replayed on the input it gives the same quads, reverted the input.
    const replica = storeOf(c.before);
    applyChange(replica, change);
    expect(contents(replica)).toEqual(contents(store));
    revert(store, change);
    expect(contents(store)).toEqual(contents(storeOf(c.before)));
  });

  it.skip.each(Object.entries(skipped))('%s (skipped: %s)', () => {});
});

describe('W3C syntax tests of the same manifests', () => {
  it('has them', () => expect(syntaxCases.length).toBeGreaterThan(0));
  it.each(syntaxCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const parse = () => parseSparqlUpdate(c.request, { baseIri: 'http://example.org/base/' });
    if (c.positive) expect(parse).not.toThrow();
    else expect(parse).toThrow(/invalid SPARQL update/);
  });
});
