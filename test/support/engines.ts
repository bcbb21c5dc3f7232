import type { Quad } from '@rdfjs/types';
import { compileShapes, type ShapesProgram, validateQuads } from '../../src/validation/engine.ts';
import { validateWithReference } from '../../src/validation/reference.ts';
import type { ValidationReport } from '../../src/validation/report.ts';

export type Engine = (shapes: Iterable<Quad>, data: Iterable<Quad>) => Promise<ValidationReport>;

const compiled = new WeakMap<object, ShapesProgram>();

/** imagegraph's engine, compiling each shapes array once (compile once, validate many). */
export const imagegraphEngine: Engine = async (shapes, data) => {
  let program = compiled.get(shapes);
  if (!program) {
    program = compileShapes(shapes);
    compiled.set(shapes, program);
  }
  return validateQuads(program, data);
};

/** Every SHACL engine must give the same results: imagegraph's and rdf-validate-shacl, the reference. */
export const engines: Record<string, Engine> = {
  imagegraph: imagegraphEngine,
  reference: validateWithReference,
};
