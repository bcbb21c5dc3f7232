import type { Quad } from '@rdfjs/types';
import { Store } from 'oxigraph';
import { expect } from 'vitest';
import { findRdfFormat } from '../../src/rdf/formats.ts';
import { parseRdf } from '../../src/rdf/parse.ts';
import { quadKey } from '../../src/sparql/change-writer.ts';
import { ox, quadsIn } from '../../src/sparql/ox.ts';
import { type ApplyUpdateOptions, applyUpdate } from '../../src/sparql/plan-update.ts';
import { graphs } from '../../src/vocab.ts';

export const ONT = `<${graphs.ontology}>`;
export const SHAPES = `<${graphs.shapes}>`;
const prefixes = `PREFIX ex: <http://example.org/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX sh: <http://www.w3.org/ns/shacl#>
`;

/** The dataset the update tests start from: the default graph, one named graph, and the two protected graphs. */
export const seed = `
ex:a ex:p ex:b ; ex:name "A" .
GRAPH ex:g1 { ex:a ex:p ex:c }
GRAPH ${ONT} { ex:Image a owl:Class }
GRAPH ${SHAPES} { ex:ImageShape a sh:NodeShape }
`;

/** Inline TriG with the ex:, owl: and sh: prefixes. */
export const trig = (text: string): Quad[] =>
  parseRdf(prefixes.replace(/PREFIX (\S+) (\S+)/g, '@prefix $1 $2 .') + text, findRdfFormat('trig')!, {
    where: 'inline TriG',
  });

export const storeOf = (quads: readonly Quad[]): Store => {
  const store = new Store();
  for (const q of quads) store.add(ox(q));
  return store;
};

/** Quads as sorted exact keys (blank node labels included). */
export const keys = (quads: readonly Quad[]): string[] => quads.map(quadKey).sort();
export const contents = (store: Store): string[] => keys(quadsIn(store, null));

const options: ApplyUpdateOptions = { protectedGraphs: new Set([graphs.ontology, graphs.shapes]) };

/** Runs UPDATE (with the ex:, owl: and sh: prefixes) with the ontology and shapes graphs protected. */
export const run = (store: Store, update: string, extra: Partial<ApplyUpdateOptions> = {}) =>
  applyUpdate(store, prefixes + update, { ...options, ...extra });

/** Runs UPDATE on the seed and expects it to fail with ERROR, leaving the store exactly as it was. */
export function expectRefused(
  update: string,
  error: new (...args: never[]) => Error,
  extra: Partial<ApplyUpdateOptions> = {},
): void {
  const store = storeOf(trig(seed));
  const before = contents(store);
  expect(() => run(store, update, extra)).toThrow(error);
  expect(contents(store)).toEqual(before);
}
