import { ig, instanceIri, rdf } from '../vocab.ts';
import { localIds } from './ids.ts';
import type { NTriplesWriter } from './ntriples.ts';
import type { Preset } from './presets.ts';
import type { Random } from './random.ts';
import { type City, europeanCities, worldCities } from './tables/cities.ts';

/** What a zone holds: the network manager, the image servers, or clouds and repositories. */
export type ZoneRole = 'management' | 'images' | 'datacentre';

export interface Zone {
  readonly index: number;
  readonly id: string;
  readonly iri: string;
  readonly role: ZoneRole;
  readonly dmz: boolean;
  /** A DMZ whose only firewall rule leads to the manager's zone. */
  readonly isolated: boolean;
  readonly city: City;
}

/** Zones and the directed firewall rules between them (ig:connectsTo). */
export interface Network {
  readonly zones: readonly Zone[];
  readonly management: Zone;
  readonly images: Zone;
  /** Data-centre zones whose sites reach the image servers and each other: where repositories go. */
  readonly open: readonly Zone[];
  connects(from: Zone, to: Zone): boolean;
}

const zone = (
  index: number,
  id: string,
  role: ZoneRole,
  dmz: boolean,
  isolated: boolean,
  city: City,
): Zone => ({
  index,
  id,
  iri: instanceIri('zone', id),
  role,
  dmz,
  isolated,
  city,
});

/**
 * Zone 0 holds the network manager, zone 1 the image servers (a DMZ); the rest are data centres.
 * The manager's zone and every data centre connect both ways; data centres that are not isolated
 * also reach the image servers and, by chance, each other; the image servers' DMZ reaches nobody.
 */
export function planNetwork(preset: Preset, random: Random): Network {
  const management = zone(0, 'mgmt', 'management', false, false, europeanCities[0]!);
  const images = zone(1, 'images-dmz', 'images', true, false, europeanCities[2]!);
  const isolatedCount = Math.min(preset.zones - 1, Math.round(preset.zones * preset.isolatedShare));
  const centres = Array.from({ length: preset.zones }, (_, k) => {
    const isolated = k >= preset.zones - isolatedCount;
    const dmz = isolated || random.chance(preset.dmzShare);
    const city = random.chance(preset.europeShare) ? random.pick(europeanCities) : random.pick(worldCities);
    return zone(k + 2, localIds.dataCentreZone(k), 'datacentre', dmz, isolated, city);
  });
  const zones = [management, images, ...centres];
  const size = zones.length;
  const rules = new Uint8Array(size * size);
  const allow = (from: Zone, to: Zone) => {
    rules[from.index * size + to.index] = 1;
  };
  for (const centre of centres) {
    allow(management, centre);
    allow(centre, management);
    if (centre.isolated) continue;
    allow(management, images);
    allow(centre, images);
    for (const other of centres) {
      if (other !== centre && !other.isolated && random.chance(preset.zoneLinkChance)) allow(centre, other);
    }
  }
  return {
    zones,
    management,
    images,
    open: centres.filter((c) => !c.isolated),
    connects: (from, to) => rules[from.index * size + to.index] === 1,
  };
}

export function emitZones(out: NTriplesWriter, network: Network): void {
  for (const z of network.zones) {
    out.iri(z.iri, rdf('type'), ig('NetworkZone'));
    out.string(z.iri, ig('zoneId'), z.id);
    out.boolean(z.iri, ig('isDMZ'), z.dmz);
    for (const other of network.zones) {
      if (network.connects(z, other)) out.iri(z.iri, ig('connectsTo'), other.iri);
    }
  }
}
