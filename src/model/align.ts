import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as oxigraph from 'oxigraph';
import { paths } from '../paths.ts';
import { graphs } from '../vocab.ts';
import { turtleFiles } from './load.ts';
import { namedQuery } from './queries.ts';

/** The rewrites, in order: structure first (it reads ENTICE terms), then the term-by-term mapping. */
const steps = ['align/flatten-operating-system', 'align/apply-alignment'] as const;

/** The Turtle files the rewrites consult: the alignments and the controlled vocabularies they map onto. */
const alignmentFiles = async (): Promise<string[]> => [
  ...(await turtleFiles(join(paths.ontology, 'alignments'))),
  join(paths.ontology, 'values.ttl'),
];

/**
 * Rewrites the data of STORE's default graph that is written in an aligned vocabulary (ENTICE, Glance)
 * into imagegraph's own, in place, by the named queries of queries/align/. The alignments are loaded into
 * the named graph graphs.alignment for the run and dropped afterwards.
 */
export async function alignStore(store: oxigraph.Store): Promise<void> {
  const graph = oxigraph.namedNode(graphs.alignment);
  for (const file of await alignmentFiles()) {
    store.load(await readFile(file), {
      format: 'text/turtle',
      base_iri: pathToFileURL(file).href,
      to_graph_name: graph,
    });
  }
  try {
    for (const step of steps) store.update(await namedQuery(step));
  } finally {
    for (const q of store.match(null, null, null, graph)) store.delete(q);
  }
}

/** A new Oxigraph store holding the Turtle catalogue TURTLE, aligned with imagegraph's vocabulary. */
export async function alignedStore(turtle: Uint8Array): Promise<oxigraph.Store> {
  const store = new oxigraph.Store();
  store.load(turtle, { format: 'text/turtle' });
  await alignStore(store);
  return store;
}
