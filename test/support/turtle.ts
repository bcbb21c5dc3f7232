import type { Quad } from '@rdfjs/types';
import { findRdfFormat } from '../../src/rdf/formats.ts';
import { parseRdf } from '../../src/rdf/parse.ts';
import { prefixes } from '../../src/vocab.ts';

const head = Object.entries(prefixes)
  .map(([p, iri]) => `@prefix ${p}: <${iri}> .`)
  .join('\n');

/** Inline Turtle with every imagegraph prefix declared. */
export const turtle = (text: string): Quad[] =>
  parseRdf(`${head}\n${text}`, findRdfFormat('turtle')!, { where: 'inline Turtle' });
