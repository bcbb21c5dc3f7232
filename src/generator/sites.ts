import { type InstanceKind, ig, instanceIri, rdf, vocabTerm } from '../vocab.ts';
import type { NTriplesWriter } from './ntriples.ts';
import type { Random } from './random.ts';
import { type City, distanceKm } from './tables/cities.ts';
import type { Zone } from './zones.ts';

/** What every site has: an identity, a zone, a place and endpoints. */
export interface Site {
  readonly kind: InstanceKind;
  readonly id: string;
  readonly iri: string;
  readonly zone: Zone;
  readonly city: City;
  readonly latitude: number;
  readonly longitude: number;
  readonly host: string;
  readonly endpoints: readonly string[];
  readonly capacityBytes: number;
  readonly freeBytes: number;
}

export const TiB = 1024 ** 4;
export const GiB = 1024 ** 3;

export interface SiteDraft {
  readonly kind: InstanceKind;
  readonly id: string;
  readonly zone: Zone;
  readonly domain: string;
  /** Endpoint paths and ports on the site's host, e.g. [':8774/v2.1']; a storage site's first serves files. */
  readonly endpoints: readonly string[];
  readonly capacityTiB: readonly [number, number];
}

/** A site in its zone's city, a few kilometres from the centre, with storage partly used. */
export function placeSite(draft: SiteDraft, random: Random): Site {
  const host = `${draft.id}.${draft.domain}`;
  const capacityBytes =
    Math.round(random.between(draft.capacityTiB[0], draft.capacityTiB[1]) * 4) * (TiB / 4);
  return {
    kind: draft.kind,
    id: draft.id,
    iri: instanceIri(draft.kind, draft.id),
    zone: draft.zone,
    city: draft.zone.city,
    latitude: draft.zone.city.latitude + random.between(-0.05, 0.05),
    longitude: draft.zone.city.longitude + random.between(-0.05, 0.05),
    host,
    endpoints: draft.endpoints.map((suffix) => `https://${host}${suffix}`),
    capacityBytes,
    freeBytes: Math.round(capacityBytes * random.between(0.15, 0.85)),
  };
}

/** The triples every site shares: type, identifier, zone, location, jurisdiction, endpoints, storage. */
export function emitSite(out: NTriplesWriter, site: Site, type: string, idProperty: string): void {
  const s = site.iri;
  const location = instanceIri('location', `${site.kind}-${site.id}`);
  out.iri(s, rdf('type'), type);
  out.string(s, idProperty, site.id);
  out.iri(s, ig('inZone'), site.zone.iri);
  out.iri(s, ig('location'), location);
  out.iri(s, ig('jurisdiction'), vocabTerm('jurisdiction', site.city.country));
  for (const endpoint of site.endpoints) out.anyURI(s, ig('endpoint'), endpoint);
  out.integer(s, ig('capacityBytes'), site.capacityBytes);
  out.integer(s, ig('freeBytes'), site.freeBytes);
  out.iri(location, rdf('type'), ig('GeoLocation'));
  out.string(location, ig('country'), site.city.country);
  out.string(location, ig('region'), site.city.region);
  out.decimal(location, ig('latitude'), site.latitude, 4);
  out.decimal(location, ig('longitude'), site.longitude, 4);
}

/** Whether SOURCE can open connections to TARGET: same zone, or a firewall rule between their zones. */
export type Reach = (source: Site, target: Site) => boolean;

/**
 * The bandwidth, in bytes per second, of the virtual link between two sites: 10 Gbit/s inside a
 * zone, 1 Gbit/s between zones, falling with distance, times a per-link factor from 0.55 to 1.
 */
export function linkBandwidth(a: Site, b: Site, linkFactor: number): number {
  const base = a.zone === b.zone ? 1.25e9 : 1.25e8;
  return (base * (0.55 + 0.45 * linkFactor)) / (1 + distanceKm(a.city, b.city) / 1500);
}
