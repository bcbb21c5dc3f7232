import { emitCustomers } from './customers.ts';
import { Fragments } from './fragments.ts';
import type { Counters } from './ids.ts';
import { Lineage } from './image-traits.ts';
import { emitImage } from './images.ts';
import { emitNodeImages } from './node-images.ts';
import { emitNodes } from './nodes.ts';
import { type ChunkSink, NTriplesWriter } from './ntriples.ts';
import type { Preset } from './presets.ts';
import { streamFor } from './random.ts';
import { emitSla } from './slas.ts';
import { emitStorage } from './storage.ts';
import { UsageHistory } from './usage.ts';
import { planWorld } from './world.ts';
import { emitZones } from './zones.ts';

export interface GenerateOptions {
  readonly preset: Preset;
  readonly seed: number;
  /** How many images to generate instead of the preset's number. */
  readonly images?: number;
}

export interface GenerateSummary {
  readonly triples: number;
  readonly images: number;
  readonly nodeImages: number;
  readonly usageRecords: number;
}

/**
 * Streams a synthetic federation as N-Triples to SINK: first the infrastructure (zones, clouds,
 * storage sites, customers), then image by image the image with its cloud node images, fragments,
 * SLA and usage history. Everything random comes from streams derived from the seed, so the same
 * options give byte-identical output; memory stays flat whatever the size.
 */
export async function generateFederation(
  options: GenerateOptions,
  sink: ChunkSink,
): Promise<GenerateSummary> {
  const { preset, seed } = options;
  const imageCount = options.images ?? preset.images;
  const world = planWorld(preset, seed, imageCount);
  const out = new NTriplesWriter(sink);
  emitZones(out, world.network);
  emitNodes(out, world.nodes);
  emitStorage(out, world.storage);
  emitCustomers(out, world, streamFor(seed, 'customers'));
  await out.drain();
  const counters: Counters = { nodeImage: 0, sla: 0, usage: 0 };
  const lineage = new Lineage(imageCount);
  const fragments = new Fragments(world);
  const usage = new UsageHistory(world, counters);
  for (let i = 0; i < imageCount; i++) {
    const random = streamFor(seed, 'image', i);
    const image = emitImage(out, world, i, lineage.draw(i, preset, random), random);
    const registered = emitNodeImages(out, world, image, counters, random);
    fragments.emit(out, image, random);
    emitSla(out, world, image, counters, random);
    usage.emit(out, image, registered, random);
    await out.drain();
  }
  await out.flush();
  return {
    triples: out.count,
    images: imageCount,
    nodeImages: counters.nodeImage,
    usageRecords: counters.usage,
  };
}
