import { readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import * as oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { literal, namedNode, quad } from '../src/rdf/terms.ts';
import { applyChange } from '../src/sparql/plan-update.ts';
import type { EmbeddedCore } from '../src/store/core.ts';
import { dataFiles } from '../src/store/data-dir.ts';
import { ForbiddenGraphError, WriteRejectedError } from '../src/store/errors.ts';
import { addReadOnlyGraphs, notData, readOnlyContent } from '../src/store/read-only-graphs.ts';
import { resultKey } from '../src/store/violations.ts';
import { introducedViolations } from '../src/store/write-gate.ts';
import { compileShapes } from '../src/validation/engine.ts';
import type { ValidationResult } from '../src/validation/report.ts';
import { graphs, ig, igs, instanceIri, rdfs, vocabTerm } from '../src/vocab.ts';
import { generate } from './support/federation.ts';
import { datasetOf, openPrimary, patentCatalogue, tempDir } from './support/store.ts';
import { turtle } from './support/turtle.ts';

const prefixes =
  'PREFIX ig: <https://w3id.org/imagegraph/ns#> PREFIX hv: <https://w3id.org/imagegraph/ns/hypervisor#>';
const ni2005 = `<${instanceIri('node-image', '2005')}>`;
const node3007 = `<${instanceIri('node', '3007')}>`;
const update = (text: string) => (core: EmbeddedCore) =>
  core.update(`${prefixes} ${text}`, { timeoutMs: 10_000 });

/** A validating primary over the patent catalogue; with BROKEN, node image 2005 has lost its hypervisor. */
async function catalogue(broken = false) {
  const dir = tempDir();
  const setup = await openPrimary(dir);
  setup.load(await patentCatalogue(), { kind: 'default' });
  if (broken) update(`DELETE DATA { ${ni2005} ig:hypervisor hv:xen }`)(setup);
  setup.close();
  const core = await openPrimary(dir, { validate: true });
  return { core, journal: () => readFileSync(dataFiles(dir).journal) };
}

const named = (iri: string) => ({ kind: 'named', iri }) as const;

/** Everything a rejected write must leave as it was: the dataset, the read-only graphs, the sequence, the journal. */
const stateOf = (core: EmbeddedCore, journal: () => Buffer) => ({
  dataset: datasetOf(core),
  readOnly: [graphs.ontology, graphs.shapes].map((g) => core.readGraph(named(g), 'application/n-triples')),
  stats: core.stats(),
  journal: journal().toString('latin1'),
});

/** Runs WRITE on the catalogue; the error it threw, after checking that it changed nothing. */
async function expectRejected(broken: boolean, write: (core: EmbeddedCore) => unknown) {
  const { core, journal } = await catalogue(broken);
  const before = stateOf(core, journal);
  let error: unknown;
  try {
    write(core);
  } catch (e) {
    error = e;
  }
  expect(stateOf(core, journal)).toEqual(before);
  core.close();
  return error;
}

const violation = (kind: 'node-image' | 'node', id: string, shape: string) => ({
  focus: instanceIri(kind, id),
  shape: igs(shape),
});

/** Writes that introduce violations: [name, catalogue broken beforehand, write, the new violations]. */
const rejected: [string, boolean, (core: EmbeddedCore) => unknown, { focus: string; shape: string }[]][] = [
  [
    'a node image loses its hypervisor',
    false,
    update(`DELETE DATA { ${ni2005} ig:hypervisor hv:xen }`),
    [violation('node-image', '2005', 'NodeImage-hypervisor')],
  ],
  [
    "a node's hypervisor changes under its node image (two hops away)",
    false,
    update(
      `DELETE DATA { ${node3007} ig:hypervisor hv:xen } ; INSERT DATA { ${node3007} ig:hypervisor hv:kvm }`,
    ),
    [violation('node-image', '2005', 'NodeImage-nodeHypervisor')],
  ],
  [
    'a Graph Store write replaces the catalogue with a bare node image',
    false,
    (core) =>
      core.write({
        kind: 'replace',
        graph: { kind: 'default' },
        quads: turtle('<http://e/ni> a ig:NodeImage .'),
      }),
    [{ focus: 'http://e/ni', shape: igs('NodeImage-ofImage') }],
  ],
  [
    'a load brings a node image without an image',
    false,
    (core) =>
      core.load(
        turtle(
          `${ni2005.replace('2005', '2099')} a ig:NodeImage ; ig:nodeImageId "2099" ; ig:hypervisor hv:kvm ; ig:onNode ${node3007.replace('3007', '3008')} .`,
        ),
        { kind: 'default' },
      ),
    [violation('node-image', '2099', 'NodeImage-ofImage')],
  ],
  [
    'a node image already broken loses its image too: only the new violation is reported',
    true,
    update(`DELETE WHERE { ${ni2005} ig:ofImage ?image }`),
    [violation('node-image', '2005', 'NodeImage-ofImage')],
  ],
];

describe('writes that introduce SHACL violations', () => {
  it.each(rejected)(
    '%s: rejected with the report, nothing changed',
    async (_name, broken, write, expected) => {
      const error = await expectRejected(broken, write);
      expect(error).toBeInstanceOf(WriteRejectedError);
      const results = (error as WriteRejectedError).report.results;
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => r.severity === 'Violation')).toBe(true);
      const found = results.map((r) => ({ focus: r.focusNode.value, shape: r.sourceShape.value }));
      for (const r of expected) expect(found).toContainEqual(r);
      if (broken) expect(found.some((r) => r.shape === igs('NodeImage-hypervisor'))).toBe(false);
    },
  );
});

