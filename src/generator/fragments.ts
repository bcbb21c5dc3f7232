import { ig, rdf } from '../vocab.ts';
import { generatedIri } from './ids.ts';
import type { ImageFacts } from './images.ts';
import type { NTriplesWriter } from './ntriples.ts';
import { type Random, streamFor } from './random.ts';
import { GiB } from './sites.ts';
import type { World } from './world.ts';

/**
 * ENTICE-style fragments: every image shares one base fragment (kernel and libraries) with all
 * images of the same OS release and architecture, and has one or more fragments of its own; a
 * derived image also shares its parent's first own fragment. A fragment's hash and size depend on
 * the seed and what it is, never on which image mentions it first, so sharing needs no memory but
 * the set of base fragments already written.
 */
export class Fragments {
  private readonly written = new Set<string>();
  private readonly world: World;

  constructor(world: World) {
    this.world = world;
  }

  emit(out: NTriplesWriter, image: ImageFacts, random: Random): void {
    const { profile, version, needs } = image;
    const baseKey = `${profile.distribution}|${profile.name}|${version}|${needs.arch}|${needs.container}`;
    const base = streamFor(this.world.seed, 'base-fragment', baseKey);
    const baseHash = base.hex(64);
    if (!this.written.has(baseKey)) {
      this.written.add(baseKey);
      this.describe(out, baseHash, Math.round(profile.sizeGiB[0] * 0.4 * GiB), base);
    }
    out.iri(generatedIri.fragment(baseHash), ig('fragmentOf'), image.iri);
    const own = Math.max(1, random.count(this.world.preset.fragmentsPerImage));
    for (let k = 0; k < own; k++) {
      const stream = this.ownStream(image.index, k);
      const hash = stream.hex(64);
      this.describe(out, hash, Math.round(image.sizeBytes * stream.between(0.05, 0.4)), stream);
      out.iri(generatedIri.fragment(hash), ig('fragmentOf'), image.iri);
    }
    if (image.parent >= 0) {
      const shared = this.ownStream(image.parent, 0).hex(64);
      out.iri(generatedIri.fragment(shared), ig('fragmentOf'), image.iri);
    }
  }

  private ownStream(imageIndex: number, k: number): Random {
    return streamFor(this.world.seed, 'fragment', imageIndex, k);
  }

  /** A fragment's own triples, with replicas in one or two distinct repositories. */
  private describe(out: NTriplesWriter, hash: string, sizeBytes: number, random: Random): void {
    const s = generatedIri.fragment(hash);
    out.iri(s, rdf('type'), ig('Fragment'));
    out.string(s, ig('contentHash'), hash);
    out.integer(s, ig('sizeBytes'), Math.max(4096, sizeBytes));
    const repositories = this.world.storage.repositories;
    if (repositories.length === 0) return;
    const first = random.pick(repositories);
    out.iri(s, ig('storedIn'), first.iri);
    const second = random.pick(repositories);
    if (second !== first && random.chance(0.8)) out.iri(s, ig('storedIn'), second.iri);
  }
}
