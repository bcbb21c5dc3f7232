import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Quad, Term } from '@rdfjs/types';
import { Parser } from 'n3';
import { IndexedGraph } from '../../src/rdf/graph.ts';
import { namedNode } from '../../src/rdf/terms.ts';
import { pathToSparql, readList, readPath } from '../../src/validation/path.ts';
import type { ValidationResult } from '../../src/validation/report.ts';
import { rdf, sh } from '../../src/vocab.ts';

const mf = (local: string) => `http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#${local}`;
const sht = (local: string) => `http://www.w3.org/ns/shacl-test#${local}`;

/** One W3C SHACL test: the graphs to validate and the results the report must hold. */
export interface ShaclTestCase {
  readonly name: string;
  readonly file: string;
  readonly data: Quad[];
  readonly shapes: Quad[];
  readonly conforms: boolean;
  readonly expected: string[];
}

const parse = (file: string): Quad[] =>
  new Parser({ baseIRI: pathToFileURL(file).href }).parse(readFileSync(file, 'utf8'));

/** A result as a comparable line; blank nodes are anonymous, so they compare as '_'. */
export function resultKey(
  r: Pick<ValidationResult, 'focusNode' | 'resultPath' | 'value' | 'severity' | 'component' | 'sourceShape'>,
): string {
  const t = (term: Term | undefined) =>
    term === undefined ? '' : term.termType === 'BlankNode' ? '_' : term.value;
  const path = r.resultPath?.includes('_:') ? '_' : r.resultPath;
  return [t(r.focusNode), path ?? '', t(r.value), r.severity, r.component, t(r.sourceShape)].join(' | ');
}

/** Every test case reached from the manifest at FILE, following mf:include. */
export function readShaclManifest(file: string): ShaclTestCase[] {
  const graph = new IndexedGraph(parse(file));
  const objects = (s: Term, p: string) => graph.objects(s, p);
  const self = namedNode(pathToFileURL(file).href);
  const cases = objects(self, mf('include')).flatMap((inc) => readShaclManifest(fileURLToPath(inc.value)));
  for (const list of objects(self, mf('entries'))) {
    for (const entry of readList(objects, list)) {
      if (!objects(entry, rdf('type')).some((t) => t.value === sht('Validate'))) continue;
      const action = objects(entry, mf('action'))[0]!;
      const dataFile = fileURLToPath(objects(action, sht('dataGraph'))[0]!.value);
      const shapesFile = fileURLToPath(objects(action, sht('shapesGraph'))[0]!.value);
      const report = objects(entry, mf('result'))[0]!;
      const expected = objects(report, sh('result')).map((r) => {
        const one = (local: string) => objects(r, sh(local))[0];
        const path = one('resultPath');
        return resultKey({
          focusNode: one('focusNode')!,
          resultPath: path ? pathToSparql(readPath(objects, path)) : undefined,
          value: one('value'),
          severity: one('resultSeverity')!.value.slice(sh().length) as ValidationResult['severity'],
          component: one('sourceConstraintComponent')!.value.slice(sh().length),
          sourceShape: one('sourceShape')!,
        });
      });
      cases.push({
        name: `${entry.value.split('/').slice(-2).join('/')}`,
        file,
        data: parse(dataFile),
        shapes: parse(shapesFile),
        conforms: objects(report, sh('conforms'))[0]?.value === 'true',
        expected: expected.sort(),
      });
    }
  }
  return cases;
}
