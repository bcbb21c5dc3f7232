// Child process of bench/validate.ts: rdf-validate-shacl on one catalogue, in its own heap.
// Prints one JSON line: { seconds, count, sha256 }.
import { loadOntology, loadShapes } from '../../src/model/load.ts';
import { validateWithReference } from '../../src/validation/reference.ts';
import { digest, readDamaged } from './damaged.ts';

const [shapes, ontology] = await Promise.all([loadShapes(), loadOntology()]);
const data = readDamaged(process.argv[2]!);
const start = performance.now();
const report = await validateWithReference(shapes, [...ontology, ...data]);
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ seconds, ...digest(report.results) }));
