import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { IndexedGraph } from '../src/rdf/graph.ts';
import { LineReader } from '../src/rdf/line-reader.ts';
import { introducedInMemory } from '../src/store/bulk-gate.ts';
import { resultKey, violations } from '../src/store/violations.ts';
import { compileShapes, validateQuads } from '../src/validation/engine.ts';

const prefixes = '@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://e/> .';
const parse = (ttl: string): Quad[] => new Parser().parse(prefixes + ttl);

const program = compileShapes(
  parse(`ex:Item a sh:NodeShape ; sh:targetClass ex:Item ;
  sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ] ;
  sh:property [ sh:path ex:part ; sh:class ex:Part ] .`),
);
const background = parse('ex:Widget <http://www.w3.org/2000/01/rdf-schema#subClassOf> ex:Item .');
/** The store before the load: one item already lacks its name (a violation the load does not introduce). */
const existing = Array.from(
  { length: 30 },
  (_, i) => `<http://e/i${i}> a <http://e/Item> ; <http://e/name> "i${i}" .`,
)
  .concat('<http://e/old> a <http://e/Item> .')
  .join('\n');

/** What the write gate would say: the violations after the load that were not there before. */
function expected(added: Quad[]): string[] {
  const before = [...background, ...parse(existing)];
  const old = new Set(violations(validateQuads(program, before).results).map(resultKey));
  const after = violations(validateQuads(program, [...before, ...added]).results);
  return after
    .map(resultKey)
    .filter((k) => !old.has(k))
    .sort();
}

function introduced(added: string): string[] {
  const graph = new IndexedGraph(background);
  const marks = { existing: graph.mark(), added: 0 };
  graph.addAll(parse(existing));
  marks.added = graph.mark();
  new LineReader('ntriples', 'new_').read(added, graph);
  return introducedInMemory(program, graph, marks).map(resultKey).sort();
}

describe('introducedInMemory', () => {
  it.each([
    ['a small load (the affected nodes are validated)', 1],
    ['a large load (every target is validated)', 20],
  ])('reports only the violations %s introduces', (_name, copies) => {
    const lines = [
      '<http://e/i1> <http://e/name> "again" .',
      '<http://e/w> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/Widget> .',
      '<http://e/w> <http://e/part> <http://e/i2> .',
      '<http://e/old> <http://e/part> <http://e/i3> .',
      ...Array.from({ length: copies * 5 }, (_, i) => `<http://e/n${i}> <http://e/name> "n" .`),
    ].join('\n');
    const found = introduced(lines);
    expect(found).toEqual(expected(new Parser({ format: 'N-Triples' }).parse(lines)));
    expect(found.length).toBeGreaterThanOrEqual(4);
  });

  it('reports nothing when the load adds no violation', () => {
    expect(introduced('<http://e/i1> <http://e/label> "x" .')).toEqual([]);
  });
});
