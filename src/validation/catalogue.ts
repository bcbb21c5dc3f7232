import type { Quad, Term } from '@rdfjs/types';
import { loadOntology, loadShapes } from '../model/load.ts';
import { IndexedGraph } from '../rdf/graph.ts';
import { readRdfFile } from '../rdf/parse.ts';
import { compileShapes, type ShapesProgram, validateGraph } from './engine.ts';
import type { ValidationReport } from './report.ts';

/** Shapes compiled once, and the background graph (the ontology) every catalogue is validated with. */
export interface Validator {
  readonly program: ShapesProgram;
  readonly background: readonly Quad[];
}

/** imagegraph's own validator: shapes/ against catalogue data together with the ontology. */
export async function catalogueValidator(): Promise<Validator> {
  const [shapes, ontology] = await Promise.all([loadShapes(), loadOntology()]);
  return { program: compileShapes(shapes), background: ontology };
}

/** A validator for any SHACL shapes files, with plain W3C semantics (no background graph). */
export async function shapesFileValidator(files: readonly string[]): Promise<Validator> {
  const shapes = (await Promise.all(files.map((f) => readRdfFile(f)))).flat();
  return { program: compileShapes(shapes), background: [] };
}

/** Validates DATA (with the validator's background graph); FOCUS limits it to the nodes a change touched. */
export function validateData(
  validator: Validator,
  data: Iterable<Quad>,
  focus?: Iterable<Term>,
): ValidationReport {
  const graph = new IndexedGraph(validator.background).addAll(data);
  return validateGraph(validator.program, graph, focus ? { focus } : {});
}
