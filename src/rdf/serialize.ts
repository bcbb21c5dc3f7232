import type { Quad } from '@rdfjs/types';
import { Writer } from 'n3';
import { prefixes as defaultPrefixes } from '../vocab.ts';

const writerFormats: Record<string, string> = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
};

/** Serializes QUADS as Turtle (or TriG, N-Triples, N-Quads) with imagegraph's prefixes. */
export function writeRdf(
  quads: readonly Quad[],
  format = 'turtle',
  prefixes: Record<string, string> = defaultPrefixes,
): string {
  const n3Format = writerFormats[format];
  if (!n3Format) throw new Error(`imagegraph cannot write ${format}`);
  const usePrefixes = n3Format === 'Turtle' || n3Format === 'TriG';
  const writer = new Writer({ format: n3Format, prefixes: usePrefixes ? prefixes : {} });
  writer.addQuads(quads as Quad[]);
  let out = '';
  writer.end((error, result) => {
    if (error) throw error;
    out = result;
  });
  return out;
}
