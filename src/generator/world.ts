import { type CloudNode, nodeRuns, planNodes, type Requirements } from './nodes.ts';
import type { Preset } from './presets.ts';
import { streamFor } from './random.ts';
import { linkBandwidth, type Site } from './sites.ts';
import { planStorage, type Storage, type StorageSite } from './storage.ts';
import { type Network, planNetwork } from './zones.ts';

/** The infrastructure of a federation, planned before any image is generated. */
export interface World {
  readonly seed: number;
  readonly preset: Preset;
  readonly imageCount: number;
  readonly customerCount: number;
  readonly network: Network;
  readonly nodes: readonly CloudNode[];
  readonly storage: Storage;
  /** Whether SOURCE can open connections to TARGET. */
  reaches(source: Site, target: Site): boolean;
  /** Bytes per second on the virtual link between two sites. */
  bandwidth(a: Site, b: Site): number;
  /** The clouds that can run an image with these requirements. */
  nodesFor(needs: Requirements): readonly CloudNode[];
  /** The repositories that can store an image of FORMAT. */
  repositoriesFor(format: string): readonly StorageSite[];
}

/** Memoizes a list-valued function of a string key. */
function memo<T>(compute: (key: string) => T[]): (key: string) => T[] {
  const cache = new Map<string, T[]>();
  return (key) => {
    const known = cache.get(key);
    if (known) return known;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

export function planWorld(preset: Preset, seed: number, imageCount: number): World {
  const network = planNetwork(preset, streamFor(seed, 'zones'));
  const nodes = planNodes(preset, network, streamFor(seed, 'nodes'));
  const storage = planStorage(preset, network, streamFor(seed, 'storage'));
  const reaches = (source: Site, target: Site) =>
    source.zone === target.zone || network.connects(source.zone, target.zone);
  const compatible = memo((key) => {
    const [format = '', arch = '', vmMode = '', kind] = key.split('|');
    const needs = { format, arch, vmMode, container: kind === 'container' };
    return nodes.filter((n) => nodeRuns(n, needs));
  });
  const formatRepositories = memo((format) => storage.repositories.filter((r) => r.formats.includes(format)));
  return {
    seed,
    preset,
    imageCount,
    customerCount: Math.max(1, Math.ceil(imageCount / preset.imagesPerCustomer)),
    network,
    nodes,
    storage,
    reaches,
    bandwidth: (a, b) => {
      const [first, second] = a.iri < b.iri ? [a, b] : [b, a];
      return linkBandwidth(a, b, streamFor(seed, 'link', first.iri, second.iri).float());
    },
    nodesFor: (needs) =>
      compatible(`${needs.format}|${needs.arch}|${needs.vmMode}|${needs.container ? 'container' : 'vm'}`),
    repositoriesFor: formatRepositories,
  };
}
