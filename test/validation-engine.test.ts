import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { IndexedGraph } from '../src/rdf/graph.ts';
import { triple } from '../src/rdf/terms.ts';
import { affectedNodes } from '../src/validation/affected.ts';
import { compileShapes, validateGraph, validateQuads } from '../src/validation/engine.ts';
import { pathToSparql, readPath } from '../src/validation/path.ts';
import { reportToText, reportWriters } from '../src/validation/report-format.ts';
import { reportToQuads } from '../src/validation/report-rdf.ts';
import { sh } from '../src/vocab.ts';
import { resultKey } from './support/shacl-manifest.ts';

const prefixes = `@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://e/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .`;
const parse = (ttl: string): Quad[] => new Parser().parse(prefixes + ttl);

// A node image's hypervisor must be its node's: a rule whose focus (the node image) is two hops from what changes.
const shapes = parse(`
ex:NodeImage a sh:NodeShape ; sh:targetClass ex:NI ;
  sh:property [ sh:path ex:hv ; sh:minCount 1 ; sh:in ("kvm" "xen") ] ;
  sh:property [ sh:path ( ex:onNode ex:hv ) ; sh:equals ex:hv ] ;
  sh:property [ sh:path [ sh:alternativePath ( ex:onNode [ sh:inversePath ex:hosts ] ) ] ; sh:maxCount 1 ] .
ex:Node a sh:NodeShape ; sh:targetClass ex:N ; sh:property [ sh:path ex:hv ; sh:maxCount 1 ; sh:datatype xsd:string ] .`);
const program = compileShapes(shapes);

const catalogue = () =>
  parse(`ex:n1 a ex:N ; ex:hv "kvm" . ex:n2 a ex:N ; ex:hv "xen" .
ex:i1 a ex:NI ; ex:hv "kvm" ; ex:onNode ex:n1 . ex:i2 a ex:NI ; ex:hv "xen" ; ex:onNode ex:n2 .
ex:i3 a ex:NI ; ex:hv "kvm" ; ex:onNode ex:n1 .`);

const keys = (results: Parameters<typeof resultKey>[0][]) => results.map(resultKey).sort();
const n1 = parse('ex:n1 ex:p ex:o .')[0]!.subject;

/** Changes to apply: [name, quads to delete, quads to add, results after the change]. */
const changes: [string, Quad[], Quad[], number][] = [
  ['node hypervisor changes', parse('ex:n1 ex:hv "kvm" .'), parse('ex:n1 ex:hv "xen" .'), 4],
  ['node image moves', parse('ex:i2 ex:onNode ex:n2 .'), parse('ex:i2 ex:onNode ex:n1 .'), 2],
  ['inverse link added', [], parse('ex:n2 ex:hosts ex:i1 .'), 1],
  ['type removed', parse('ex:i3 a ex:NI .'), [], 0],
  ['new node image', [], parse('ex:i4 a ex:NI ; ex:onNode ex:n2 ; ex:hv "kvm" .'), 2],
  ['second node for a node image', [], parse('ex:i1 ex:onNode ex:n2 .'), 2],
];

describe('incremental validation', () => {
  it.each(changes)(
    '%s: re-checking the affected nodes equals validating everything',
    (_name, removed, added, n) => {
      const before = catalogue();
      const after = [...before.filter((q) => !removed.some((r) => r.equals(q))), ...added];
      const old = validateQuads(program, before).results;
      const graph = new IndexedGraph(after);
      const affected = affectedNodes(program, graph, [...removed, ...added]);
      if (affected === 'all') throw new Error('expected a bounded set of affected nodes');
      const touched = new Set(affected.map((t) => t.value));
      const kept = old.filter((r) => !touched.has(r.focusNode.value));
      const rechecked = validateGraph(program, graph, { focus: affected }).results;
      const full = keys(validateQuads(program, after).results as never);
      expect(keys([...kept, ...rechecked])).toEqual(full);
      expect(full).toHaveLength(n);
    },
  );

  it('reports a class-hierarchy change as affecting everything', () => {
    const change = parse('ex:NI2 <http://www.w3.org/2000/01/rdf-schema#subClassOf> ex:NI .');
    expect(affectedNodes(program, new IndexedGraph(catalogue()), change)).toBe('all');
  });

  it('leaves the other node images of a node alone when one more points to it (onNode is read forward only)', () => {
    const graph = new IndexedGraph([...catalogue(), ...parse('ex:i5 a ex:NI ; ex:onNode ex:n1 .')]);
    const affected = affectedNodes(program, graph, parse('ex:i5 ex:onNode ex:n1 .'));
    expect((affected as { value: string }[]).map((t) => t.value)).toEqual(['http://e/i5']);
  });

  it('walks no further than the shapes read', () => {
    const graph = new IndexedGraph([...catalogue(), triple(n1, 'http://e/unrelated', n1)]);
    const affected = affectedNodes(program, graph, parse('ex:x ex:unrelated ex:n1 .'));
    expect(affected).not.toBe('all');
    expect((affected as { value: string }[]).map((t) => t.value)).toEqual(['http://e/x']);
  });
});

describe('reports', () => {
  const report = validateQuads(program, [...catalogue(), ...parse('ex:n1 ex:hv "xen" . ex:i3 ex:hv 7 .')]);

  // n1 has two hypervisors (1); i1 disagrees with n1 on xen (1); i3 has 7, not in the list (1), and disagrees
  // with n1 on xen and 7 (2).
  it('finds the planted errors', () => expect(report.results).toHaveLength(5));

  it('writes every result path as SHACL path RDF that reads back the same', () => {
    const quads = reportToQuads(report);
    const graph = new IndexedGraph(quads);
    const paths = graph
      .objectsWith(sh('resultPath'))
      .map((p) => pathToSparql(readPath((s, q) => graph.objects(s, q), p)));
    expect(new Set(paths)).toEqual(new Set(report.results.map((r) => r.resultPath).filter(Boolean)));
    expect(graph.subjectsWith(sh('focusNode'))).toHaveLength(report.results.length);
  });

  it('writes text naming focus node, path, value and counts', () => {
    const text = reportToText(report);
    expect(text).toContain('VIOLATION');
    expect(text).toContain('path <http://e/hv>');
    expect(text).toMatch(/\d+ violation\(s\), 0 warning\(s\), 0 info\(s\)/);
  });

  it.each(['turtle', 'jsonld'])(
    'writes %s that parses back to the same number of results',
    async (format) => {
      const text = await reportWriters[format]!(report);
      const n =
        format === 'turtle'
          ? new Parser().parse(text).filter((q) => q.predicate.value === sh('focusNode')).length
          : JSON.stringify(JSON.parse(text)).split('"sh:focusNode"').length - 1;
      expect(n).toBe(report.results.length);
    },
  );

  it('names the offending value', () =>
    expect(report.results.some((r) => r.value?.value === '7')).toBe(true));
});
