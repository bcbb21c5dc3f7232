import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { termString } from '../src/rdf/terms.ts';
import { ig, instanceIri, rdf, rdfs, vocabularies as v, xsd } from '../src/vocab.ts';
import { runCli, tempFiles } from './support/cli.ts';

const fx = (path: string) => `test/fixtures/${path}`;
const img = (key: string) => instanceIri('image', key);
const iri = (value: string) => `<${value}>`;
const str = (value: string) => `${JSON.stringify(value)}^^<${xsd('string')}>`;
const int = (value: number) => `"${value}"^^<${xsd('integer')}>`;

const run = (...args: string[]) => runCli(args);

/** The statements of Turtle TEXT as "<s> <p> object" strings. */
const statements = (text: string): Set<string> =>
  new Set(
    new Parser()
      .parse(text)
      .map((q) => `<${q.subject.value}> <${q.predicate.value}> ${termString(q.object)}`),
  );

const patentImages = ['patent-images', fx('patent/fig4-images.csv')];
const patentNodeImages = ['patent-node-images', fx('patent/fig5-node-images.csv')];
const glance = ['glance', fx('glance/images.json')];
const cloudstack = ['cloudstack', fx('cloudstack/listTemplates.json')];
const brokenJson = tempFiles({
  'broken.json': '{\n  "images": [\n    { "id": "a1", "name": "x", }\n  ]\n}\n',
})('broken.json');
const remoteJsonLd = tempFiles({
  'remote.jsonld': '{"@context": "http://127.0.0.1:1/context.jsonld", "@id": "urn:x", "p": 1}',
})('remote.jsonld');
const ubuntu = img('7b9a4c3e-2f1d-4e8a-9c6b-5d3e2f1a0b9c');
const windows = img('d4f1e2c3-b5a6-4978-8e1d-2c3b4a596877');
const centos = img('5e1a7c34-0b2d-4f61-9a8e-3c7d2b1f0e45');
const ova = img('c4a8f2e6-7d1b-4b93-a5c0-6e2d8f4b1a37');

