import { InputError } from '../errors.ts';
import { ig } from '../vocab.ts';
import type { Importer } from './importer.ts';
import { isObject, jsonPointer, readJson } from './json.ts';
import { inContext, jsonLdToQuads } from './linked-data.ts';
import { keyIri, reference } from './nodes.ts';

const notGlance = (path: string, pointer: string, what: string) =>
  new InputError(`this is not an OpenStack Glance image list: ${what}`, {
    where: `${path}#${pointer}`,
    fix: 'Give the body of a Glance GET /v2/images response ({"images": [...], "first": ..., "schema": ...}), or pick the right --from.',
  });

/** Container formats whose images run as containers rather than virtual machines. */
const containerFormats: Readonly<Record<string, string>> = { docker: 'ContainerImage' };

/**
 * An OpenStack Glance GET /v2/images response, mapped by the JSON-LD context contexts/glance.jsonld.
 * The code only names each image (@id from its id), types it, and turns the owner project into a
 * customer node; every property mapping is in the context. Keys the context does not define (created_at,
 * visibility, self, file, protected, virtual_size, custom properties, …) are ignored. A "@context" the
 * response carries is applied after imagegraph's, through the same loader, which refuses remote ones.
 */
export const glance: Importer = {
  description: 'OpenStack Glance GET /v2/images response (JSON)',
  async read(path) {
    const response = await readJson(path);
    if (!isObject(response) || !Array.isArray(response.images)) {
      throw notGlance(path, '', 'it has no "images" array');
    }
    if (response.schema !== undefined && response.schema !== '/v2/schemas/images') {
      throw notGlance(
        path,
        '/schema',
        `its schema is ${JSON.stringify(response.schema)}, not "/v2/schemas/images"`,
      );
    }
    const images = response.images.map((image, i) => node(image, path, jsonPointer('images', i)));
    return jsonLdToQuads(inContext('glance', images, response['@context']), path);
  },
};

function node(image: unknown, path: string, pointer: string): Record<string, unknown> {
  if (!isObject(image)) throw notGlance(path, pointer, 'an image is not a JSON object');
  if (typeof image.id !== 'string' || image.id === '') {
    throw notGlance(path, `${pointer}/id`, 'an image has no "id" string');
  }
  const container = typeof image.container_format === 'string' ? image.container_format : '';
  return {
    ...image,
    '@id': keyIri('image', image.id),
    '@type': ig(containerFormats[container] ?? 'VMImage'),
    owner: typeof image.owner === 'string' && image.owner !== '' ? reference('customer', image.owner) : null,
  };
}
