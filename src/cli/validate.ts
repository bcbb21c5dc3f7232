import type { Quad } from '@rdfjs/types';
import { InputError } from '../errors.ts';
import { readRdfFile } from '../rdf/parse.ts';
import { catalogueValidator, shapesFileValidator, validateData } from '../validation/catalogue.ts';
import { hasViolations } from '../validation/report.ts';
import { reportWriters } from '../validation/report-format.ts';
import { type Command, listOption, stringOption } from './command.ts';

/** Reads one input file: an RDF syntax, or (with --from) one of the importers' formats. */
export type InputReader = (file: string, format: string | undefined) => Promise<Quad[]>;

let readInput: InputReader = (file, format) => readRdfFile(file, format);

/** Lets the importers widen what --from accepts. */
export const setInputReader = (reader: InputReader): void => {
  readInput = reader;
};

export const validateCommand: Command = {
  summary: 'Validate catalogues against the ontology and shapes/ (or any SHACL shapes).',
  usage: 'imagegraph validate FILE... [--from FORMAT] [--shapes FILE...] [--report text|turtle|jsonld]',
  options: {
    from: { type: 'string' },
    shapes: { type: 'string', multiple: true },
    report: { type: 'string', default: 'text' },
  },
  async run(values, files, io) {
    const report = stringOption(values, 'report') ?? 'text';
    const write = reportWriters[report];
    if (!write) {
      throw new InputError(`unknown report format '${report}'`, {
        fix: `Use --report ${Object.keys(reportWriters).join(', --report ')}.`,
      });
    }
    if (files.length === 0) throw new InputError('no file to validate', { fix: `Usage: ${this.usage}` });
    const shapeFiles = listOption(values, 'shapes');
    const validator =
      shapeFiles.length > 0 ? await shapesFileValidator(shapeFiles) : await catalogueValidator();
    const data = (await Promise.all(files.map((f) => readInput(f, stringOption(values, 'from'))))).flat();
    const result = validateData(validator, data);
    io.out(await write(result));
    return hasViolations(result) ? 1 : 0;
  },
};
