import { ig, rdf, vocabTerm } from '../vocab.ts';
import { type Counters, generatedIri, localIds } from './ids.ts';
import type { ImageFacts } from './images.ts';
import type { CloudNode } from './nodes.ts';
import type { NTriplesWriter } from './ntriples.ts';
import type { Random } from './random.ts';
import type { World } from './world.ts';

/** Where registrations are in the patent's FIG. 6 workflow; most have finished. */
const states = [
  { weight: 45, value: 'running' },
  { weight: 25, value: 'registered' },
  { weight: 20, value: 'synchronised' },
  { weight: 5, value: 'submitted' },
  { weight: 2, value: 'created' },
  { weight: 3, value: 'failed' },
];

/**
 * Registers an active image on a few distinct clouds that can run it (FIG. 5 rows). A registration
 * is for the node's one hypervisor and has the image's size.
 * Returns the nodes, which then downloaded the image.
 */
export function emitNodeImages(
  out: NTriplesWriter,
  world: World,
  image: ImageFacts,
  counters: Counters,
  random: Random,
): CloudNode[] {
  const candidates = world.nodesFor(image.needs);
  const wanted = image.active
    ? Math.min(candidates.length, random.count(world.preset.nodeImagesPerImage))
    : 0;
  const nodes: CloudNode[] = [];
  while (nodes.length < wanted) {
    const node = random.pick(candidates);
    if (nodes.includes(node)) continue;
    nodes.push(node);
    const n = counters.nodeImage++;
    const s = generatedIri.nodeImage(n);
    out.iri(s, rdf('type'), ig('NodeImage'));
    out.string(s, ig('nodeImageId'), localIds.nodeImage(n));
    out.iri(s, ig('ofImage'), image.iri);
    out.iri(s, ig('onNode'), node.iri);
    out.iri(s, ig('hypervisor'), vocabTerm('hypervisor', node.stack.hypervisor));
    out.integer(s, ig('sizeBytes'), image.sizeBytes);
    out.string(s, ig('uuidOnNode'), random.uuid());
    out.iri(s, ig('state'), vocabTerm('nodeImageState', random.weighted(states)));
  }
  return nodes;
}
