import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import type { ProtocolDataset } from '../src/sparql/dataset.ts';
import { ForbiddenGraphError } from '../src/store/errors.ts';
import { graphs } from '../src/vocab.ts';
import {
  contents,
  expectRefused,
  keys,
  ONT,
  run,
  SHAPES,
  seed,
  storeOf,
  trig,
} from './support/update-fixture.ts';

describe('applyUpdate: protected graphs', () => {
  it.each([
    `INSERT DATA { GRAPH ${ONT} { ex:Fragment a owl:Class } }`,
    `DELETE DATA { GRAPH ${ONT} { ex:Image a owl:Class } }`,
    `DELETE DATA { GRAPH ${ONT} { ex:Absent a owl:Class } }`,
    'DELETE WHERE { GRAPH ?g { ?s ?p ?o } }',
    `WITH ${SHAPES} DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }`,
    `INSERT { GRAPH ${ONT} { ?s a ex:Thing } } WHERE { ?s ex:p ?o }`,
    `CLEAR GRAPH ${ONT}`,
    `DROP SILENT GRAPH ${SHAPES}`,
    `ADD DEFAULT TO ${ONT}`,
    `COPY ex:g1 TO ${SHAPES}`,
    `MOVE ${ONT} TO ex:g2`,
    `INSERT DATA { ex:x ex:p 1 } ; DROP GRAPH ${ONT}`,
  ])('refuses %s and changes nothing', (update) => expectRefused(update, ForbiddenGraphError));
});

describe('applyUpdate: resulting dataset', () => {
  it.each([
    [
      'DROP ALL leaves the protected graphs',
      'DROP ALL',
      `GRAPH ${ONT} { ex:Image a owl:Class } GRAPH ${SHAPES} { ex:ImageShape a sh:NodeShape }`,
    ],
    [
      'CLEAR NAMED leaves them too',
      'CLEAR NAMED',
      `ex:a ex:p ex:b ; ex:name "A" . GRAPH ${ONT} { ex:Image a owl:Class } GRAPH ${SHAPES} { ex:ImageShape a sh:NodeShape }`,
    ],
    [
      'a protected graph can be read (COPY from it)',
      `COPY ${ONT} TO ex:g2`,
      `${seed} GRAPH ex:g2 { ex:Image a owl:Class }`,
    ],
    [
      'a protected graph can be read (USING)',
      `INSERT { ?c a ex:Known } USING ${ONT} WHERE { ?c a owl:Class }`,
      `${seed} ex:Image a ex:Known .`,
    ],
    [
      'ill-typed template triples are skipped, the rest kept',
      'INSERT { ?o ex:back ?s . ?s ex:fwd ?o } WHERE { ?s ex:name ?o }',
      `${seed} ex:a ex:fwd "A" .`,
    ],
    [
      'unbound template triples are skipped',
      'INSERT { ?s ex:q ?none . ?s ex:r 1 } WHERE { ?s ex:p ex:b OPTIONAL { ?s ex:absent ?none } }',
      `${seed} ex:a ex:r 1 .`,
    ],
    [
      'WITH is the template graph and the WHERE default graph',
      'WITH ex:g1 INSERT { ?s ex:q ?o } WHERE { ?s ex:p ?o }',
      `${seed} GRAPH ex:g1 { ex:a ex:q ex:c }`,
    ],
    [
      'USING overrides WITH for WHERE',
      'WITH ex:g1 INSERT { ?s ex:q ?o } USING ex:g1 USING NAMED ex:g1 WHERE { ?s ex:p ?o }',
      `${seed} GRAPH ex:g1 { ex:a ex:q ex:c }`,
    ],
    [
      'USING NAMED alone leaves the default graph empty',
      'INSERT { ?s ex:q ?o } USING NAMED ex:g1 WHERE { ?s ex:p ?o }',
      seed,
    ],
    [
      'each operation sees the ones before',
      'INSERT DATA { ex:x ex:p ex:y } ; INSERT { ?s ex:q ?o } WHERE { ?s ex:p ?o }',
      `${seed} ex:x ex:p ex:y ; ex:q ex:y . ex:a ex:q ex:b .`,
    ],
    ['CREATE of a new graph records nothing', 'CREATE GRAPH ex:new', seed],
    ['CREATE SILENT of an existing graph is no change', 'CREATE SILENT GRAPH ex:g1', seed],
    ['DROP SILENT of an absent graph is no change', 'DROP SILENT GRAPH ex:absent', seed],
    ['COPY SILENT of an absent graph is no change', 'COPY SILENT ex:absent TO ex:g1', seed],
    ['MOVE of a graph to itself is no change', 'MOVE ex:g1 TO ex:g1', seed],
    [
      'MOVE replaces the destination and drops the source',
      'MOVE ex:g1 TO DEFAULT',
      `ex:a ex:p ex:c . GRAPH ${ONT} { ex:Image a owl:Class } GRAPH ${SHAPES} { ex:ImageShape a sh:NodeShape }`,
    ],
  ])('%s: %s', (_name, update, expected) => {
    const store = storeOf(trig(seed));
    run(store, update);
    expect(contents(store)).toEqual(keys(trig(expected)));
  });

  it.each([
    [
      'using-graph-uri is the default graph',
      { usingGraphs: ['http://example.org/g1'] },
      `${seed} ex:a ex:seen ex:c .`,
    ],
    [
      'using-named-graph-uri alone: an empty default graph',
      { usingNamedGraphs: ['http://example.org/g1'] },
      seed,
    ],
    [
      'both',
      { usingGraphs: ['http://example.org/g1'], usingNamedGraphs: [graphs.ontology] },
      `${seed} ex:a ex:seen ex:c .`,
    ],
    [
      'empty lists are no protocol dataset',
      { usingGraphs: [], usingNamedGraphs: [] },
      `${seed} ex:a ex:seen ex:b .`,
    ],
  ])('protocol dataset: %s', (_name, protocol, expected) => {
    const store = storeOf(trig(seed));
    run(store, 'INSERT { ?s ex:seen ?o } WHERE { ?s ex:p ?o }', protocol);
    expect(contents(store)).toEqual(keys(trig(expected)));
  });
});

