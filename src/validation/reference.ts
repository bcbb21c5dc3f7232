import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import SHACLValidator from 'rdf-validate-shacl';
import env from 'rdf-validate-shacl/src/defaultEnv.js';
import { sh } from '../vocab.ts';
import { pathToSparql, readPath } from './path.ts';
import type { Severity, ValidationReport, ValidationResult } from './report.ts';

/**
 * The reference SHACL engine, rdf-validate-shacl, behind imagegraph's report type.
 * Used as the oracle in tests and as the baseline in bench/validate.ts.
 */
export async function validateWithReference(
  shapes: Iterable<Quad>,
  data: Iterable<Quad>,
): Promise<ValidationReport> {
  const validator = new SHACLValidator(toDataset(shapes));
  const report = await validator.validate(toDataset(data));
  const graph = report.dataset;
  const objectsOf = (s: Term, p: string): Term[] =>
    [...graph.match(s, env.namedNode(p), null)].map((q) => q.object);
  const results: ValidationResult[] = report.results.map((r) => {
    const path = r.path ? readPath(objectsOf, r.path) : undefined;
    return {
      focusNode: r.focusNode,
      resultPath: path ? pathToSparql(path) : undefined,
      path,
      value: r.value ?? undefined,
      severity: r.severity.value.slice(sh().length) as Severity,
      messages: r.message.map((m) => m.value),
      sourceShape: r.sourceShape,
      component: r.sourceConstraintComponent.value.slice(sh().length),
    };
  });
  return { conforms: report.conforms, results };
}

function toDataset(quads: Iterable<Quad>): DatasetCore {
  const dataset = env.dataset();
  for (const q of quads) dataset.add(env.quad(q.subject, q.predicate, q.object));
  return dataset;
}
