import type { Quad, Term } from '@rdfjs/types';
import type { JsonLdDocument } from 'jsonld';
import jsonld from 'jsonld';
import { InputError, isInputError } from '../errors.ts';
import { documentLoader } from '../rdf/document-loader.ts';
import { factory } from '../rdf/terms.ts';
import { contextIri } from '../vocab.ts';

/**
 * A JSON-LD document of NODES read through imagegraph's context NAME (src/importers/contexts/NAME.jsonld),
 * followed by the contexts, if any, that the source file carried itself.
 */
export const inContext = (name: string, nodes: unknown[], ownContext: unknown = []): JsonLdDocument =>
  ({
    '@context': [contextIri(name), ...(Array.isArray(ownContext) ? ownContext : [ownContext])],
    '@graph': nodes,
  }) as JsonLdDocument;

/** A statement as jsonld.js returns it: RDF/JS-shaped terms without the Quad wrapper. */
interface PlainQuad {
  subject: Term;
  predicate: Term;
  object: Term;
  graph: Term;
}

const term = (t: Term): Term => factory.fromTerm(t as Parameters<typeof factory.fromTerm>[0]) as Term;

/**
 * The RDF of a JSON-LD DOCUMENT, expanded with imagegraph's fixed document loader.
 * Keys that no context defines are dropped (JSON-LD's usual rule): that is how unknown API keys are ignored.
 */
export async function jsonLdToQuads(document: JsonLdDocument, where: string): Promise<Quad[]> {
  let plain: PlainQuad[];
  try {
    plain = (await jsonld.toRDF(document, { documentLoader })) as PlainQuad[];
  } catch (error) {
    const inner = inputErrorIn(error);
    if (inner) throw new InputError(inner.message, { where, fix: inner.fix, cause: error });
    throw new InputError(`cannot read the file as JSON-LD: ${(error as Error).message}`, {
      where,
      fix: 'Correct or remove the JSON-LD keywords (keys starting with "@") the file carries.',
      cause: error,
    });
  }
  return plain.map((q) =>
    factory.quad(
      term(q.subject) as Quad['subject'],
      term(q.predicate) as Quad['predicate'],
      term(q.object) as Quad['object'],
      term(q.graph) as Quad['graph'],
    ),
  );
}

/** The InputError the document loader threw, which jsonld.js wraps in its own errors. */
function inputErrorIn(error: unknown): InputError | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    if (isInputError(e)) return e;
    const next = e as { cause?: unknown; details?: { cause?: unknown } };
    e = next.details?.cause ?? next.cause;
  }
  return undefined;
}
