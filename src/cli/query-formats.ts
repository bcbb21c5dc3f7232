import { InputError } from '../errors.ts';
import { formatsByForm } from '../http/result-formats.ts';
import { findRdfFormat } from '../rdf/formats.ts';
import type { QueryForm } from '../store/store.ts';

/** The result formats of `imagegraph query --format`, by name; RDF syntaxes go by their names in formats.ts. */
const resultFormats: Readonly<Record<string, string>> = {
  json: 'application/sparql-results+json',
  xml: 'application/sparql-results+xml',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
};

/** What each query form is written as without --format. */
const defaults: Readonly<Record<QueryForm, string>> = {
  select: 'csv',
  ask: 'csv',
  construct: 'turtle',
  describe: 'turtle',
};

const namesFor = (form: QueryForm): string[] =>
  form === 'select' || form === 'ask'
    ? Object.keys(resultFormats)
    : ['turtle', 'ntriples', 'nquads', 'trig', 'rdfxml', 'jsonld'];

/** The media type a FORM query's results are written in, for the --format NAME (or the form's default). */
export function resultMediaType(form: QueryForm, name: string | undefined): string {
  const chosen = name ?? defaults[form];
  const mediaType = resultFormats[chosen] ?? findRdfFormat(chosen)?.mediaType;
  if (mediaType && formatsByForm[form].some((f) => f.mediaType === mediaType)) return mediaType;
  throw new InputError(`a ${form.toUpperCase()} query's results cannot be written as '${chosen}'`, {
    fix: `Use --format ${namesFor(form).join(', ')}.`,
  });
}
