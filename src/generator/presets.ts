import { InputError } from '../errors.ts';

/** The shape of a synthetic federation: entity counts and per-image rates. */
export interface Preset {
  readonly name: string;
  readonly description: string;
  /** The triple count the preset yields with its own image count, any seed: [min, max]. */
  readonly triples: readonly [number, number];
  readonly images: number;
  readonly imagesPerCustomer: number;
  readonly nodes: number;
  /** Data-centre zones, besides the manager's zone and the image servers' DMZ. */
  readonly zones: number;
  /** Share of data-centre zones that are DMZs. */
  readonly dmzShare: number;
  /** Share of data-centre zones that are DMZs reaching the manager's zone only. */
  readonly isolatedShare: number;
  /** Chance that one data-centre zone has a firewall rule to another. */
  readonly zoneLinkChance: number;
  readonly repositories: number;
  readonly imageServers: number;
  /** Share of zones placed in European cities. */
  readonly europeShare: number;
  /** Whether all clouds run virtual machines (no container runtimes, no container images). */
  readonly vmOnly: boolean;
  readonly containerShare: number;
  readonly isoShare: number;
  /** Share of images derived from (size-optimized versions of) earlier images. */
  readonly derivedShare: number;
  readonly nodeImagesPerImage: number;
  /** Repositories holding a copy of an image, besides its image server. */
  readonly replicasPerImage: number;
  readonly fragmentsPerImage: number;
  readonly slaShare: number;
  readonly downloadsPerImage: number;
  /** Expected repository-to-repository transfers per image. */
  readonly transfersPerImage: number;
}

const base = {
  imagesPerCustomer: 8,
  dmzShare: 0.4,
  isolatedShare: 0.2,
  zoneLinkChance: 0.5,
  europeShare: 0.8,
  vmOnly: false,
  containerShare: 0.15,
  isoShare: 0.08,
  derivedShare: 0.25,
  nodeImagesPerImage: 1.6,
  replicasPerImage: 1.3,
  fragmentsPerImage: 2.5,
  slaShare: 0.4,
  downloadsPerImage: 3,
  transfersPerImage: 0.4,
} as const;

export const presets: readonly Preset[] = [
  {
    ...base,
    name: 'tiny',
    description: 'a handful of everything, for unit tests (about 1k triples)',
    triples: [700, 1_800],
    images: 12,
    nodes: 5,
    zones: 3,
    repositories: 3,
    imageServers: 1,
  },
  {
    ...base,
    name: 'small',
    description: 'a regional federation (about 10k triples)',
    triples: [8_000, 12_500],
    images: 125,
    nodes: 24,
    zones: 6,
    repositories: 8,
    imageServers: 1,
  },
  {
    ...base,
    name: 'medium',
    description: 'a national federation (about 100k triples)',
    triples: [95_000, 110_000],
    images: 1_250,
    nodes: 120,
    zones: 12,
    repositories: 30,
    imageServers: 2,
  },
  {
    ...base,
    name: 'large',
    description: 'a continental federation (about 1M triples)',
    triples: [990_000, 1_030_000],
    images: 12_700,
    nodes: 600,
    zones: 30,
    repositories: 100,
    imageServers: 3,
  },
  {
    ...base,
    name: 'entice',
    description: "ENTICE's benchmark: 100 repositories, 100 clouds, 100 VMIs",
    triples: [20_000, 50_000],
    images: 100,
    imagesPerCustomer: 5,
    nodes: 100,
    zones: 20,
    dmzShare: 0,
    isolatedShare: 0,
    zoneLinkChance: 1,
    repositories: 100,
    imageServers: 0,
    europeShare: 1,
    vmOnly: true,
    containerShare: 0,
    isoShare: 0,
    downloadsPerImage: 25,
    transfersPerImage: 2,
  },
  {
    ...base,
    name: 'catalogue',
    description:
      'an image catalogue: images, their owners and image servers, no usage (about 15 triples an image)',
    triples: [2_500, 4_500],
    images: 100,
    nodes: 4,
    zones: 2,
    repositories: 2,
    imageServers: 1,
    nodeImagesPerImage: 0,
    replicasPerImage: 0,
    fragmentsPerImage: 0,
    slaShare: 0,
    downloadsPerImage: 0,
    transfersPerImage: 0,
  },
];

export const presetNames = (): string[] => presets.map((p) => p.name);

/** One line per preset: its name and what it is. */
export const describePresets = (): string =>
  presets.map((p) => `  ${p.name.padEnd(8)} ${p.description}`).join('\n');

/** The preset named NAME; an InputError listing the presets otherwise. */
export function findPreset(name: string): Preset {
  const preset = presets.find((p) => p.name === name);
  if (preset) return preset;
  throw new InputError(`unknown preset '${name}'`, {
    where: '--preset',
    fix: `Use one of these presets:\n${describePresets()}`,
  });
}
