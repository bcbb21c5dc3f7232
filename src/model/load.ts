import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { paths } from '../paths.ts';
import { readRdfFile } from '../rdf/parse.ts';

/** Every Turtle file of DIR (not recursive), in name order, parsed. */
export async function readTurtleDir(dir: string): Promise<Quad[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ttl')).sort();
  const parts = await Promise.all(names.map((n) => readRdfFile(join(dir, n))));
  return parts.flat();
}

/** The ontology: imagegraph.ttl, its controlled vocabularies and the alignments. */
export const loadOntology = (): Promise<Quad[]> => readTurtleDir(paths.ontology);

/** The SHACL shapes of shapes/. */
export const loadShapes = (): Promise<Quad[]> => readTurtleDir(paths.shapes);

/** The alignments of ontology/alignments/ (ENTICE knowledge base, OpenStack Glance). */
export const loadAlignments = (): Promise<Quad[]> => readTurtleDir(join(paths.ontology, 'alignments'));
