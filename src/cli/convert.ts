import { InputError } from '../errors.ts';
import { findImporter, importerNames } from '../importers/index.ts';
import { writeRdf } from '../rdf/serialize.ts';
import { factory } from '../rdf/terms.ts';
import { type Command, stringOption } from './command.ts';

const usage = 'imagegraph convert [--from FORMAT] FILE';

/**
 * `imagegraph convert`: any supported catalogue file → Turtle in imagegraph's vocabulary, on stdout.
 * Turtle has no named graphs, so the statements of TriG, N-Quads or JSON-LD graphs are merged.
 */
export const convertCommand: Command = {
  summary: 'Convert RDF, a patent table (CSV) or a Glance or CloudStack listing (JSON) to Turtle.',
  get usage() {
    return `${usage}  (FORMAT: ${importerNames()
      .map(([name]) => name)
      .join(', ')}; default: the RDF syntax of FILE's extension)`;
  },
  options: { from: { type: 'string', short: 'f' } },
  async run(values, positionals, io) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      throw new InputError(
        file === undefined ? 'no FILE to convert' : `one FILE at a time, not ${positionals.length}`,
        {
          fix: `Usage: ${usage}`,
        },
      );
    }
    const quads = await findImporter(stringOption(values, 'from'), file).read(file);
    const merged = quads.map((q) => factory.quad(q.subject, q.predicate, q.object, factory.defaultGraph()));
    io.out(writeRdf(merged));
    return 0;
  },
};
