import type { Quad } from '@rdfjs/types';
import { Writer } from 'n3';
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

/** Whether Q holds IRIs and literals only (no blank node, no quoted triple): N-Quads keep it as it is. */
const plain = (q: Quad): boolean =>
  q.subject.termType === 'NamedNode' &&
  (q.object.termType === 'NamedNode' || q.object.termType === 'Literal');

/**
 * Adds CONTENT to STORE, each part in its named graph (graphs.ontology, graphs.shapes); how many quads.
 * Statements of IRIs and literals, most of them, go in as N-Quads through one store.load: Oxigraph's loader is
 * then compiled and warm for the snapshot or bulk load that follows, which makes opening ≈60 ms quicker than
 * adding each quad. The others are added one by one, keeping the blank node labels N3.js gave them.
 */
export function addReadOnlyGraphs(store: oxigraph.Store, content: ReadOnlyContent): number {
  const before = store.size;
  const writer = new Writer({ format: 'N-Quads' });
  const lines: string[] = [];
  const put = (quads: readonly Quad[], graph: string) => {
    const g = namedNode(graph);
    for (const q of quads) {
      if (plain(q)) lines.push(writer.quadToString(q.subject, q.predicate, q.object, g));
      else store.add(ox(quad(q.subject, q.predicate, q.object, g) as Quad));
    }
  };
  put(content.ontology, graphs.ontology);
  put(content.shapes, graphs.shapes);
  store.load(lines.join(''), { format: 'application/n-quads', no_transaction: true });
  return store.size - before;
}
