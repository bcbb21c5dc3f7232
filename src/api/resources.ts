import { ig } from '../vocab.ts';

/** One collection of the REST API: what it lists, how its members are named, and what a client may ask. */
export interface ResourceKind {
  /** The collection's path segment under /api/, e.g. images. */
  readonly path: string;
  /** The class whose instances (its subclasses' included) the collection holds. */
  readonly class: string;
  /** The classes a member may state as its type (@type); the first is the default on create. */
  readonly types: readonly string[];
  /** Members are named <ID_BASE><idKind>/<id>. */
  readonly idKind: string;
  /** The property whose value is the member's id; without one, the service mints ids on create. */
  readonly idProperty?: string;
  /** Query parameters that filter the list: parameter → the JSON name of the property it matches. */
  readonly filters: readonly string[];
  /** The JSON names the list can be sorted by (single-valued, required properties), the id first. */
  readonly sorts: readonly string[];
  /** Append and read only (usage records): no replace, patch or delete. */
  readonly appendOnly?: boolean;
}

/** The collections, in the order the API describes them. */
export const resourceKinds: readonly ResourceKind[] = [
  {
    path: 'images',
    class: ig('Image'),
    types: [ig('VMImage'), ig('ContainerImage')],
    idKind: 'image',
    idProperty: ig('imageId'),
    filters: [
      'osFamily',
      'osBits',
      'osVersion',
      'osDistribution',
      'imageType',
      'diskFormat',
      'owner',
      'lifecycleState',
    ],
    sorts: ['imageId', 'owner'],
  },
  {
    path: 'node-images',
    class: ig('NodeImage'),
    types: [ig('NodeImage')],
    idKind: 'node-image',
    idProperty: ig('nodeImageId'),
    filters: ['onNode', 'ofImage', 'hypervisor', 'state'],
    sorts: ['nodeImageId', 'onNode', 'ofImage'],
  },
  {
    path: 'nodes',
    class: ig('CloudNode'),
    types: [ig('CloudNode')],
    idKind: 'node',
    idProperty: ig('nodeId'),
    filters: ['provider', 'hypervisor', 'inZone', 'jurisdiction', 'architecture'],
    sorts: ['nodeId', 'provider', 'hypervisor'],
  },
  {
    path: 'zones',
    class: ig('NetworkZone'),
    types: [ig('NetworkZone')],
    idKind: 'zone',
    idProperty: ig('zoneId'),
    filters: ['isDMZ', 'connectsTo'],
    sorts: ['zoneId'],
  },
  {
    path: 'repositories',
    class: ig('Repository'),
    types: [ig('Repository')],
    idKind: 'repository',
    idProperty: ig('siteId'),
    filters: ['inZone', 'jurisdiction', 'supportsFormat', 'stores'],
    sorts: ['siteId'],
  },
  {
    path: 'image-servers',
    class: ig('ImageServer'),
    types: [ig('ImageServer')],
    idKind: 'image-server',
    idProperty: ig('siteId'),
    filters: ['inZone', 'jurisdiction', 'stores'],
    sorts: ['siteId'],
  },
  {
    path: 'fragments',
    class: ig('Fragment'),
    types: [ig('Fragment')],
    idKind: 'fragment',
    idProperty: ig('contentHash'),
    filters: ['fragmentOf', 'storedIn'],
    sorts: ['contentHash'],
  },
  {
    path: 'slas',
    class: ig('SLA'),
    types: [ig('SLA')],
    idKind: 'sla',
    filters: ['slaFor', 'allowedJurisdiction', 'priority'],
    sorts: [],
  },
  {
    path: 'usage',
    class: ig('UsageRecord'),
    types: [ig('Download'), ig('Transfer')],
    idKind: 'usage',
    filters: ['usedImage', 'source', 'target'],
    sorts: [],
    appendOnly: true,
  },
];
