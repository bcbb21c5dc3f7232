import { ig, vocabTerm } from '../vocab.ts';
import { localIds } from './ids.ts';
import type { NTriplesWriter } from './ntriples.ts';
import type { Preset } from './presets.ts';
import type { Random } from './random.ts';
import { emitSite, placeSite, type Site } from './sites.ts';
import { type Stack, stacks, vmStacks } from './tables/stacks.ts';
import type { Network } from './zones.ts';

/** A generated cloud node: a site running one provider and one hypervisor. */
export interface CloudNode extends Site {
  readonly index: number;
  readonly stack: Stack;
  readonly hypervisorVersion: string;
}

/** Where each provider's API listens. */
const apis: Record<string, string> = {
  openstack: ':8774/v2.1',
  cloudstack: ':8080/client/api',
  opennebula: ':2633/RPC2',
  vsphere: '/sdk',
  kubernetes: ':6443/',
};

/** Clouds spread round-robin over the data-centre zones, so that every zone, isolated DMZs too, has some. */
export function planNodes(preset: Preset, network: Network, random: Random): CloudNode[] {
  const centres = network.zones.filter((z) => z.role === 'datacentre');
  const choices = (preset.vmOnly ? vmStacks : stacks).map((s) => ({ weight: s.weight, value: s }));
  return Array.from({ length: preset.nodes }, (_, index) => {
    const stack = random.weighted(choices);
    const zone = centres[index % centres.length]!;
    const site = placeSite(
      {
        kind: 'node',
        id: localIds.node(index),
        zone,
        domain: 'cloud.example.org',
        endpoints: [apis[stack.provider] ?? '/'],
        capacityTiB: [2, 64],
      },
      random,
    );
    return { ...site, index, stack, hypervisorVersion: random.pick(stack.versions) };
  });
}

export function emitNodes(out: NTriplesWriter, nodes: readonly CloudNode[]): void {
  for (const node of nodes) {
    const s = node.iri;
    emitSite(out, node, ig('CloudNode'), ig('nodeId'));
    out.iri(s, ig('provider'), vocabTerm('provider', node.stack.provider));
    out.iri(s, ig('hypervisor'), vocabTerm('hypervisor', node.stack.hypervisor));
    out.string(s, ig('hypervisorVersion'), node.hypervisorVersion);
    for (const arch of node.stack.archs) out.iri(s, ig('architecture'), vocabTerm('arch', arch));
    for (const mode of node.stack.vmModes) out.iri(s, ig('vmMode'), vocabTerm('vmMode', mode));
    for (const format of node.stack.formats) out.iri(s, ig('acceptsFormat'), vocabTerm('format', format));
  }
}

/** What an image needs from a node. */
export interface Requirements {
  readonly format: string;
  readonly arch: string;
  readonly vmMode: string;
  readonly container: boolean;
}

/** Whether NODE can register and run an image with these requirements. */
export const nodeRuns = (node: CloudNode, needs: Requirements): boolean =>
  node.stack.containers === needs.container &&
  node.stack.formats.includes(needs.format) &&
  node.stack.archs.includes(needs.arch) &&
  node.stack.vmModes.includes(needs.vmMode);
