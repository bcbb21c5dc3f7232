import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredTerms, isImagegraphTerm } from '../src/model/declared.ts';
import { loadOntology, loadShapes } from '../src/model/load.ts';
import { shapeConstraints } from '../src/model/shape-constraints.ts';
import { IndexedGraph } from '../src/rdf/graph.ts';
import { readRdfFile } from '../src/rdf/parse.ts';
import { namedNode } from '../src/rdf/terms.ts';
import type { ValidationResult } from '../src/validation/report.ts';
import { owl, rdf, rdfs } from '../src/vocab.ts';
import { engines } from './support/engines.ts';

interface Expected {
  readonly focus: string;
  readonly path: string | null;
  readonly severity: string;
  readonly shape: string;
  readonly component: string;
}
interface Case {
  readonly file: string;
  readonly defect: string;
  readonly expected: readonly Expected[];
}

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));
const invalid = join(fixtures, 'invalid');
const manifest: { base: string[]; cases: Case[] } = JSON.parse(
  readFileSync(join(invalid, 'manifest.json'), 'utf8'),
);
const baseFiles = manifest.base.map((b) => join(invalid, b));

const key = (e: Expected): string => [e.focus, e.path ?? '', e.severity, e.shape, e.component].join('|');
const keyOf = (r: ValidationResult): string =>
  key({
    focus: r.focusNode.value,
    path: r.resultPath ?? null,
    severity: r.severity,
    shape: r.sourceShape.value,
    component: r.component,
  });
const asSet = (keys: Iterable<string>): string[] => [...new Set(keys)].sort();

const ontology = await loadOntology();
const shapes = await loadShapes();
const base = (await Promise.all(baseFiles.map((f) => readRdfFile(f)))).flat();

describe.each(Object.entries(engines))('the %s engine on the catalogue corpus', (_, validate) => {
  it('finds nothing at all, not even a warning, in the valid base catalogue', async () => {
    const report = await validate(shapes, [...ontology, ...base]);
    expect(report.results.map(keyOf)).toEqual([]);
  });

  it.each(manifest.cases)('$file: $defect', async ({ file, expected }) => {
    const report = await validate(shapes, [
      ...ontology,
      ...base,
      ...(await readRdfFile(join(invalid, file))),
    ]);
    expect(asSet(report.results.map(keyOf))).toEqual(asSet(expected.map(key)));
  });
});

describe('the corpus', () => {
  const exercised = new Set(
    manifest.cases.flatMap((c) => c.expected.map((e) => `${e.shape} ${e.component}`)),
  );
  const constraints = shapeConstraints(shapes).map((c) => `${c.shape.value} ${c.component}`);

  it.each(constraints)('exercises %s', (constraint) => {
    expect(exercised).toContain(constraint);
  });

  it('expects only constraints that the shapes declare', () => {
    expect([...exercised].filter((e) => !constraints.includes(e))).toEqual([]);
  });

  it('lists every fixture file in the manifest, and only existing ones', () => {
    const onDisk = readdirSync(invalid, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ttl'),
    );
    expect(manifest.cases.map((c) => c.file).sort()).toEqual(
      onDisk.map((f) => f.split('\\').join('/')).sort(),
    );
  });
});

describe('the valid base catalogue', () => {
  let graph: IndexedGraph;
  beforeAll(() => {
    graph = new IndexedGraph([...ontology, ...base]);
  });

  /** Whether CLASS has an instance, directly or through a subclass. */
  const instantiated = (cls: string): boolean =>
    graph.subjects(rdf('type'), namedNode(cls)).length > 0 ||
    graph.subjects(rdfs('subClassOf'), namedNode(cls)).some((sub) => instantiated(sub.value));

  const classes = [...declaredTerms(ontology)].filter(
    (t) =>
      isImagegraphTerm(t) && ontology.some((q) => q.subject.value === t && q.object.value === owl('Class')),
  );

  it.each(classes)('has an instance of %s', (cls) => {
    expect(instantiated(cls)).toBe(true);
  });
});
