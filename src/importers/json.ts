import { InputError } from '../errors.ts';
import { readText } from '../rdf/parse.ts';

/** Reads a JSON file; invalid JSON is an InputError at FILE:LINE:COLUMN. */
export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, position).split('\n');
    const column = (before.at(-1)?.length ?? 0) + 1;
    throw new InputError(`invalid JSON: ${message.replace(/ in JSON at position.*$/, '')}`, {
      where: `${path}:${before.length}:${column}`,
      fix: 'Correct the JSON syntax at the place named (a missing comma, quote or bracket is the usual cause).',
      cause: error,
    });
  }
}

/** A JSON Pointer (RFC 6901) for the path SEGMENTS, e.g. /images/3/id. */
export const jsonPointer = (...segments: (string | number)[]): string =>
  segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
