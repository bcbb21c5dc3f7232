import { instanceIri } from '../vocab.ts';

/**
 * How generated entities are numbered. Numeric identifiers start above the patent's (images 1001…,
 * node images 2005…, nodes 3007…, customers 143…) so a generated federation and data/patent.ttl can
 * share one store without clashing.
 */
const numbered = (offset: number) => (index: number) => String(offset + index);
const padded = (prefix: string, width: number) => (index: number) =>
  `${prefix}${String(index + 1).padStart(width, '0')}`;

export const localIds = {
  image: numbered(100_001),
  nodeImage: numbered(200_001),
  node: numbered(300_001),
  customer: numbered(400_001),
  sla: numbered(1),
  usage: numbered(1),
  repository: padded('repo-', 3),
  imageServer: padded('is-', 2),
  manager: padded('nm-', 2),
  dataCentreZone: padded('dc-', 2),
} as const;

export const generatedIri = {
  image: (i: number) => instanceIri('image', localIds.image(i)),
  nodeImage: (i: number) => instanceIri('node-image', localIds.nodeImage(i)),
  node: (i: number) => instanceIri('node', localIds.node(i)),
  customer: (i: number) => instanceIri('customer', localIds.customer(i)),
  sla: (i: number) => instanceIri('sla', localIds.sla(i)),
  usage: (i: number) => instanceIri('usage', localIds.usage(i)),
  fragment: (contentHash: string) => instanceIri('fragment', contentHash),
} as const;

/** Running numbers of the entities that images bring along, shared by all images of a federation. */
export interface Counters {
  nodeImage: number;
  sla: number;
  usage: number;
}
