import type { Quad } from '@rdfjs/types';
import type * as oxigraph from 'oxigraph';
import { loadAlignments, loadOntology, loadShapes } from '../model/load.ts';
import { namedNode, quad } from '../rdf/terms.ts';
import { ox } from '../sparql/ox.ts';
import { graphs } from '../vocab.ts';

/** The graphs imagegraph loads from its files at open: read-only, never journaled nor snapshotted. */
export const readOnlyGraphs: ReadonlySet<string> = new Set([graphs.ontology, graphs.shapes]);

/** The graphs validation does not read as data: the shapes (the ontology is read, as the CLI does). */
export const notData: ReadonlySet<string> = new Set([graphs.shapes]);

/** The content of the read-only graphs: ontology/ with its alignments, and shapes/. */
export interface ReadOnlyContent {
  readonly ontology: readonly Quad[];
  readonly shapes: readonly Quad[];
}

export async function readOnlyContent(): Promise<ReadOnlyContent> {
  const [ontology, alignments, shapes] = await Promise.all([loadOntology(), loadAlignments(), loadShapes()]);
  return { ontology: [...ontology, ...alignments], shapes };
}

/** Adds CONTENT to STORE, each part in its named graph (graphs.ontology, graphs.shapes); how many quads. */
export function addReadOnlyGraphs(store: oxigraph.Store, content: ReadOnlyContent): number {
  const before = store.size;
  const put = (quads: readonly Quad[], graph: string) => {
    const g = namedNode(graph);
    for (const q of quads) store.add(ox(quad(q.subject, q.predicate, q.object, g) as Quad));
  };
  put(content.ontology, graphs.ontology);
  put(content.shapes, graphs.shapes);
  return store.size - before;
}
