import type { Term } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { IndexedGraph } from '../src/rdf/graph.ts';
import { blankNode, literal, namedNode, termKey, triple } from '../src/rdf/terms.ts';

const ex = (local: string) => `http://e/${local}`;
const keys = (terms: Iterable<Term>) => [...terms].map(termKey);

/** The graph as a plain list of distinct statements, in the order first added: what every lookup must match. */
class ListGraph {
  private readonly statements: [Term, string, Term][] = [];
  private readonly seen = new Set<string>();

  add(s: Term, p: string, o: Term): void {
    const key = JSON.stringify([termKey(s), p, termKey(o)]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.statements.push([s, p, o]);
  }

  get size(): number {
    return this.statements.length;
  }

  objects = (s: Term, p: string) =>
    this.pick(
      (t) => same(t[0], s) && t[1] === p,
      (t) => t[2],
    );
  subjects = (p: string, o: Term) =>
    this.pick(
      (t) => t[1] === p && same(t[2], o),
      (t) => t[0],
    );
  predicatesOf = (s: Term) => distinct(this.statements.filter((t) => same(t[0], s)).map((t) => t[1]));
  subjectsWith = (p: string) =>
    distinct(
      this.pick(
        (t) => t[1] === p,
        (t) => t[0],
      ),
    );
  objectsWith = (p: string) =>
    distinct(
      this.pick(
        (t) => t[1] === p,
        (t) => t[2],
      ),
    );
  has = (term: Term) => this.statements.some((t) => same(t[0], term) || same(t[2], term));

  private pick(test: (t: [Term, string, Term]) => boolean, end: (t: [Term, string, Term]) => Term): string[] {
    return keys(this.statements.filter(test).map(end));
  }
}

const same = (a: Term, b: Term) => termKey(a) === termKey(b);
const distinct = (items: string[]) => [...new Set(items)];

/** A small deterministic pseudo-random generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Terms that come back as new, equal objects each time: the graph must match them by key. */
const pool: (() => Term)[] = [
  ...['a', 'b', 'c', 'd', 'e'].map((l) => () => namedNode(ex(l))),
  () => blankNode('b1'),
  () => blankNode('b2'),
  () => literal('x'),
  () => literal('x', 'en'),
  () => literal('x', namedNode('http://www.w3.org/2001/XMLSchema#token')),
  () => literal('1', namedNode('http://www.w3.org/2001/XMLSchema#integer')),
  () => literal('y'),
];
/** More predicates than get a backward index each, so that lookups go through both kinds. */
const predicates = ['p', 'q', 'r', 's', 't', 'u'].map(ex);

describe('IndexedGraph', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'answers every lookup as the list of its statements does (seed %i)',
    (seed) => {
      const next = random(seed);
      const choose = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
      const graph = new IndexedGraph();
      const list = new ListGraph();
      for (let i = 0; i < 200; i++) {
        // Subjects are IRIs and blank nodes, now and then a literal (generalised RDF).
        const s = choose(pool.slice(0, next() < 0.05 ? pool.length : 7))();
        const [p, o] = [choose(predicates), choose(pool)()];
        graph.add(s, p, o);
        list.add(s, p, o);
        if (i % 50 === 49) expect(graph.size).toBe(list.size);
      }
      for (const p of [...predicates, ex('unused')]) {
        expect(keys(graph.subjectsWith(p))).toEqual(list.subjectsWith(p));
        expect(keys(graph.objectsWith(p))).toEqual(list.objectsWith(p));
        for (const make of pool) {
          expect(keys(graph.objects(make(), p))).toEqual(list.objects(make(), p));
          expect(keys(graph.subjects(p, make()))).toEqual(list.subjects(p, make()));
        }
      }
      for (const make of pool) {
        expect(graph.has(make())).toBe(list.has(make()));
        expect([...graph.predicatesOf(make())]).toEqual(list.predicatesOf(make()));
      }
    },
  );

  it('keeps each literal of a subject once, however many it has', () => {
    const graph = new IndexedGraph();
    for (const round of [1, 2]) {
      for (let i = 0; i < 40; i++) graph.add(namedNode(ex('s')), ex('p'), literal(String(i % (20 * round))));
    }
    expect(graph.size).toBe(40);
    expect(keys(graph.objects(namedNode(ex('s')), ex('p')))).toEqual(
      Array.from({ length: 40 }, (_, i) => `"${i}"`),
    );
    expect(keys(graph.subjects(ex('p'), literal('7')))).toEqual([ex('s')]);
  });

  it('hands out terms equal to those added, whose lookups need no key', () => {
    const graph = new IndexedGraph([triple(namedNode(ex('s')), ex('p'), literal('v', 'EN'))]);
    const [value] = graph.objects(namedNode(ex('s')), ex('p'));
    expect(value!.equals(literal('v', 'en'))).toBe(true);
    expect(value).toMatchObject({ termType: 'Literal', value: 'v', language: 'en' });
    expect((value as Term & { datatype: Term }).datatype.value).toBe(
      'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString',
    );
    const [subject] = graph.subjectsWith(ex('p'));
    expect(graph.objects(subject!, ex('p'))).toHaveLength(1);
  });

  it('indexes again when statements are added after a lookup', () => {
    const graph = new IndexedGraph([triple(namedNode(ex('s')), ex('p'), literal('1'))]);
    expect(graph.objects(namedNode(ex('s')), ex('q'))).toEqual([]);
    graph.add(namedNode(ex('s')), ex('q'), literal('2'));
    graph.add(namedNode(ex('s')), ex('p'), literal('1'));
    expect(keys(graph.objects(namedNode(ex('s')), ex('q')))).toEqual(['"2"']);
    expect(keys(graph.subjects(ex('q'), literal('2')))).toEqual([ex('s')]);
    expect(graph.size).toBe(2);
  });

  it('shows the graph as it was at a mark, sharing its terms', () => {
    const graph = new IndexedGraph([triple(namedNode(ex('s')), ex('p'), literal('1'))]);
    const mark = graph.mark();
    graph.add(namedNode(ex('s')), ex('p'), literal('2'));
    const before = graph.upTo(mark);
    expect(keys(graph.objects(namedNode(ex('s')), ex('p')))).toEqual(['"1"', '"2"']);
    expect(keys(before.objects(namedNode(ex('s')), ex('p')))).toEqual(['"1"']);
    expect(keys(before.objectsWith(ex('p')))).toEqual(['"1"']);
    expect([...graph.quadsFrom(mark)].map((q) => termKey(q.object))).toEqual(['"2"']);
    expect(() => before.add(namedNode(ex('s')), ex('p'), literal('3'))).toThrow(/read-only/);
  });
});
