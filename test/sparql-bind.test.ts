import type { Literal, Quad, Term } from '@rdfjs/types';
import { Store } from 'oxigraph';
import { Parser, type Query, type ValuesPattern } from 'sparqljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { blankNode, fromForeignTerm, literal, namedNode, quad, variable } from '../src/rdf/terms.ts';
import { bindQuery, loadNamedQuery } from '../src/sparql/bind.ts';
import { ox, quadsIn } from '../src/sparql/ox.ts';
import { owl, xsd } from '../src/vocab.ts';

const ex = (local: string) => namedNode(`http://example.org/${local}`);
const select = 'PREFIX ex: <http://example.org/>\nSELECT ?s WHERE { ?s ex:name ?v }';
const remove = 'PREFIX ex: <http://example.org/>\nDELETE { ?s ex:name ?v } WHERE { ?s ex:name ?v }';

/** Client values an attacker or an unlucky user could send; each must stay exactly one term. */
const corpus: [string, Term][] = [
  ['double quotes', literal('He said "hi"')],
  ['single quotes', literal("it's 'quoted'")],
  ['triple quotes', literal('""" and \'\'\'')],
  ['a closing angle bracket', literal('a > b <c>')],
  ['braces', literal('{ } {{ }}')],
  ['newlines and tabs', literal('line 1\nline 2\r\n\tend')],
  ['a comment sign', literal('# not a comment\n?s ?p ?o')],
  ['a \\u0022 escape', literal('\\u0022 } ; DROP ALL ; { \\U00000022')],
  ['a backslash before a quote', literal('\\" } ; DROP ALL ; {')],
  ['a trailing backslash', literal('ends with \\')],
  ['an update', literal('} ; DROP ALL ; {')],
  ['a quote and an update', literal('" } ; DROP ALL ; INSERT DATA { <http://evil> <http://evil> "')],
  ['a NUL and controls', literal('\u0000\u0001\b\f\u007f')],
  ['astral characters', literal('🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢')],
  ['100 kB', literal(`${'x'.repeat(100_000)}" } ; DROP ALL ; {`)],
  ['a language tag', literal('chat', 'fr-CA')],
  ['a typed literal with SPARQL in it', literal('1 } ; DROP ALL ; {', namedNode(xsd('integer')))],
  ['an IRI with a quote and a query', namedNode("http://example.org/it's?a=b&c=d#frag")],
  ['an IRI with non-ASCII', namedNode('http://example.org/übung/日本')],
];

/** A store where ex:itemN ex:name VALUE-N, with a canary that nothing may touch. */
function corpusStore(): Store {
  const store = new Store();
  corpus.forEach(([, term], i) => {
    store.add(ox(quad(ex(`item${i}`), ex('name'), term as Quad['object']) as Quad));
  });
  store.add(ox(quad(ex('canary'), ex('name'), literal('alive'), ex('graph')) as Quad));
  return store;
}

const parsed = (text: string): Query => new Parser().parse(text) as Query;
const withoutValues = (query: Query) => ({
  ...query,
  where: query.where?.filter((p) => p.type !== 'values'),
});
/** NODE with every term equal to TERM turned back into the variable ?v. */
const asVariable = (node: unknown, term: Term): unknown => {
  if (Array.isArray(node)) return node.map((n) => asVariable(n, term));
  if (node === null || typeof node !== 'object') return node;
  if ('termType' in node && fromForeignTerm(node as Term).equals(fromForeignTerm(term))) return variable('v');
  if ('termType' in node) return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, asVariable(v, term)]));
};
const sameTerm = (a: Term, b: Term) => expect(fromForeignTerm(a).equals(fromForeignTerm(b))).toBe(true);

describe('bindQuery: injection corpus', () => {
  it.each(corpus.map(([name, term], i) => [name, term, i] as const))(
    '%s stays one term',
    (_name, term, i) => {
      const text = bindQuery(select, { v: term });

      // The text says what the query said, with one VALUES row holding exactly the value.
      const ast = parsed(text);
      const values = ast.where?.[0] as ValuesPattern;
      expect(values.type).toBe('values');
      expect(values.values).toHaveLength(1);
      sameTerm(values.values[0]!['?v']!, term);
      // bindQuery also writes the value into the mandatory patterns that name ?v (for the store's indexes).
      const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
      expect(plain(asVariable(withoutValues(ast), term))).toEqual(plain(parsed(select)));

      // Run by Oxigraph: it finds exactly the item with that value, and changes nothing.
      const store = corpusStore();
      const rows = store.query(text) as Map<string, Term>[];
      expect(rows.map((row) => row.get('s')?.value)).toEqual([ex(`item${i}`).value]);
      expect(store.size).toBe(corpus.length + 1);
    },
  );

  it.each(corpus.map(([name, term], i) => [name, term, i] as const))(
    '%s in an update deletes only its triple',
    (_name, term, i) => {
      const store = corpusStore();
      store.update(bindQuery(remove, { v: term }));
      const left = quadsIn(store, null).map((q) => q.subject.value);
      expect(left).toHaveLength(corpus.length);
      expect(left).not.toContain(ex(`item${i}`).value);
      expect(left).toContain(ex('canary').value);
    },
  );

  it('comes back from Oxigraph as exactly that literal', () => {
    const value = corpus.find(([name]) => name === 'a \\u0022 escape')![1] as Literal;
    const rows = new Store().query(bindQuery('SELECT ?v WHERE { }', { v: value })) as Map<string, Term>[];
    sameTerm(rows[0]!.get('v')!, value);
  });
});