describe('imagegraph convert writes Turtle with the key statements', () => {
  it.each([
    [patentImages, img('1001'), rdf('type'), iri(ig('VMImage'))],
    [patentImages, img('1001'), ig('imageType'), iri(`${v.imageType}template`)],
    [patentImages, img('1002'), ig('imageType'), iri(`${v.imageType}iso`)],
    [patentImages, img('1002'), ig('osBits'), int(32)],
    [patentImages, img('1003'), ig('osFamily'), iri(`${v.os}windows`)],
    [patentImages, img('1003'), ig('osName'), str('Windows 7')],
    [patentImages, img('1005'), ig('osFamily'), iri(`${v.os}macos`)],
    [patentImages, img('1005'), ig('osVersion'), str('10.8')],
    [patentImages, img('1005'), ig('owner'), iri(instanceIri('customer', '402'))],
    [patentImages, instanceIri('customer', '402'), ig('customerId'), str('402')],
    [patentNodeImages, instanceIri('node-image', '2005'), ig('ofImage'), iri(img('1001'))],
    [patentNodeImages, instanceIri('node-image', '2005'), ig('hypervisor'), iri(`${v.hypervisor}xen`)],
    [patentNodeImages, instanceIri('node-image', '2006'), ig('sizeBytes'), int(5 * 2 ** 30)],
    [patentNodeImages, instanceIri('node-image', '2008'), ig('hypervisor'), iri(`${v.hypervisor}vmware`)],
    [patentNodeImages, instanceIri('node-image', '2010'), ig('uuidOnNode'), str('703-239')],
    [patentNodeImages, instanceIri('node', '3012'), ig('hypervisor'), iri(`${v.hypervisor}vmware`)],
    [glance, ubuntu, ig('diskFormat'), iri(`${v.format}qcow2`)],
    [glance, ubuntu, ig('containerFormat'), iri(`${v.container}bare`)],
    [glance, ubuntu, ig('lifecycleState'), iri(`${v.status}active`)],
    [glance, ubuntu, ig('architecture'), iri(`${v.arch}x86_64`)],
    [glance, ubuntu, ig('requiresHypervisor'), iri(`${v.hypervisor}kvm`)],
    [glance, ubuntu, ig('requiresVMMode'), iri(`${v.vmMode}hvm`)],
    [glance, ubuntu, ig('functionality'), str('wordpress')],
    [glance, ubuntu, ig('osDistribution'), str('ubuntu')],
    [glance, ubuntu, ig('minRamMB'), int(1024)],
    [glance, ubuntu, rdfs('label'), str('ubuntu-22.04-server-cloudimg-amd64')],
    [glance, windows, ig('osFamily'), iri(`${v.os}windows`)],
    [glance, windows, ig('requiresHypervisor'), iri(`${v.hypervisor}hyperv`)],
    [glance, windows, ig('hypervisorVersionRequires'), str('>=10.0')],
    [glance, windows, ig('owner'), iri(instanceIri('customer', 'a1b2c3d4e5f60718293a4b5c6d7e8f90'))],
    [
      glance,
      img('0e5c8d7a-61b4-4f3e-a2d9-8b7c6e5f4a31'),
      ig('lifecycleState'),
      iri(`${v.status}deactivated`),
    ],
    [glance, img('6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d'), rdf('type'), iri(ig('ContainerImage'))],
    [glance, img('1bea47ed-f6a9-463b-b423-14b9cca9ad27'), ig('sizeBytes'), int(13167616)],
    [cloudstack, centos, ig('osFamily'), iri(`${v.os}linux`)],
    [cloudstack, centos, ig('osDistribution'), str('centos')],
    [cloudstack, centos, ig('osVersion'), str('7.2')],
    [cloudstack, centos, ig('osBits'), int(64)],
    [cloudstack, centos, ig('diskFormat'), iri(`${v.format}qcow2`)],
    [cloudstack, centos, ig('requiresHypervisor'), iri(`${v.hypervisor}kvm`)],
    [
      cloudstack,
      centos,
      ig('sourceURL'),
      `"https://images.example.org/centos/7.2/centos-7.2-x86_64.qcow2"^^<${xsd('anyURI')}>`,
    ],
    [
      cloudstack,
      img('b7e3d9a1-4c6f-4e28-8d0b-1f5a9c3e7d26'),
      ig('requiresHypervisor'),
      iri(`${v.hypervisor}xen`),
    ],
    [cloudstack, img('b7e3d9a1-4c6f-4e28-8d0b-1f5a9c3e7d26'), ig('hashAlgorithm'), str('sha256')],
    [cloudstack, ova, ig('diskFormat'), iri(`${v.format}vmdk`)],
    [cloudstack, ova, ig('containerFormat'), iri(`${v.container}ova`)],
    [cloudstack, ova, ig('owner'), iri(instanceIri('customer', 'acme-corp'))],
    [
      cloudstack,
      img('e9d1b5f3-2a7c-4d84-b6e0-8f3c1a5d9b72'),
      ig('lifecycleState'),
      iri(`${v.status}importing`),
    ],
    [cloudstack, img('f2c6a0e4-8b3d-4f15-9c7a-0d4e8b2f6c93'), rdf('type'), iri(ig('ContainerImage'))],
    [['jsonld', fx('rdf/image.jsonld')], img('7001'), ig('imageId'), str('7001')],
    [['trig', fx('rdf/catalogue.trig')], img('7002'), ig('imageId'), str('7002')],
    [['turtle', fx('entice/native.ttl')], img('redis-centos'), ig('osVersion'), str('7.2')],
  ])('%j: <%s> <%s> %s', async ([from, file], subject, predicate, object) => {
    const { code, out, err } = await run('convert', '--from', from as string, file as string);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(statements(out)).toContain(`<${subject}> <${predicate}> ${object}`);
  });

  it.each([
    ['the RDF syntax comes from the extension', [fx('rdf/catalogue.trig')]],
    ['named graphs are merged', ['--from', 'trig', fx('rdf/catalogue.trig')]],
  ])('%s', async (_, args) => {
    const { code, out } = await run('convert', ...args);
    expect(code).toBe(0);
    expect(statements(out).size).toBe(4);
  });

  it('ignores the Glance keys its context does not map', async () => {
    const { out } = await run('convert', '--from', 'glance', fx('glance/images.json'));
    const predicates = new Set(new Parser().parse(out).map((q) => q.predicate.value));
    expect(
      [...predicates].filter((p) => !p.startsWith(ig()) && p !== rdf('type') && p !== rdfs('label')),
    ).toEqual([]);
    expect(out).not.toMatch(/virtio|visibility|"public"|created_at|v2\/images/);
  });
});

