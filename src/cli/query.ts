import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { InputError } from '../errors.ts';
import { paths } from '../paths.ts';
import { readText } from '../rdf/parse.ts';
import { loadNamedQuery } from '../sparql/bind.ts';
import { parseSparqlQuery } from '../sparql/parse.ts';
import { type Command, stringOption } from './command.ts';
import { dataDirOf, dataOptions, openReplica } from './data-option.ts';
import { resultMediaType } from './query-formats.ts';

const usage = 'imagegraph query (FILE.rq | --name NAME) [--data DIR] [--format json|xml|csv|tsv|turtle|…]';

/** The names of the queries in queries/, e.g. store/named-graphs. */
function namedQueries(): string[] {
  return readdirSync(paths.queries, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.rq'))
    .map((f) => f.slice(0, -'.rq'.length).split(sep).join('/'))
    .sort();
}

async function namedQueryText(name: string): Promise<string> {
  try {
    return await loadNamedQuery(name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new InputError(`there is no named query '${name}'`, {
      fix: `Name one of: ${namedQueries().join(', ')}; or pass the path of a .rq file.`,
    });
  }
}

/** The query text, and where it came from for error messages. */
async function queryText(file: string | undefined, name: string | undefined): Promise<[string, string]> {
  if ((file === undefined) === (name === undefined)) {
    throw new InputError(file === undefined ? 'no query given' : 'a query FILE and --name both given', {
      fix: `Pass a .rq file or --name NAME, not both. Usage: ${usage}`,
    });
  }
  return name === undefined
    ? [await readText(file!), file!]
    : [await namedQueryText(name), `queries/${name}.rq`];
}

/**
 * `imagegraph query`: a SPARQL query (a file, or a named query of queries/) on the data directory, opened as
 * a read replica, so it works while the service runs. SELECT and ASK print CSV, CONSTRUCT and DESCRIBE
 * Turtle, unless --format says otherwise.
 */
export const queryCommand: Command = {
  summary: 'Run a SPARQL query (a .rq file or a named query) on the data directory; works while serving.',
  usage,
  options: { ...dataOptions, name: { type: 'string' }, format: { type: 'string' } },
  async run(values, positionals, io) {
    if (positionals.length > 1) {
      throw new InputError(`one query at a time, not ${positionals.length}`, { fix: `Usage: ${usage}` });
    }
    const [text, where] = await queryText(positionals[0], stringOption(values, 'name'));
    const { form } = parseSparqlQuery(text, { where });
    const format = resultMediaType(form, stringOption(values, 'format'));
    const core = await openReplica(dataDirOf(values));
    const result = core.query(text, { format, timeoutMs: 0, maxResultBytes: Number.POSITIVE_INFINITY });
    io.out(result.body);
    return 0;
  },
};
