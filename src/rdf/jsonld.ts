import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { documentLoader } from './document-loader.ts';

export type JsonLdDocument = Record<string, unknown>;

/** QUADS as compacted JSON-LD in CONTEXT (an inline context object; nothing is fetched). */
export async function quadsToJsonLd(
  quads: readonly Quad[],
  context: JsonLdDocument,
): Promise<JsonLdDocument> {
  const expanded = await jsonld.fromRDF(quads as never, { useNativeTypes: false });
  const options = { documentLoader };
  return (await jsonld.compact(expanded, context as never, options as never)) as unknown as JsonLdDocument;
}
