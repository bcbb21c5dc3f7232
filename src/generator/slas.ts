import { ig, rdf, vocabTerm } from '../vocab.ts';
import { type Counters, generatedIri } from './ids.ts';
import type { ImageFacts } from './images.ts';
import type { NTriplesWriter } from './ntriples.ts';
import type { Random } from './random.ts';
import { GiB } from './sites.ts';
import type { World } from './world.ts';

/** Where owners allow their images to be stored: mostly the EU, sometimes one country or ENTICE's three. */
function jurisdictions(image: ImageFacts, random: Random): readonly string[] {
  return random.weighted([
    { weight: 50, value: ['EU'] },
    { weight: 10, value: ['EEA'] },
    { weight: 25, value: [random.pick(image.storedIn).city.country] },
    { weight: 15, value: ['AT', 'HU', 'SI'] },
  ]);
}

/**
 * With the preset's share, an SLA for the image (ENTICE's DiskImageSLA): allowed jurisdictions, a
 * minimum repository reliability, a delivery deadline of the image's size at 20 to 120 MB/s, and a
 * monthly budget of 2 to 6 cents per GB and copy.
 */
export function emitSla(
  out: NTriplesWriter,
  world: World,
  image: ImageFacts,
  counters: Counters,
  random: Random,
) {
  if (!random.chance(world.preset.slaShare)) return;
  const s = generatedIri.sla(counters.sla++);
  const sizeGB = image.sizeBytes / GiB;
  out.iri(s, rdf('type'), ig('SLA'));
  out.iri(s, ig('slaFor'), image.iri);
  for (const code of jurisdictions(image, random)) {
    out.iri(s, ig('allowedJurisdiction'), vocabTerm('jurisdiction', code));
  }
  out.decimal(s, ig('minReliability'), random.pick([0.9, 0.95, 0.99, 0.995, 0.999]), 3);
  out.decimal(s, ig('maxDeliverySeconds'), Math.ceil(image.sizeBytes / (random.between(20, 120) * 1e6)), 0);
  const budget = sizeGB * random.between(0.02, 0.06) * image.storedIn.length;
  out.decimal(s, ig('maxCostPerMonth'), Math.max(0.01, budget), 2);
  out.integer(s, ig('priority'), random.int(1, 10));
}