describe('imagegraph convert refuses bad input with exit 2, saying what and where', () => {
  it.each([
    [
      ['--from', 'xlsx', fx('patent/fig4-images.csv')],
      /unknown input format 'xlsx'\n {2}Use one of: turtle, .*glance, cloudstack/,
    ],
    [['--from', 'glance', fx('glance/missing.json')], /glance\/missing\.json: cannot read the file: ENOENT/],
    [[fx('patent/fig4-images.csv')], /fig4-images\.csv: cannot tell the RDF syntax of a '\.csv' file/],
    [[fx('bad/broken.ttl')], /bad\/broken\.ttl: invalid turtle: .*line 5/],
    [
      ['--from', 'patent-images', fx('bad/wrong-header.csv')],
      /wrong-header\.csv:1: the header is .* needs the header 'Image id,Image type,Os type,Os bits,Os version,Customer id'/,
    ],
    [
      ['--from', 'patent-images', fx('bad/empty.csv')],
      /empty\.csv:1: the file is empty, but the image table \(patent FIG\. 4\) needs the header/,
    ],
    [
      ['--from', 'patent-node-images', fx('patent/fig4-images.csv')],
      /fig4-images\.csv:1: .*needs the header 'Cloud node image id,Image id,Hypervisor,Size,Cloud node id,Cloud node image uuid'/,
    ],
    [
      ['--from', 'patent-images', fx('bad/short-row.csv')],
      /short-row\.csv:3: the row has 5 fields but the header has 6/,
    ],
    [
      ['--from', 'patent-images', fx('bad/bad-bits.csv')],
      /bad-bits\.csv:2: Os bits 'sixty-four' is not a whole number/,
    ],
    [['--from', 'patent-images', fx('bad/bad-os.csv')], /bad-os\.csv:2: unknown Os type 'BeOS'/],
    [
      ['--from', 'patent-node-images', fx('bad/bad-hypervisor.csv')],
      /bad-hypervisor\.csv:2: unknown Hypervisor 'Hyper-Z'\n {2}Use one of: kvm/,
    ],
    [
      ['--from', 'glance', brokenJson],
      /broken\.json:3:32: invalid JSON: Expected double-quoted property name/,
    ],
    [
      ['--from', 'glance', fx('cloudstack/listTemplates.json')],
      /listTemplates\.json#: this is not an OpenStack Glance image list: it has no "images" array/,
    ],
    [
      ['--from', 'glance', fx('bad/glance-no-id.json')],
      /glance-no-id\.json#\/images\/1\/id: this is not an OpenStack Glance image list: an image has no "id"/,
    ],
    [
      ['--from', 'cloudstack', fx('glance/images.json')],
      /images\.json#: this is not a CloudStack listTemplates response/,
    ],
    [
      ['--from', 'cloudstack', fx('bad/cloudstack-format.json')],
      /cloudstack-format\.json#\/listtemplatesresponse\/template\/0\/format: unknown template format 'QED'/,
    ],
    [['--from', 'glance'], /no FILE to convert/],
    [[remoteJsonLd], /remote\.jsonld: invalid jsonld: .*remote context/i],
  ])('%j', async (args, message) => {
    const { code, out, err } = await run('convert', ...args);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toMatch(/^imagegraph convert: /);
    expect(err).toMatch(message);
  });

  it('refuses a remote "@context" in a Glance response without fetching it', async () => {
    let requests = 0;
    const server = createServer((_, response) => {
      requests++;
      response.end('{"@context": {}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/context.jsonld`;
      const images = { '@context': url, images: [{ id: 'a1', disk_format: 'raw' }] };
      const file = tempFiles({ 'images.json': JSON.stringify(images) })('images.json');
      const { code, err } = await run('convert', '--from', 'glance', file);
      expect(code).toBe(2);
      expect(err).toContain(`images.json: refused to load the JSON-LD context <${url}>`);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});
