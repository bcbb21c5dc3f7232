import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { paths } from '../paths.ts';
import { readRdfFile } from '../rdf/parse.ts';

/** The paths of the Turtle files of DIR (not recursive), in name order. */
export async function turtleFiles(dir: string): Promise<string[]> {
  return (await readdir(dir))
    .filter((n) => n.endsWith('.ttl'))
    .sort()
    .map((n) => join(dir, n));
}

/** Every Turtle file of DIR (not recursive), in name order, parsed. */
export async function readTurtleDir(dir: string): Promise<Quad[]> {
  const parts = await Promise.all((await turtleFiles(dir)).map((f) => readRdfFile(f)));
  return parts.flat();
}

/** The ontology: imagegraph.ttl and its controlled vocabularies (the alignments are loadAlignments()). */
export const loadOntology = (): Promise<Quad[]> => readTurtleDir(paths.ontology);

/** The SHACL shapes of shapes/. */
export const loadShapes = (): Promise<Quad[]> => readTurtleDir(paths.shapes);

/** The alignments of ontology/alignments/ (ENTICE knowledge base, OpenStack Glance). */
export const loadAlignments = (): Promise<Quad[]> => readTurtleDir(join(paths.ontology, 'alignments'));
