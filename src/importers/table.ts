import { InputError } from '../errors.ts';
import { readText } from '../rdf/parse.ts';
import { parseCsv } from './csv.ts';

/** One data row of a table: its cells by column heading, and where it is (FILE:LINE) for messages. */
export interface TableRow<Column extends string> {
  readonly where: string;
  readonly cells: Readonly<Record<Column, string>>;
}

/**
 * Reads the CSV file at PATH as the table NAME whose header must be exactly COLUMNS. Cells are trimmed;
 * a wrong header or a row with the wrong number of fields is an InputError naming the line.
 */
export async function readTable<const Columns extends readonly string[]>(
  path: string,
  name: string,
  columns: Columns,
): Promise<TableRow<Columns[number]>[]> {
  const [header, ...rows] = parseCsv(await readText(path), path);
  const expected = columns.join(',');
  if (!header || header.fields.map((f) => f.trim()).join(',') !== expected) {
    const found = header ? `the header is '${header.fields.join(',')}'` : 'the file is empty';
    throw new InputError(`${found}, but ${name} needs the header '${expected}'`, {
      where: `${path}:${header?.line ?? 1}`,
      fix: `Make the first line exactly: ${expected}`,
    });
  }
  return rows.map(({ line, fields }) => {
    const where = `${path}:${line}`;
    if (fields.length !== columns.length) {
      throw new InputError(`the row has ${fields.length} fields but the header has ${columns.length}`, {
        where,
        fix: `Give every row the fields ${expected}; enclose a field that contains a comma in double quotes.`,
      });
    }
    const cells = Object.fromEntries(columns.map((c, i) => [c, (fields[i] ?? '').trim()]));
    return { where, cells: cells as Record<Columns[number], string> };
  });
}

/** F of a cell's VALUE, or null (which JSON-LD drops) when the cell is empty. */
export const optional = <T>(value: string, f: (v: string) => T = (v) => v as T): T | null =>
  value === '' ? null : f(value);

/** A cell that must not be empty. */
export function required(value: string, column: string, where: string): string {
  if (value === '') {
    throw new InputError(`the ${column} is empty`, { where, fix: `Give every row its ${column}.` });
  }
  return value;
}

/** A cell that must hold a non-negative number (a whole one when WHOLE). */
export function numeric(value: string, column: string, where: string, fix: string, whole = true): number {
  if (!(whole ? /^\d+$/ : /^\d+(\.\d+)?$/).test(value)) {
    throw new InputError(`${column} '${value}' is not a ${whole ? 'whole ' : ''}number`, { where, fix });
  }
  return Number(value);
}
