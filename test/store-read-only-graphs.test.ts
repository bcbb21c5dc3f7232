import type { Quad } from '@rdfjs/types';
import * as oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { namedNode, quad } from '../src/rdf/terms.ts';
import { ox } from '../src/sparql/ox.ts';
import { addReadOnlyGraphs, readOnlyContent } from '../src/store/read-only-graphs.ts';
import { graphs } from '../src/vocab.ts';
import { storeLines } from './support/store.ts';

describe('addReadOnlyGraphs', () => {
  it('puts in the ontology and shapes as their quads, one by one, would: blank node labels included', async () => {
    const content = await readOnlyContent();
    const loaded = new oxigraph.Store();
    const added = addReadOnlyGraphs(loaded, content);
    const oneByOne = new oxigraph.Store();
    for (const [quads, graph] of [
      [content.ontology, graphs.ontology],
      [content.shapes, graphs.shapes],
    ] as const) {
      for (const q of quads)
        oneByOne.add(ox(quad(q.subject, q.predicate, q.object, namedNode(graph)) as Quad));
    }
    expect(added).toBe(oneByOne.size);
    expect(storeLines(loaded).filter((line) => line.includes('_:')).length).toBeGreaterThan(100);
    expect(storeLines(loaded)).toEqual(storeLines(oneByOne));
  });
});
