import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { InputError } from '../errors.ts';

export type JsonLdDocument = Record<string, unknown>;

/**
 * A JSON-LD document loader that knows only the documents given to it: data never makes imagegraph fetch
 * a remote context. Anything else is refused with an InputError.
 */
export function fixedDocumentLoader(known: Record<string, unknown>) {
  return async (url: string) => {
    if (Object.hasOwn(known, url)) return { contextUrl: undefined, documentUrl: url, document: known[url] };
    throw new InputError(
      `the JSON-LD refers to the remote document <${url}>, which imagegraph does not fetch`,
      {
        fix: 'Inline the @context in the document, or use the context imagegraph publishes.',
      },
    );
  };
}

/** QUADS as compacted JSON-LD in CONTEXT (an inline context object; nothing is fetched). */
export async function quadsToJsonLd(
  quads: readonly Quad[],
  context: JsonLdDocument,
): Promise<JsonLdDocument> {
  const expanded = await jsonld.fromRDF(quads as never, { useNativeTypes: false });
  const options = { documentLoader: fixedDocumentLoader({}) };
  return (await jsonld.compact(expanded, context as never, options as never)) as unknown as JsonLdDocument;
}
