import type { Term } from '@rdfjs/types';
import { quadsToJsonLd } from '../rdf/jsonld.ts';
import { writeRdf } from '../rdf/serialize.ts';
import { ID_BASE, prefixes, sh, xsd } from '../vocab.ts';
import type { ValidationReport, ValidationResult } from './report.ts';
import { reportToQuads } from './report-rdf.ts';

const shortNames: [string, string][] = Object.entries({ ...prefixes, id: ID_BASE })
  .map(([p, ns]): [string, string] => [ns, `${p}:`])
  .sort((a, b) => b[0].length - a[0].length);

/** A term as a person reads it: prefixed IRIs, quoted literals. */
export function showTerm(term: Term): string {
  if (term.termType === 'Literal') {
    const dt = term.datatype.value;
    const typed = dt === xsd('string') || term.language ? '' : `^^${showTerm(term.datatype)}`;
    return `${JSON.stringify(term.value)}${term.language ? `@${term.language}` : typed}`;
  }
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  const match = shortNames.find(([ns]) => term.value.startsWith(ns));
  return match ? match[1] + term.value.slice(match[0].length) : `<${term.value}>`;
}

const showPath = (path: string): string =>
  path.replace(/<([^>]*)>/g, (_m, iri: string) => showTerm({ termType: 'NamedNode', value: iri } as Term));

function textResult(r: ValidationResult): string {
  const where = [
    showTerm(r.focusNode),
    r.resultPath ? `path ${showPath(r.resultPath)}` : undefined,
    r.value ? `value ${showTerm(r.value)}` : undefined,
  ].filter(Boolean);
  const messages = r.messages.map((m) => `    ${m}`).join('\n');
  return `${r.severity.toUpperCase().padEnd(9)} ${where.join('  ')}\n${messages}\n    (${showTerm(r.sourceShape)}, sh:${r.component})`;
}

/** A report a catalogue maintainer reads: one block per result and a count by severity. */
export function reportToText(report: ValidationReport): string {
  const counts = { Violation: 0, Warning: 0, Info: 0 };
  for (const r of report.results) counts[r.severity]++;
  const summary = `${counts.Violation} violation(s), ${counts.Warning} warning(s), ${counts.Info} info(s)`;
  if (report.results.length === 0) return 'Conforms: no results.\n';
  return `${report.results.map(textResult).join('\n')}\n\n${summary}\n`;
}

const reportContext = {
  sh: sh(),
  xsd: xsd(),
  ...Object.fromEntries(Object.entries(prefixes).filter(([p]) => p !== 'sh')),
};

/** Writers for `--report`: text for people, Turtle and JSON-LD for machines. */
export const reportWriters: Record<string, (report: ValidationReport) => Promise<string>> = {
  text: async (report) => reportToText(report),
  turtle: async (report) => writeRdf(reportToQuads(report)),
  jsonld: async (report) =>
    `${JSON.stringify(await quadsToJsonLd(reportToQuads(report), { '@context': reportContext }), null, 2)}\n`,
};
