import { ig, vocabTerm } from '../vocab.ts';
import { localIds } from './ids.ts';
import type { NTriplesWriter } from './ntriples.ts';
import type { Preset } from './presets.ts';
import type { Random } from './random.ts';
import { emitSite, placeSite, type Site, type SiteDraft } from './sites.ts';
import type { Network, Zone } from './zones.ts';

/** A site that stores images: the network manager, an image server or a repository. */
export interface StorageSite extends Site {
  readonly type: string;
  readonly formats: readonly string[];
  readonly pricePerGBMonth: number;
  readonly transferPricePerGB: number;
  readonly availability: number;
}

export interface Storage {
  readonly manager: StorageSite;
  readonly imageServers: readonly StorageSite[];
  readonly repositories: readonly StorageSite[];
}

const allFormats = ['qcow2', 'raw', 'vmdk', 'vhd', 'vhdx', 'iso'];

/** Prices follow public object-storage lists (ENTICE's cost model); availability 0.95 to 0.9999. */
function storageSite(
  draft: SiteDraft,
  type: string,
  formats: readonly string[],
  random: Random,
): StorageSite {
  return {
    ...placeSite(draft, random),
    type,
    formats,
    pricePerGBMonth: random.between(0.018, 0.032),
    transferPricePerGB: random.between(0.01, 0.09),
    availability: 1 - 0.05 * random.float() ** 2,
  };
}

/** Most repositories store every format; a third store a random subset that still includes raw. */
const repositoryFormats = (random: Random): string[] =>
  random.chance(0.66) ? allFormats : allFormats.filter((f) => f === 'raw' || random.chance(0.6));

export function planStorage(preset: Preset, network: Network, random: Random): Storage {
  const draft = (kind: SiteDraft['kind'], id: string, zone: Zone, domain: string, endpoints: string[]) => ({
    kind,
    id,
    zone,
    domain,
    endpoints,
    capacityTiB: [20, 500] as const,
  });
  const manager = storageSite(
    draft('manager', localIds.manager(0), network.management, 'manager.example.org', [
      '/images/',
      ':8443/api',
    ]),
    ig('NetworkManager'),
    allFormats,
    random,
  );
  const imageServers = Array.from({ length: preset.imageServers }, (_, k) =>
    storageSite(
      draft('image-server', localIds.imageServer(k), network.images, 'images.example.com', ['/images/']),
      ig('ImageServer'),
      allFormats,
      random,
    ),
  );
  const repositories = Array.from({ length: preset.repositories }, (_, k) => {
    const zone = network.open[k % network.open.length]!;
    const id = localIds.repository(k);
    const site = draft('repository', id, zone, 'storage.example.net', ['/v1/']);
    return storageSite(site, ig('Repository'), repositoryFormats(random), random);
  });
  return { manager, imageServers, repositories };
}

export function emitStorage(out: NTriplesWriter, storage: Storage): void {
  for (const site of [storage.manager, ...storage.imageServers, ...storage.repositories]) {
    const s = site.iri;
    emitSite(out, site, site.type, ig('siteId'));
    out.decimal(s, ig('storagePricePerGBMonth'), site.pricePerGBMonth, 4);
    out.decimal(s, ig('transferPricePerGB'), site.transferPricePerGB, 4);
    out.decimal(s, ig('availability'), site.availability, 4);
    for (const format of site.formats) out.iri(s, ig('supportsFormat'), vocabTerm('format', format));
  }
}
