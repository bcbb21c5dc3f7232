import { Store } from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { quadsIn } from '../src/sparql/ox.ts';
import { applyChange, revert } from '../src/sparql/plan-update.ts';
import { ForbiddenGraphError } from '../src/store/errors.ts';
import { contents, expectRefused, keys, run, SHAPES, seed, storeOf, trig } from './support/update-fixture.ts';

describe('applyUpdate: a request is atomic', () => {
  it.each([
    ['INSERT DATA { ex:x ex:p 1 } ; DELETE DATA { ex:a ex:p ex:b } ; DROP GRAPH ex:absent', InputError],
    ['CLEAR DEFAULT ; MOVE ex:g1 TO ex:g2 ; ADD ex:absent TO ex:g3', InputError],
    [`DELETE WHERE { ?s ?p ?o } ; INSERT DATA { GRAPH ${SHAPES} { ex:x ex:p 1 } }`, ForbiddenGraphError],
    [
      'INSERT DATA { _:b ex:p 1 } ; INSERT { ?s ex:q ?x } WHERE { ?s ex:p ?o BIND(ex:f(?o) AS ?x) }',
      InputError,
    ],
    [
      'DROP ALL ; CREATE GRAPH ex:g9 ; INSERT DATA { GRAPH ex:g9 { ex:x ex:p 1 } } ; CREATE GRAPH ex:g9',
      InputError,
    ],
  ] as const)('%s: the store is as before', (update, error) => expectRefused(update, error));
});

describe('applyUpdate: the Change is exactly the net difference', () => {
  it.each([
    ['DELETE DATA { ex:a ex:p ex:b } ; INSERT DATA { ex:a ex:p ex:b }', 0, 0],
    ['INSERT DATA { ex:x ex:p 1 } ; DELETE DATA { ex:x ex:p 1 }', 0, 0],
    ['DELETE { ?s ex:p ?o } INSERT { ?s ex:p ?o } WHERE { ?s ex:p ?o }', 0, 0],
    ['INSERT DATA { ex:a ex:p ex:b . ex:x ex:p 1 }', 0, 1],
    ['DELETE DATA { ex:a ex:p ex:absent . ex:a ex:name "A" }', 1, 0],
    ['MOVE ex:g1 TO DEFAULT', 3, 1],
    ['COPY DEFAULT TO ex:g1', 1, 2],
    ['DROP ALL', 3, 0],
    ['INSERT { ?s ex:copy ?o } WHERE { ?s ex:p ?o } ; DELETE WHERE { ?s ex:p ?o }', 1, 1],
    ['INSERT DATA { _:b ex:p 1 . _:b ex:q 2 } ; INSERT { [] ex:of ?s } WHERE { ?s ex:p ?o }', 0, 4],
  ])('%s: %i removed, %i added', (update, removed, added) => {
    const store = storeOf(trig(seed));
    const before = contents(store);
    const change = run(store, update);
    const after = contents(store);
    expect(keys(change.removed)).toEqual(before.filter((k) => !after.includes(k)));
    expect(keys(change.added)).toEqual(after.filter((k) => !before.includes(k)));
    expect([change.removed.length, change.added.length]).toEqual([removed, added]);

    const replica = storeOf(trig(seed));
    applyChange(replica, change);
    expect(contents(replica)).toEqual(after);
    revert(store, change);
    expect(contents(store)).toEqual(before);
  });
});

describe('applyUpdate: blank nodes', () => {
  it.each([
    ['INSERT DATA, once per request', 'INSERT DATA { _:b ex:p 1 }', 2],
    ['INSERT templates, once per solution', 'INSERT { _:b ex:of ?o } WHERE { VALUES ?o { 1 2 } }', 4],
  ])('are fresh: %s', (_name, update, expected) => {
    const store = new Store();
    run(store, update);
    run(store, update);
    expect(new Set(quadsIn(store, null).map((q) => q.subject.value)).size).toBe(expected);
  });
});
