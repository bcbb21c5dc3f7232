import { ig } from '../vocab.ts';
import type { Importer } from './importer.ts';
import { inContext, jsonLdToQuads } from './linked-data.ts';
import { keyIri, reference } from './nodes.ts';
import { numeric, optional, readTable, required, type TableRow } from './table.ts';
import { hypervisors, lookupToken } from './tokens.ts';

const table = 'the cloud node image table (patent FIG. 5)';
const columns = [
  'Cloud node image id',
  'Image id',
  'Hypervisor',
  'Size',
  'Cloud node id',
  'Cloud node image uuid',
] as const;

const bytesPerGiB = 2 ** 30;

/**
 * The patent's cloud node image ID table (FIG. 5) as CSV: one ig:NodeImage per row, linked to its image
 * (id/image/…) and its cloud node (id/node/…). Size is in GiB and becomes ig:sizeBytes.
 */
export const patentNodeImages: Importer = {
  description: `CSV with the columns of ${table}: ${columns.join(', ')}`,
  async read(path) {
    const rows = await readTable(path, table, columns);
    return jsonLdToQuads(inContext('patent-node-images', rows.map(nodeImage)), path);
  },
};

function nodeImage({ where, cells }: TableRow<(typeof columns)[number]>): Record<string, unknown> {
  const key = required(cells['Cloud node image id'], 'Cloud node image id', where);
  const hypervisor = optional(cells.Hypervisor, (v) => lookupToken(hypervisors, v, 'Hypervisor', where));
  const gib = (v: string) =>
    numeric(v, 'Size', where, 'Write the size in GiB as a number, e.g. 4 or 2.5.', false);
  return {
    '@id': keyIri('node-image', key),
    '@type': ig('NodeImage'),
    'Cloud node image id': key,
    'Image id': keyIri('image', required(cells['Image id'], 'Image id', where)),
    Hypervisor: hypervisor,
    Size: optional(cells.Size, (v) => String(Math.round(gib(v) * bytesPerGiB))),
    // The node runs the hypervisor the image is registered for (one per node, as the shapes require).
    'Cloud node id': optional(cells['Cloud node id'], (v) => ({
      ...reference('node', v),
      Hypervisor: hypervisor,
    })),
    'Cloud node image uuid': optional(cells['Cloud node image uuid']),
  };
}
