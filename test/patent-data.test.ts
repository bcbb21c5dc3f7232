import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Term } from '@rdfjs/types';
import { Store } from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { loadOntology, loadShapes } from '../src/model/load.ts';
import { paths } from '../src/paths.ts';
import { readRdfFile } from '../src/rdf/parse.ts';
import { instanceIri, prefixes, vocabTerm } from '../src/vocab.ts';
import { engines } from './support/engines.ts';

const file = join(paths.data, 'patent.ttl');
const store = new Store();
store.load(await readFile(file, 'utf8'), { format: 'text/turtle', base_iri: pathToFileURL(file).href });

const kinds = { node: 'node', server: 'image-server', manager: 'manager', image: 'image' } as const;
const sparqlPrefixes = [
  ...Object.entries(prefixes).map(([name, iri]) => `PREFIX ${name}: <${iri}>`),
  ...Object.entries(kinds).map(([name, kind]) => `PREFIX ${name}: <${instanceIri(kind, '')}>`),
].join('\n');

/** The rows of a SELECT query as records of the bound values. */
const select = (query: string): Record<string, string>[] =>
  (store.query(`${sparqlPrefixes}\n${query}`) as Map<string, Term>[]).map((row) =>
    Object.fromEntries([...row].map(([name, term]) => [name, term.value])),
  );

/** The values of the query's only variable, sorted. */
const values = (query: string): string[] =>
  select(query)
    .flatMap((row) => Object.values(row))
    .sort();

const GiB = 1024 ** 3;

describe('FIG. 4, the image ID table', () => {
  it('has exactly the six images of the patent', () => {
    expect(values('SELECT ?id { ?i ig:imageId ?id }')).toEqual([
      '1001',
      '1002',
      '1003',
      '1004',
      '1005',
      '1006',
    ]);
  });

  it.each([
    ['1001', 'template', 'linux', 'Linux', '64', '4.5', '143'],
    ['1002', 'iso', 'linux', 'Linux', '32', '4.1', '712'],
    ['1003', 'iso', 'windows', 'Windows 7', '64', '8.0', '894'],
    ['1004', 'template', 'windows', 'Windows XP', '32', '2.5', '339'],
    ['1005', 'iso', 'macos', 'MacOS', '64', '10.8', '402'],
    ['1006', 'template', 'windows', 'Windows 8', '64', '8.0', '603'],
  ])(
    'image %s: %s, %s (%s), %s-bit, version %s, customer %s',
    (id, type, family, name, bits, version, customer) => {
      const rows = select(`SELECT ?type ?family ?name ?bits ?version ?customer {
      ?i ig:imageId "${id}" ; ig:imageType ?type ; ig:osFamily ?family ; ig:osName ?name ; ig:osBits ?bits ;
        ig:osVersion ?version ; ig:owner/ig:customerId ?customer }`);
      expect(rows).toEqual([
        {
          type: vocabTerm('imageType', type),
          family: vocabTerm('os', family),
          name,
          bits,
          version,
          customer,
        },
      ]);
    },
  );
});

describe('FIG. 5, the cloud node image ID table', () => {
  it('has exactly the six cloud node images of the patent', () => {
    expect(values('SELECT ?id { ?x ig:nodeImageId ?id }')).toEqual([
      '2005',
      '2006',
      '2007',
      '2008',
      '2009',
      '2010',
    ]);
  });

  it.each([
    ['2005', '1001', 'xen', 4, '3007', '123-445'],
    ['2006', '1002', 'kvm', 5, '3008', '3345-67'],
    ['2007', '1001', 'xen', 4, '3009', '234-678'],
    ['2008', '1003', 'vmware', 6, '3012', '832-920'],
    ['2009', '1004', 'kvm', 3, '3020', '402-092'],
    ['2010', '1005', 'vmware', 4, '3015', '703-239'],
  ])('node image %s: image %s, %s, %i GiB, node %s, uuid %s', (id, image, hypervisor, gib, node, uuid) => {
    const rows = select(`SELECT ?image ?hypervisor ?size ?node ?uuid {
      ?x ig:nodeImageId "${id}" ; ig:ofImage/ig:imageId ?image ; ig:hypervisor ?hypervisor ; ig:sizeBytes ?size ;
        ig:onNode/ig:nodeId ?node ; ig:uuidOnNode ?uuid }`);
    expect(rows).toEqual([
      { image, hypervisor: vocabTerm('hypervisor', hypervisor), size: String(gib * GiB), node, uuid },
    ]);
  });
});