describe('bindQuery: rows', () => {
  it.each([
    ['one term, one row', { v: literal('He said "hi"') }, ['item0']],
    [
      'a list, a row each',
      { v: [literal('He said "hi"'), literal('} ; DROP ALL ; {')] },
      ['item0', 'item10'],
    ],
    ['an empty list, no rows', { v: [] }, []],
    [
      'two variables, every combination',
      { v: [literal('braces'), literal('{ } {{ }}')], s: [ex('item4'), ex('item5')] },
      ['item4'],
    ],
  ])('%s', (_name, bindings, expected) => {
    const rows = corpusStore().query(bindQuery(select, bindings)) as Map<string, Term>[];
    expect(rows.map((row) => row.get('s')!.value).sort()).toEqual(expected.map((local) => ex(local).value));
  });
});

describe('bindQuery: refused values', () => {
  it.each([
    [
      'an IRI with a space',
      { v: namedNode('http://example.org/a b') },
      /not a valid IRI: it contains a space/,
    ],
    ...[...'<>"{}|^`\\'].map(
      (c) =>
        [
          `an IRI with ${c}`,
          { v: namedNode(`http://example.org/a${c}b`) },
          /not a valid IRI: it contains the character/,
        ] as const,
    ),
    ['an IRI with a newline', { v: namedNode('http://example.org/a\n} ; DROP ALL') }, /a control character/],
    ['a relative IRI', { v: namedNode('relative/path') }, /not an absolute IRI/],
    ['a bad language tag', { v: literal('x', 'en } ; DROP ALL ; {') }, /invalid language tag/],
    [
      'a bad datatype',
      { v: literal('x', namedNode('http://example.org/a> } ; DROP ALL ; { <b')) },
      /datatype that is not a valid IRI/,
    ],
    ['a lone surrogate', { v: literal('\uD800') }, /not well-formed Unicode/],
    ['a blank node', { v: blankNode('b') }, /is a BlankNode: only IRIs and literals/],
    ['a variable', { v: variable('o') }, /is a Variable: only IRIs and literals/],
    ['a bad variable name', { 'v } ; DROP ALL ; {': literal('x') }, /is not a variable name/],
    ['a variable the query lacks', { w: literal('x') }, /the query has no variable \?w/],
  ] as const)('%s', (_name, bindings, message) => {
    expect(() => bindQuery(select, bindings as Record<string, Term>)).toThrow(message);
    expect(() => bindQuery(select, bindings as Record<string, Term>)).toThrow(InputError);
  });
});

describe('bindQuery: named queries', () => {
  it('binds the alignment graph of align/apply-alignment: only that graph rewrites', async () => {
    const store = new Store();
    const [used, unused] = [ex('alignment'), ex('other')];
    store.add(ox(quad(ex('i'), ex('foreignName'), literal('n')) as Quad));
    store.add(ox(quad(ex('i'), ex('foreignSize'), literal('1')) as Quad));
    store.add(ox(quad(ex('foreignName'), namedNode(owl('equivalentProperty')), ex('name'), used) as Quad));
    store.add(ox(quad(ex('foreignSize'), namedNode(owl('equivalentProperty')), ex('size'), unused) as Quad));
    store.update(bindQuery(await loadNamedQuery('align/apply-alignment'), { alignment: used }));
    const defaults = quadsIn(store, null).filter((q) => q.graph.termType === 'DefaultGraph');
    expect(defaults.map((q) => q.predicate.value).sort()).toEqual([
      ex('foreignSize').value,
      ex('name').value,
    ]);
  });

  it('regenerates every named query to the same syntax tree', async () => {
    for (const name of ['align/apply-alignment', 'align/flatten-operating-system']) {
      const text = await loadNamedQuery(name);
      const generated = bindQuery(text, {});
      expect(new Parser().parse(generated)).toEqual(new Parser().parse(text));
    }
  });

  it.each(['../package', 'align/../../package', '/etc/passwd', 'align\\apply-alignment'])(
    'refuses the name %j',
    async (name) => {
      await expect(loadNamedQuery(name)).rejects.toThrow(/is not the name of a query/);
    },
  );

  it('reads queries/NAME.rq', async () => {
    expect(await loadNamedQuery('align/apply-alignment')).toContain('owl:equivalentProperty');
  });
});
