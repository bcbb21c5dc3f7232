// Validation throughput: imagegraph's compiled SHACL engine vs plain rdf-validate-shacl, same data, same run.
// Usage: node bench/validate.ts [IMAGES...]   (default: 10000 100000)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { loadOntology, loadShapes } from '../src/model/load.ts';
import { paths } from '../src/paths.ts';
import { catalogueValidator, validateData } from '../src/validation/catalogue.ts';
import { validateWithReference } from '../src/validation/reference.ts';
import type { ValidationResult } from '../src/validation/report.ts';

const sizes = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'imagegraph-bench-'));
const key = (r: ValidationResult) =>
  [r.focusNode.value, r.resultPath, r.value?.value, r.severity, r.component, r.sourceShape.value].join('|');
const sameResults = (a: readonly ValidationResult[], b: readonly ValidationResult[]) =>
  JSON.stringify(a.map(key).sort()) === JSON.stringify(b.map(key).sort());
const seconds = (start: number) => (performance.now() - start) / 1000;

/**
 * The generated catalogue with every 101st statement left out, so that both engines have violations to
 * find (missing ids, dangling references, broken cardinalities). Read in chunks: a 100k-image catalogue is
 * larger than the longest string V8 allows.
 */
function readDamaged(file: string): Quad[] {
  const bytes = readFileSync(file);
  const quads: Quad[] = [];
  let line = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, Math.min(start + 16_000_000, bytes.length - 1));
    if (end < 0) end = bytes.length - 1;
    const kept = bytes
      .toString('utf8', start, end + 1)
      .split('\n')
      .filter((text) => text === '' || ++line % 101 !== 0);
    quads.push(...new Parser({ format: 'N-Triples' }).parse(kept.join('\n')));
    start = end + 1;
  }
  return quads;
}

const [shapes, ontology] = await Promise.all([loadShapes(), loadOntology()]);
let start = performance.now();
const validator = await catalogueValidator();
console.log(`compiled shapes/ once in ${seconds(start).toFixed(3)} s`);
console.log(
  'images   | focus nodes | imagegraph s | nodes/s    | rdf-validate-shacl s | nodes/s  | ratio | same results',
);
for (const images of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  const file = join(dir, `catalogue-${images}.nt`);
  execFileSync(
    process.execPath,
    [
      join(paths.root, 'bin/imagegraph.js'),
      'generate',
      '--preset',
      'catalogue',
      '--images',
      String(images),
      '--seed',
      '7',
      '--out',
      file,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const data = readDamaged(file);
  start = performance.now();
  const ours = validateData(validator, data);
  const oursSeconds = seconds(start);
  start = performance.now();
  const reference = await validateWithReference(shapes, [...ontology, ...data]);
  const referenceSeconds = seconds(start);
  const nodes = ours.checked ?? 0;
  console.log(
    [
      String(images).padEnd(8),
      String(nodes).padStart(11),
      oursSeconds.toFixed(3).padStart(12),
      Math.round(nodes / oursSeconds)
        .toString()
        .padStart(10),
      referenceSeconds.toFixed(3).padStart(20),
      Math.round(nodes / referenceSeconds)
        .toString()
        .padStart(8),
      `${(referenceSeconds / oursSeconds).toFixed(1)}×`.padStart(5),
      `${sameResults(ours.results, reference.results) ? 'yes' : 'NO'} (${ours.results.length} results)`,
    ].join(' | '),
  );
}
rmSync(dir, { recursive: true, force: true });