describe('the completed example supports the later features', () => {
  const accepts = 'node:3021 ig:acceptsFormat ?f ; ig:vmMode ?m ; ig:architecture ?a ; ig:hypervisor ?h';
  const linux64 =
    '?i ig:imageId ?v ; ig:osFamily os:linux ; ig:osBits 64 ; ig:diskFormat ?f ; ig:requiresVMMode ?m';
  const hypervisorFits = 'FILTER NOT EXISTS { ?i ig:requiresHypervisor ?r FILTER(?r != ?h) }';
  it.each([
    [
      'nodes with one hypervisor',
      '?x ig:nodeId ?v FILTER NOT EXISTS { ?x ig:hypervisor ?a , ?b FILTER(?a != ?b) }',
      '3007 3008 3009 3012 3015 3020 3021 3030',
    ],
    ['providers', '?n ig:provider ?p BIND(STRAFTER(STR(?p), "#") AS ?v)', 'cloudstack openstack'],
    ['XEN nodes', '?x ig:hypervisor hv:xen ; ig:nodeId ?v', '3007 3009 3021'],
    [
      '64-bit Linux images XEN node 3021 can run',
      `${accepts} . ${linux64} ; ig:architecture ?a ${hypervisorFits}`,
      '1001',
    ],
    [
      'nodes running image 1001',
      '?x ig:ofImage image:1001 ; ig:state nis:running ; ig:onNode/ig:nodeId ?v',
      '3007 3009',
    ],
    [
      'nodes with no rule to the image server',
      '?x ig:nodeId ?v ; ig:inZone ?z . server:is-120 ig:inZone ?s FILTER NOT EXISTS { ?z ig:connectsTo ?s }',
      '3020 3021 3030',
    ],
    ['zones node 3030 connects to', 'node:3030 ig:inZone/ig:connectsTo/ig:zoneId ?v', 'noc'],
    ["the manager's zone", 'manager:nm-110 ig:inZone/ig:zoneId ?v', 'noc'],
    [
      'zones the manager connects to',
      'manager:nm-110 ig:inZone/ig:connectsTo/ig:zoneId ?v',
      'dc-vienna dmz-edge dmz-frankfurt dmz-telaviv',
    ],
    ['DMZs', '?x ig:isDMZ true ; ig:zoneId ?v', 'dmz-edge dmz-frankfurt dmz-images dmz-telaviv'],
    ['images the manager stores', '?i ig:storedIn manager:nm-110 ; ig:imageId ?v', '1004'],
  ])('%s', (_name, pattern, expected) => {
    expect(values(`SELECT DISTINCT ?v { ${pattern} }`)).toEqual(expected.split(' '));
  });
});

describe('patent.ttl', () => {
  it('parses with the project parser', async () => {
    expect((await readRdfFile(file)).length).toBe(store.size);
  });

  it.each(Object.entries(engines))(
    'conforms to the shapes with no results at all (%s engine)',
    async (_, validate) => {
      const report = await validate(await loadShapes(), [
        ...(await loadOntology()),
        ...(await readRdfFile(file)),
      ]);
      expect(
        report.results.map((r) => `${r.severity} ${r.focusNode.value} ${r.resultPath}: ${r.messages[0]}`),
      ).toEqual([]);
    },
  );
});
