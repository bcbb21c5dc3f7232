import { InputError } from '../errors.ts';
import { ig } from '../vocab.ts';
import type { Importer } from './importer.ts';
import { inContext, jsonLdToQuads } from './linked-data.ts';
import { keyIri, reference } from './nodes.ts';
import { parseOsName } from './os-names.ts';
import { numeric, optional, readTable, required, type TableRow } from './table.ts';
import { lookupToken, type TokenTable } from './tokens.ts';

const table = 'the image table (patent FIG. 4)';
const columns = ['Image id', 'Image type', 'Os type', 'Os bits', 'Os version', 'Customer id'] as const;

const imageTypes: TokenTable = { template: 'template', iso: 'iso', snapshot: 'snapshot' };

/** The patent's image ID table (FIG. 4) as CSV: one ig:VMImage per row, owned by an ig:Customer. */
export const patentImages: Importer = {
  description: `CSV with the columns of ${table}: ${columns.join(', ')}`,
  async read(path) {
    const rows = await readTable(path, table, columns);
    return jsonLdToQuads(inContext('patent-images', rows.map(image)), path);
  },
};

/** A row as a JSON-LD node: the cells keep their headings, which the context maps. */
function image({ where, cells }: TableRow<(typeof columns)[number]>): Record<string, unknown> {
  const key = required(cells['Image id'], 'Image id', where);
  return {
    '@id': keyIri('image', key),
    '@type': ig('VMImage'),
    'Image id': key,
    'Image type': optional(cells['Image type'], (v) => lookupToken(imageTypes, v, 'Image type', where)),
    'Os type': optional(cells['Os type'], (v) => osType(v, where)),
    'Os bits': optional(cells['Os bits'], (v) =>
      numeric(v, 'Os bits', where, 'Write the word size: 32 or 64.'),
    ),
    'Os version': optional(cells['Os version']),
    'Customer id': optional(cells['Customer id'], (v) => reference('customer', v)),
  };
}

/** 'Linux' → the family only; 'Windows 7' → the family and the product name. */
function osType(text: string, where: string): Record<string, string | undefined> {
  const os = parseOsName(text);
  if (!os.family) {
    throw new InputError(`unknown Os type '${text}'`, {
      where,
      fix: "Name the operating system by its family or product, e.g. 'Linux', 'Windows 7' or 'MacOS'.",
    });
  }
  return { osFamily: os.family, osName: os.specific ? os.name : undefined };
}
