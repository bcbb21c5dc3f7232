import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { paths } from '../paths.ts';

const cache = new Map<string, Promise<string>>();

/** The text of the named query queries/NAME.rq, e.g. namedQuery('align/apply-alignment'). */
export function namedQuery(name: string): Promise<string> {
  const cached = cache.get(name);
  if (cached) return cached;
  const text = readFile(join(paths.queries, `${name}.rq`), 'utf8');
  cache.set(name, text);
  return text;
}
