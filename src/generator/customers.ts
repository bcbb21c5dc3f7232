import { ig, rdf } from '../vocab.ts';
import { generatedIri, localIds } from './ids.ts';
import type { NTriplesWriter } from './ntriples.ts';
import type { Random } from './random.ts';
import { GiB } from './sites.ts';
import type { World } from './world.ts';

/**
 * Image ownership is skewed: drawing u uniformly, the owner is ⌊C·u²⌋, so a few customers own many
 * images and most own few. A customer's expected share of N images is N·(√((c+1)/C) − √(c/C)).
 */
export const pickOwner = (world: World, random: Random): number =>
  Math.min(world.customerCount - 1, Math.floor(world.customerCount * random.float() ** 2));

const expectedImages = (world: World, c: number): number =>
  world.imageCount * (Math.sqrt((c + 1) / world.customerCount) - Math.sqrt(c / world.customerCount));

/** Quotas leave room for about three times a customer's expected images at 12 GiB each, 100 GiB at least. */
export function emitCustomers(out: NTriplesWriter, world: World, random: Random): void {
  for (let c = 0; c < world.customerCount; c++) {
    const s = generatedIri.customer(c);
    const wanted = expectedImages(world, c) * 36 * random.between(0.8, 1.6);
    out.iri(s, rdf('type'), ig('Customer'));
    out.string(s, ig('customerId'), localIds.customer(c));
    out.integer(s, ig('quotaBytes'), Math.max(100, Math.ceil(wanted / 100) * 100) * GiB);
  }
}