describe('applyUpdate: errors', () => {
  it.each([
    ['DROP GRAPH ex:absent', /DROP GRAPH <http:\/\/example.org\/absent> failed: the graph does not exist/],
    ['CLEAR GRAPH ex:absent', /CLEAR GRAPH <.*absent> failed/],
    ['CREATE GRAPH ex:g1', /CREATE GRAPH <.*g1> failed: the graph already exists/],
    ['ADD ex:absent TO ex:g1', /ADD GRAPH <.*absent> failed: the graph does not exist/],
    [
      'INSERT { ?s ex:q ?o } USING ex:g1 WHERE { ?s ex:p ?o }',
      /using-graph-uri/,
      { usingGraphs: ['http://example.org/g1'] },
    ],
    [
      'WITH ex:g1 INSERT { ?s ex:q ?o } WHERE { ?s ex:p ?o }',
      /USING, USING NAMED or WITH/,
      { usingNamedGraphs: ['http://example.org/g1'] },
    ],
    [
      'INSERT { ?s ex:q ?x } WHERE { ?s ex:p ?o BIND(ex:f(?o) AS ?x) }',
      /the WHERE clause could not be evaluated/,
    ],
  ] as [string, RegExp, ProtocolDataset?][])('%s', (update, message, extra) => {
    const store = storeOf(trig(seed));
    expect(() => run(store, update, extra)).toThrow(message);
    expect(() => run(store, update, extra)).toThrow(InputError);
  });

  it('names the operation that failed', () => {
    const store = storeOf(trig(seed));
    expect(() => run(store, 'CLEAR DEFAULT ; DROP GRAPH ex:absent')).toThrow(
      expect.objectContaining({ where: 'operation 2 (DROP)' }),
    );
  });
});
