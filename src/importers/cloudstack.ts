import { InputError } from '../errors.ts';
import { ig } from '../vocab.ts';
import type { Importer } from './importer.ts';
import { isObject, jsonPointer, readJson } from './json.ts';
import { inContext, jsonLdToQuads } from './linked-data.ts';
import { keyIri, reference } from './nodes.ts';
import { parseOsName } from './os-names.ts';
import { hypervisors, lookupToken, type TokenTable } from './tokens.ts';

interface Format {
  readonly diskFormat?: string;
  readonly containerFormat: string;
  readonly imageType: string;
}

/** CloudStack template formats → disk format, envelope and image type (an OVA is VMDK disks in an archive). */
const formats: TokenTable<Format> = {
  qcow2: { diskFormat: 'qcow2', containerFormat: 'bare', imageType: 'template' },
  raw: { diskFormat: 'raw', containerFormat: 'bare', imageType: 'template' },
  vhd: { diskFormat: 'vhd', containerFormat: 'bare', imageType: 'template' },
  vhdx: { diskFormat: 'vhdx', containerFormat: 'bare', imageType: 'template' },
  vmdk: { diskFormat: 'vmdk', containerFormat: 'bare', imageType: 'template' },
  ova: { diskFormat: 'vmdk', containerFormat: 'ova', imageType: 'template' },
  iso: { diskFormat: 'iso', containerFormat: 'bare', imageType: 'iso' },
  tar: { containerFormat: 'compressed', imageType: 'container' },
};

/** isready → lifecycle state: a template that is not ready is still being downloaded or installed. */
const readiness: TokenTable = { true: 'active', false: 'importing' };

/** The checksum prefixes CloudStack writes ({SHA-256}…) that imagegraph records; a bare value is an MD5. */
const checksumAlgorithms: TokenTable = {
  'sha-256': 'sha256',
  'sha-384': 'sha384',
  'sha-512': 'sha512',
  md5: 'md5',
};

const notCloudStack = (path: string, pointer: string, what: string) =>
  new InputError(`this is not a CloudStack listTemplates response: ${what}`, {
    where: `${path}#${pointer}`,
    fix: 'Give the JSON body of a listTemplates call ({"listtemplatesresponse": {"count": N, "template": [...]}}), or pick the right --from.',
  });

/**
 * A CloudStack listTemplates response, mapped by the JSON-LD context contexts/cloudstack.jsonld after a
 * table-driven normalisation of the values a context cannot map: token case (QCOW2, XenServer), the
 * format (disk format, envelope and image type), the checksum prefix and the OS type name
 * ('CentOS 7.2 (64-bit)' → family, distribution, version, bits). Other keys are ignored.
 */
export const cloudstack: Importer = {
  description: 'CloudStack listTemplates response (JSON)',
  async read(path) {
    const response = await readJson(path);
    const body = isObject(response) ? response.listtemplatesresponse : undefined;
    if (!isObject(body)) throw notCloudStack(path, '', 'it has no "listtemplatesresponse" object');
    const templates = body.template ?? [];
    if (!Array.isArray(templates))
      throw notCloudStack(path, '/listtemplatesresponse/template', 'it is not an array');
    const nodes = templates.map((t, i) =>
      node(t, `${path}#${jsonPointer('listtemplatesresponse', 'template', i)}`),
    );
    return jsonLdToQuads(inContext('cloudstack', nodes), path);
  },
};

function node(template: unknown, where: string): Record<string, unknown> {
  if (!isObject(template) || typeof template.id !== 'string' || template.id === '') {
    throw new InputError('a template is not an object with an "id" string', {
      where,
      fix: 'Give each template the "id" CloudStack lists for it.',
    });
  }
  /** F of the string at KEY, or null (which JSON-LD drops) when there is none. */
  const map = <T>(key: string, f: (value: string, where: string) => T): T | null => {
    const value = template[key];
    return typeof value === 'string' && value !== '' ? f(value, `${where}/${key}`) : null;
  };
  const format = map('format', (v, at) => lookupToken(formats, v, 'template format', at));
  return {
    ...template,
    '@id': keyIri('image', template.id),
    '@type': ig(format?.imageType === 'container' ? 'ContainerImage' : 'VMImage'),
    format,
    hypervisor: map('hypervisor', (v, at) => lookupToken(hypervisors, v, 'hypervisor', at)),
    isready: typeof template.isready === 'boolean' ? readiness[String(template.isready)] : null,
    checksum: map('checksum', checksum),
    ostypename: map('ostypename', osType),
    account: map('account', (v) => reference('customer', v)),
  };
}

function osType(name: string): Record<string, string | number | undefined> {
  const os = parseOsName(name);
  const { family, distribution, version, bits } = os;
  return {
    osName: os.name,
    osFamily: family,
    osDistribution: distribution,
    osVersion: version,
    osBits: bits,
  };
}

/** '{SHA-256}ab…' → algorithm and value; 'ab…' → an MD5. */
function checksum(value: string, where: string): Record<string, string> {
  const [, prefix, digest] = /^\{([^}]+)\}(.*)$/.exec(value) ?? [];
  const algorithm =
    prefix === undefined ? 'md5' : lookupToken(checksumAlgorithms, prefix, 'checksum algorithm', where);
  const hex = (digest ?? value).toLowerCase();
  return algorithm === 'md5' ? { md5: hex } : { hashAlgorithm: algorithm, hashValue: hex };
}