/** Writes that pass: [name, catalogue broken beforehand, write]. */
const accepted: [string, boolean, (core: EmbeddedCore) => unknown][] = [
  ['a triple no shape reads', false, update('INSERT DATA { <http://e/x> <http://e/p> "v" }')],
  [
    'a node image changes state within its vocabulary',
    false,
    update(
      `DELETE DATA { ${ni2005} ig:state <${vocabTerm('nodeImageState', 'running')}> } ; INSERT DATA { ${ni2005} ig:state <${vocabTerm('nodeImageState', 'registered')}> }`,
    ),
  ],
  [
    'a label on a node image that is already broken',
    true,
    update(`INSERT DATA { ${ni2005} <${rdfs('label')}> "2005" }`),
  ],
  [
    'a write elsewhere while a node image is broken',
    true,
    update('INSERT DATA { <http://e/x> <http://e/p> "v" }'),
  ],
  [
    'the write that fixes the broken node image',
    true,
    update(`INSERT DATA { ${ni2005} ig:hypervisor hv:xen }`),
  ],
];

describe('writes that introduce no violation', () => {
  it.each(accepted)('%s: acknowledged and journaled', async (_name, broken, write) => {
    const { core, journal } = await catalogue(broken);
    const before = journal().length;
    expect(write(core)).toMatchObject({ sequence: broken ? 3 : 2 });
    expect(journal().length).toBeGreaterThan(before);
    core.close();
  });
});

const ontologyQuad = quad(
  namedNode('http://e/x'),
  namedNode(rdfs('label')),
  literal('x'),
  namedNode(graphs.ontology),
);
/** Writes to the read-only graphs, each refused: [name, write]. */
const forbidden: [string, (core: EmbeddedCore) => unknown][] = [
  [
    'a Graph Store PUT of the ontology',
    (core) => core.write({ kind: 'replace', graph: named(graphs.ontology), quads: [] }),
  ],
  [
    'a Graph Store POST to the shapes',
    (core) =>
      core.write({ kind: 'add', graph: named(graphs.shapes), quads: turtle('<http://e/s> a ig:Image .') }),
  ],
  ['a Graph Store DELETE of the shapes', (core) => core.write({ kind: 'drop', graph: named(graphs.shapes) })],
  [
    'a load into the ontology',
    (core) => core.load(turtle('<http://e/s> a ig:Image .'), named(graphs.ontology)),
  ],
  ['a load of a quad in the ontology', (core) => core.load([ontologyQuad as Quad], { kind: 'default' })],
  [
    'an INSERT DATA into the ontology',
    update(`INSERT DATA { GRAPH <${graphs.ontology}> { <http://e/s> a ig:Image } }`),
  ],
  ['a DROP of the shapes', update(`DROP GRAPH <${graphs.shapes}>`)],
];

describe('the ontology and shapes graphs', () => {
  it.each(forbidden)('%s is refused, nothing changed', async (_name, write) => {
    expect(await expectRejected(false, write)).toBeInstanceOf(ForbiddenGraphError);
  });

  it('are readable and queried with the catalogue', async () => {
    const { core } = await catalogue();
    expect(core.readGraph(named(graphs.ontology), 'text/turtle')).toContain(ig('NodeImage'));
    const ask = `ASK { GRAPH <${graphs.shapes}> { <${igs('NodeImage-hypervisor')}> ?p ?o } }`;
    expect(
      core.query(ask, { format: 'application/sparql-results+json', timeoutMs: 1000, maxResultBytes: 1e6 })
        .body,
    ).toContain('true');
    core.close();
  });
});

describe('large writes, validated on an in-memory copy of the store', async () => {
  const federation = new Parser({ format: 'N-Triples' }).parse(await generate('small', 3)) as Quad[];
  // Every 40th node image loses its id: violations spread over a large write, one for each id taken.
  const ids = federation.filter((q) => q.predicate.value === ig('nodeImageId'));
  const taken = new Set(ids.filter((_q, i) => i % 40 === 39));
  const damaged = federation.filter((q) => !taken.has(q));

  it('a conforming federation of 10k triples is acknowledged', async () => {
    const core = await openPrimary(tempDir(), { validate: true });
    expect(core.load(federation, { kind: 'default' })).toMatchObject({
      inserted: federation.length,
      sequence: 1,
    });
    core.close();
  });

  it('a damaged one is rejected whole, with the report the store-backed check gives', async () => {
    const core = await openPrimary(tempDir(), { validate: true });
    const error = (() => {
      try {
        core.load(damaged, { kind: 'default' });
      } catch (e) {
        return e as WriteRejectedError;
      }
    })();
    expect(error).toBeInstanceOf(WriteRejectedError);
    expect(core.stats()).toMatchObject({ quads: 0, sequence: 0, journalBytes: 0 });
    core.close();

    const store = new oxigraph.Store();
    const content = await readOnlyContent();
    addReadOnlyGraphs(store, content);
    const change = { removed: [], added: damaged };
    applyChange(store, change);
    const program = compileShapes(content.shapes);
    const keys = (results: readonly ValidationResult[]) => results.map(resultKey).sort();
    const onCopy = keys(introducedViolations(store, program, change, notData, 0));
    const onStore = keys(introducedViolations(store, program, change, notData, Number.POSITIVE_INFINITY));
    expect(taken.size).toBeGreaterThan(1);
    expect(onCopy).toHaveLength(taken.size);
    expect(onStore).toEqual(onCopy);
    expect(keys(error!.report.results)).toEqual(onCopy);
  });
});
