import { randomBytes } from 'node:crypto';
import type { BlankNode, Quad, Term } from '@rdfjs/types';
import type * as oxigraph from 'oxigraph';
import { blankNode, fromForeignQuad } from '../rdf/terms.ts';

/** Oxigraph converts RDF/JS quads from any library; its typings ask for its own classes. */
export type OxQuad = Parameters<oxigraph.Store['add']>[0];
export const ox = (quad: Quad): OxQuad => quad as unknown as OxQuad;
type OxTerm = Parameters<oxigraph.Store['match']>[0];

/** The quads of GRAPH (a named graph or the default graph), or of every graph when GRAPH is null, as plain terms. */
export const quadsIn = (store: oxigraph.Store, graph: Term | null): Quad[] =>
  store.match(null, null, null, graph as OxTerm).map((q) => fromForeignQuad(q as unknown as Quad));

/** Whether GRAPH holds a quad: Oxigraph's named graphs exist only while they do. */
export const graphExists = (store: oxigraph.Store, graph: Term): boolean =>
  graph.termType === 'DefaultGraph' || store.match(null, null, null, graph as OxTerm).length > 0;

/**
 * A blank node no store has seen: a random 128-bit label, as Oxigraph makes them, which stays distinct across
 * requests and restarts (N3.js's counter restarts at every process start).
 */
export const freshBlankNode = (): BlankNode => blankNode(randomBytes(16).toString('hex'));
