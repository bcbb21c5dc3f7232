import { readdir, readFile } from 'node:fs/promises';
import type { Term } from '@rdfjs/types';
import * as oxigraph from 'oxigraph';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignedStore } from '../src/model/align.ts';
import { termKey } from '../src/rdf/terms.ts';
import { ENTICE_BASE } from '../src/vocab.ts';

const fixtures = new URL('./fixtures/entice/', import.meta.url);
const questionsDir = new URL('questions/', fixtures);
const questions = (await readdir(questionsDir)).filter((n) => n.endsWith('.rq')).sort();

/** The answer rows of a SELECT query, each as its sorted bindings, in the query's order. */
function answers(store: oxigraph.Store, query: string): string[] {
  const rows = store.query(query) as Map<string, Term>[];
  return rows.map((row) => [...row.entries()].map(([k, t]) => `${k}=${termKey(t)}`).join(' '));
}

const entice = await readFile(new URL('catalogue.ttl', fixtures));
const native = await readFile(new URL('native.ttl', fixtures));
let aligned: oxigraph.Store;
let nativeStore: oxigraph.Store;

beforeAll(async () => {
  aligned = await alignedStore(entice);
  nativeStore = await alignedStore(native);
});

describe('an ENTICE catalogue, aligned, answers as the same catalogue written natively', () => {
  it.each(questions)('%s', async (name) => {
    const query = await readFile(new URL(name, questionsDir), 'utf8');
    const expected = answers(nativeStore, query);
    expect(expected.length).toBeGreaterThan(0);
    expect(answers(aligned, query)).toEqual(expected);
  });
});

describe('alignment', () => {
  it.each([
    ['ENTICE classes are rewritten', `ASK { ?s a ?c FILTER(STRSTARTS(STR(?c), "${ENTICE_BASE}")) }`, false],
    [
      'ENTICE properties are rewritten',
      `ASK { ?s ?p ?o FILTER(STRSTARTS(STR(?p), "${ENTICE_BASE}")) }`,
      false,
    ],
    ['the alignment graph is dropped', 'ASK { GRAPH ?g { ?s ?p ?o } }', false],
  ])('%s', (_, query, expected) => {
    expect(aligned.query(query)).toBe(expected);
  });

  it('leaves data already in imagegraph vocabulary as it is', () => {
    const plain = new oxigraph.Store();
    plain.load(native, { format: 'text/turtle' });
    expect(nativeStore.size).toBe(plain.size);
  });
});
