import { InputError } from '../errors.ts';
import { findImporter } from '../importers/index.ts';
import { catalogueValidator, shapesFileValidator, validateData } from '../validation/catalogue.ts';
import { hasViolations } from '../validation/report.ts';
import { reportWriters } from '../validation/report-format.ts';
import { type Command, listOption, stringOption } from './command.ts';

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
    const from = stringOption(values, 'from');
    const data = (await Promise.all(files.map((f) => findImporter(from, f).read(f)))).flat();
    const result = validateData(validator, data);
    io.out(await write(result));
    return hasViolations(result) ? 1 : 0;
  },
};
