import { InputError } from '../errors.ts';

/** One CSV record and the line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Reads RFC 4180 CSV: comma-separated fields, optionally enclosed in double quotes (a quote inside is
 * doubled; quoted fields may span lines), records ended by CRLF, LF or CR. A leading byte-order mark and
 * empty lines are skipped. Syntax errors are InputErrors at WHERE:LINE.
 */
export function parseCsv(text: string, where: string): CsvRecord[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let closed = false; // the field's closing quote has been read
  let quotedRecord = false; // an empty line is skipped, a line holding "" is not
  let line = 1;
  let start = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    closed = false;
  };
  const endRecord = () => {
    endField();
    if (fields.length > 1 || fields[0] !== '' || quotedRecord) records.push({ line: start, fields });
    fields = [];
    quotedRecord = false;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as string;
    const newline = c === '\n' || (c === '\r' && input[i + 1] !== '\n');
    if (inQuotes) {
      if (c !== '"') field += c;
      else if (input[i + 1] === '"') field += input[++i];
      else [inQuotes, closed] = [false, true];
      if (newline) line++;
    } else if (c === ',') endField();
    else if (c === '\r' && !newline) continue;
    else if (newline) {
      endRecord();
      start = ++line;
    } else if (c === '"' && !closed && field.trim() === '') {
      [field, inQuotes, quotedRecord] = ['', true, true];
    } else if (c === '"' || (closed && c.trim() !== '')) throw strayQuote(where, line);
    else if (!closed) field += c;
  }
  if (inQuotes) {
    throw new InputError('a quoted field is never closed', {
      where: `${where}:${start}`,
      fix: 'Add the closing double quote; a quote inside a quoted field is written twice ("").',
    });
  }
  if (field !== '' || fields.length > 0 || quotedRecord) endRecord();
  return records;
}

function strayQuote(where: string, line: number): InputError {
  return new InputError('a double quote stands inside a field that is not enclosed in quotes', {
    where: `${where}:${line}`,
    fix: 'Enclose the whole field in double quotes and write each quote inside it twice ("").',
  });
}
