import { ig, rdf } from '../vocab.ts';
import { type Counters, generatedIri } from './ids.ts';
import type { ImageFacts } from './images.ts';
import type { CloudNode } from './nodes.ts';
import type { NTriplesWriter } from './ntriples.ts';
import type { Random } from './random.ts';
import type { Site } from './sites.ts';
import type { World } from './world.ts';

/** Usage history spans 2016 to 2018, ENTICE's project years. */
const windowStart = Date.UTC(2016, 0, 1);
const windowLength = Date.UTC(2019, 0, 1) - windowStart;

/**
 * Usage history (ENTICE section 6.2.2): every registration downloads the image to its node, more
 * downloads follow the image's heavy-tailed popularity, and some transfers move it between
 * repositories. Durations follow the link's bandwidth with noise, so that bytes / (end − start)
 * estimates the virtual link's bandwidth B_rc of eq. 1.
 */
export class UsageHistory {
  private readonly world: World;
  private readonly counters: Counters;

  constructor(world: World, counters: Counters) {
    this.world = world;
    this.counters = counters;
  }

  emit(out: NTriplesWriter, image: ImageFacts, registered: readonly CloudNode[], random: Random): void {
    if (!image.active) return;
    const { preset, storage } = this.world;
    const popularity = random.pareto(1.6, 25);
    const candidates = this.world.nodesFor(image.needs);
    const extra = candidates.length === 0 ? 0 : Math.round(preset.downloadsPerImage * popularity);
    const targets = [...registered];
    for (let k = registered.length; k < extra; k++) targets.push(random.pick(candidates));
    let relayed = false;
    for (const node of targets) {
      const reachable = image.storedIn.filter((site) => this.world.reaches(node, site));
      const source = reachable.length > 0 ? random.pick(reachable) : storage.manager;
      relayed ||= source === storage.manager;
      this.record(out, ig('Download'), image, source, node, random);
    }
    if (relayed && !image.storedIn.includes(storage.manager)) {
      out.iri(image.iri, ig('storedIn'), storage.manager.iri);
    }
    const holders = image.storedIn.filter((site) => site.type === ig('Repository'));
    const transfers =
      holders.length === 0 ? 0 : random.count(preset.transfersPerImage * Math.sqrt(popularity));
    for (let k = 0; k < transfers; k++) {
      const source = random.pick(holders);
      const target = random.pick(storage.repositories);
      if (target === source || !this.world.reaches(target, source)) continue;
      this.record(out, ig('Transfer'), image, source, target, random);
    }
  }

  private record(
    out: NTriplesWriter,
    type: string,
    image: ImageFacts,
    source: Site,
    target: Site,
    random: Random,
  ) {
    const s = generatedIri.usage(this.counters.usage++);
    const rate = this.world.bandwidth(source, target) * random.between(0.6, 1.05);
    const start = windowStart + Math.floor((random.float() * windowLength) / 1000) * 1000;
    const seconds = Math.ceil(image.sizeBytes / rate) + random.int(1, 5);
    out.iri(s, rdf('type'), type);
    out.iri(s, ig('usedImage'), image.iri);
    out.iri(s, ig('source'), source.iri);
    out.iri(s, ig('target'), target.iri);
    out.integer(s, ig('bytes'), image.sizeBytes);
    out.dateTime(s, ig('startTime'), start);
    out.dateTime(s, ig('endTime'), start + seconds * 1000);
  }
}
