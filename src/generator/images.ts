import { ig, rdf, vocabTerm } from '../vocab.ts';
import { pickOwner } from './customers.ts';
import { generatedIri, localIds } from './ids.ts';
import type { ImageTraits } from './image-traits.ts';
import type { NTriplesWriter } from './ntriples.ts';
import type { Random } from './random.ts';
import { GiB } from './sites.ts';
import type { StorageSite } from './storage.ts';
import { extensions } from './tables/systems.ts';
import type { World } from './world.ts';

/** A written image: its traits and where copies of it are stored. */
export interface ImageFacts extends ImageTraits {
  readonly index: number;
  readonly iri: string;
  readonly active: boolean;
  /** Its origin (usually an image server) first, then the repositories holding replicas. */
  readonly storedIn: readonly StorageSite[];
}

/** Install rule sets (the patent's per-image rule set), by kind of image. */
const installRules = {
  iso: 'validate-url; check-quota; register-iso; attach-install-media; run-unattended-setup',
  windows: 'validate-url; check-quota; register-template; sysprep-generalize; set-admin-password',
  linux: 'validate-url; check-quota; convert-disk-format; register-template; enable-cloud-init',
} as const;

const rulesFor = (traits: ImageTraits): string =>
  traits.type === 'iso'
    ? installRules.iso
    : traits.profile.family === 'windows'
      ? installRules.windows
      : installRules.linux;

/**
 * Where copies of the image are: first its origin (an image server; in a federation without one, a
 * repository, or else the network manager), then distinct repositories that store its format.
 */
function placeCopies(world: World, format: string, random: Random): StorageSite[] {
  const { imageServers, manager } = world.storage;
  const repositories = world.repositoriesFor(format);
  const fallback = repositories.length > 0 ? random.pick(repositories) : manager;
  const sites = [imageServers.length > 0 ? random.pick(imageServers) : fallback];
  const free = repositories.filter((r) => !sites.includes(r)).length;
  const wanted = 1 + Math.min(free, random.count(world.preset.replicasPerImage));
  while (sites.length < wanted) {
    const repository = random.pick(repositories);
    if (!sites.includes(repository)) sites.push(repository);
  }
  return sites;
}

/** The envelope: Docker for containers, sometimes OVA around a VMDK, else none. */
const containerFormatOf = (needs: ImageTraits['needs'], random: Random): string =>
  needs.container ? 'docker' : needs.format === 'vmdk' && random.chance(0.3) ? 'ova' : 'bare';

const bits32 = new Set(['i686', 'armv7l']);

/** Writes image I (FIG. 4 row plus Glance properties, lineage and copies) and returns its facts. */
export function emitImage(
  out: NTriplesWriter,
  world: World,
  i: number,
  traits: ImageTraits,
  random: Random,
): ImageFacts {
  const s = generatedIri.image(i);
  const id = localIds.image(i);
  const { profile, needs } = traits;
  const active = random.chance(0.96);
  const storedIn = placeCopies(world, needs.format, random);
  const origin = storedIn[0]!;
  const file = `${profile.distribution}-${traits.version}-${needs.arch}.${extensions[needs.format] ?? 'img'}`;
  out.iri(s, rdf('type'), ig(needs.container ? 'ContainerImage' : 'VMImage'));
  out.string(s, ig('imageId'), id);
  out.iri(s, ig('imageType'), vocabTerm('imageType', traits.type));
  out.iri(s, ig('diskFormat'), vocabTerm('format', needs.format));
  out.iri(s, ig('containerFormat'), vocabTerm('container', containerFormatOf(needs, random)));
  out.iri(s, ig('osFamily'), vocabTerm('os', profile.family));
  out.string(s, ig('osName'), profile.name);
  out.string(s, ig('osDistribution'), profile.distribution);
  out.string(s, ig('osVersion'), traits.version);
  out.integer(s, ig('osBits'), bits32.has(needs.arch) ? 32 : 64);
  out.iri(s, ig('architecture'), vocabTerm('arch', needs.arch));
  out.iri(s, ig('owner'), generatedIri.customer(pickOwner(world, random)));
  out.integer(s, ig('sizeBytes'), traits.sizeBytes);
  out.integer(s, ig('minDiskGB'), Math.max(profile.minDiskGB, Math.ceil(traits.sizeBytes / GiB)));
  out.integer(s, ig('minRamMB'), profile.minRamMB);
  out.string(s, ig('checksum'), random.hex(32));
  out.string(s, ig('hashAlgorithm'), 'sha256');
  out.string(s, ig('hashValue'), random.hex(64));
  out.anyURI(s, ig('sourceURL'), `${origin.endpoints[0]}${id}/${file}`);
  out.iri(s, ig('lifecycleState'), vocabTerm('status', active ? 'active' : 'deactivated'));
  out.string(s, ig('functionality'), traits.functionality);
  out.iri(s, ig('requiresVMMode'), vocabTerm('vmMode', needs.vmMode));
  if (needs.container) out.iri(s, ig('requiresHypervisor'), vocabTerm('hypervisor', 'docker'));
  if (needs.vmMode === 'xen') out.iri(s, ig('requiresHypervisor'), vocabTerm('hypervisor', 'xen'));
  if (!needs.container && random.chance(0.3)) out.string(s, ig('installRules'), rulesFor(traits));
  if (traits.parent >= 0) out.iri(s, ig('derivedFrom'), generatedIri.image(traits.parent));
  for (const site of storedIn) out.iri(s, ig('storedIn'), site.iri);
  return { ...traits, index: i, iri: s, active, storedIn };
}
