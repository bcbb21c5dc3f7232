import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileShapes, validateQuads } from '../src/validation/engine.ts';
import { readShaclManifest, resultKey } from './support/shacl-manifest.ts';

// The W3C SHACL test suite (data-shapes/core), as shipped inside the shacl-engine npm package.
const suite = join(
  dirname(createRequire(import.meta.url).resolve('shacl-engine/package.json')),
  'test/assets/data-shapes/core/manifest.ttl',
);

/** Tests imagegraph does not pass, each with its reason. */
const skipped: Record<string, string> = {};

const cases = readShaclManifest(suite);

describe('W3C SHACL Core test suite', () => {
  it('has the suite', () => expect(cases.length).toBeGreaterThanOrEqual(98));
  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    if (skipped[name]) return;
    const report = validateQuads(compileShapes(c.shapes), c.data);
    expect(report.results.map(resultKey).sort()).toEqual(c.expected);
    expect(report.conforms).toBe(c.conforms);
  });
});
