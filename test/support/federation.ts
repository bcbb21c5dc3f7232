import { generateFederation } from '../../src/generator/federation.ts';
import { findPreset } from '../../src/generator/presets.ts';

/** The N-Triples the generator writes for PRESET and SEED (and IMAGES), collected in process. */
export async function generate(preset: string, seed = 1, images?: number): Promise<string> {
  let text = '';
  await generateFederation({ preset: findPreset(preset), seed, images }, (chunk) => {
    text += chunk;
  });
  return text;
}

/** How many lines, and so N-Triples triples, TEXT holds. */
export const lines = (text: string): number => text.split('\n').length - 1;
