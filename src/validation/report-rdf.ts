import type { Quad, Term } from '@rdfjs/types';
import { blankNode, literal, namedNode, triple } from '../rdf/terms.ts';
import { rdf, sh, xsd } from '../vocab.ts';
import { pathToRdf } from './path-rdf.ts';
import type { ValidationReport } from './report.ts';

/** The report as the standard SHACL validation report graph (SHACL §3.6). */
export function reportToQuads(report: ValidationReport): Quad[] {
  const out: Quad[] = [];
  const add = (s: Term, p: string, o: Term) => out.push(triple(s, p, o));
  const root = blankNode();
  add(root, rdf('type'), namedNode(sh('ValidationReport')));
  add(root, sh('conforms'), literal(String(report.conforms), namedNode(xsd('boolean'))));
  for (const r of report.results) {
    const node = blankNode();
    add(root, sh('result'), node);
    add(node, rdf('type'), namedNode(sh('ValidationResult')));
    add(node, sh('focusNode'), r.focusNode);
    if (r.path) add(node, sh('resultPath'), pathToRdf(r.path, out));
    if (r.value) add(node, sh('value'), r.value);
    add(node, sh('resultSeverity'), namedNode(sh(r.severity)));
    add(node, sh('sourceConstraintComponent'), namedNode(sh(r.component)));
    add(node, sh('sourceShape'), r.sourceShape);
    for (const m of r.messages) add(node, sh('resultMessage'), literal(m));
  }
  return out;
}
