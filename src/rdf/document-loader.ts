import { readdir, readFile } from 'node:fs/promises';
import type { RemoteDocument } from 'jsonld/jsonld-spec.js';
import { InputError } from '../errors.ts';
import { CONTEXT_BASE } from '../vocab.ts';

const contextsDir = new URL('../importers/contexts/', import.meta.url);
let ownNames: Promise<string[]> | undefined;

/** The names of imagegraph's own context files, e.g. 'glance.jsonld'. */
const ownContexts = (): Promise<string[]> => {
  ownNames ??= readdir(contextsDir).then((names) => names.filter((n) => n.endsWith('.jsonld')));
  return ownNames;
};

/**
 * The only JSON-LD document loader imagegraph uses. It serves imagegraph's own contexts
 * (CONTEXT_BASE + a file of src/importers/contexts/) and refuses every other URL, so that data never
 * triggers a remote fetch.
 */
export async function documentLoader(url: string): Promise<RemoteDocument> {
  const name = url.startsWith(CONTEXT_BASE) ? url.slice(CONTEXT_BASE.length) : '';
  if ((await ownContexts()).includes(name)) {
    const text = await readFile(new URL(name, contextsDir), 'utf8');
    return { contextUrl: undefined, documentUrl: url, document: JSON.parse(text) };
  }
  throw new InputError(`refused to load the JSON-LD context <${url}>: imagegraph never fetches documents`, {
    fix: 'Remove the "@context" reference from the file, or put the context itself (a JSON object) in its place.',
  });
}
