import { type InstanceKind, ig, instanceIri } from '../vocab.ts';

/** The instance IRI for an identifier read from a file, percent-encoded (ids may hold spaces or slashes). */
export const keyIri = (kind: InstanceKind, key: string): string => instanceIri(kind, encodeURIComponent(key));

/** What a reference to another resource says about it: its class and its identifying property. */
const referenced = {
  customer: { class: ig('Customer'), key: ig('customerId') },
  node: { class: ig('CloudNode'), key: ig('nodeId') },
} as const;

/**
 * A JSON-LD node object for a resource a record refers to by identifier (an image's owner, a node image's
 * cloud node), typed and keyed so that the reference stands on its own. It uses full IRIs, not terms,
 * so that the source formats' contexts stay mappings of their own keys only.
 */
export function reference(kind: keyof typeof referenced, key: string): Record<string, unknown> {
  const { class: type, key: keyProperty } = referenced[kind];
  return { '@id': keyIri(kind, key), '@type': type, [keyProperty]: key };
}
