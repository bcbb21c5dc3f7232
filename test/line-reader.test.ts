import type { Quad, Term } from '@rdfjs/types';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { IndexedGraph } from '../src/rdf/graph.ts';
import { LineReader } from '../src/rdf/line-reader.ts';
import { termString } from '../src/rdf/terms.ts';

const XSD = 'http://www.w3.org/2001/XMLSchema#';

const nTriples = [
  '<http://e/s> <http://e/p> <http://e/o> .',
  '<http://e/s> <http://e/p> "plain" .',
  '<http://e/s> <http://e/p> "tagged"@EN-gb .',
  `<http://e/s> <http://e/p> "1"^^<${XSD}integer> .`,
  `<http://e/s> <http://e/p> "a string"^^<${XSD}string> .`,
  '',
  '# a comment',
  '_:b1 <http://e/p> _:b2 . # and another',
  '<http://e/t>\t<http://e/p>   "tab"  .\r',
  '<http://e/t> <http://e/q> "esc\\"aped" .',
  '<http://e/t> <http://e/q> "directed"@en--ltr .',
  '<http://e/t> <http://e/q> "\u00e9t\u00e9"@fr .',
  '<http://e/s> <http://e/p> <http://e/o> .',
].join('\n');

/** The statements of GRAPH, as N-Triples lines with the literals' parts, sorted. */
function statements(quads: Iterable<Quad>): string[] {
  const show = (t: Term) =>
    t.termType === 'Literal'
      ? `${termString(t)}|${t.value}|${t.language}|${t.datatype.value}`
      : termString(t);
  return [...quads].map((q) => [q.subject, q.predicate, q.object].map(show).join(' ')).sort();
}

function read(text: string, format: 'ntriples' | 'nquads'): IndexedGraph {
  const graph = new IndexedGraph();
  new LineReader(format, 'x_').read(text, graph);
  return graph;
}

const n3 = (text: string, format: string): Quad[] =>
  new Parser({ format, blankNodePrefix: 'x_' }).parse(text) as Quad[];

describe('LineReader', () => {
  it('reads N-Triples into a graph as N3.js reads them', () => {
    const graph = read(nTriples, 'ntriples');
    expect(statements(graph.quadsFrom(0))).toEqual(statements(n3(nTriples, 'N-Triples')));
    expect(graph.size).toBe(10);
  });

  it('reads N-Quads into the union of their graphs', () => {
    const text = '<http://e/s> <http://e/p> "1" <http://e/g> .\n<http://e/s> <http://e/p> "1" _:g .\n';
    const graph = read(text, 'nquads');
    expect(statements(graph.quadsFrom(0))).toEqual(statements(n3(text, 'N-Quads')));
    expect(graph.size).toBe(1);
  });

  it('keeps the order of the plain lines', () => {
    const graph = read(nTriples, 'ntriples');
    const objects = graph.objects(graph.subjectsWith('http://e/p')[0]!, 'http://e/p');
    expect(objects.map((o) => o.value)).toEqual(['http://e/o', 'plain', 'tagged', '1', 'a string']);
  });

  it('throws on a line that is not a statement, as N3.js does', () => {
    expect(() => read('<http://e/s> <http://e/p> .\n', 'ntriples')).toThrow(/line 1/);
    expect(() => read('<http://e/s> <relative> <http://e/o> .\n', 'ntriples')).toThrow();
  });
});
