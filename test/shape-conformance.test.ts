import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { compileShapes, validateQuads } from '../src/validation/engine.ts';
import { validateWithReference } from '../src/validation/reference.ts';
import { resultKey } from './support/shacl-manifest.ts';

const prefixes = '@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://e/> .';
const parse = (ttl: string): Quad[] => new Parser().parse(prefixes + ttl);

/** A chain ex:n0 → ex:n1 → … of LENGTH links, its last node added first. */
const chain = (length: number): Quad[] =>
  parse(
    Array.from({ length }, (_, i) => `ex:n${length - 1 - i} a ex:C ; ex:next ex:n${length - i} .`).join('\n'),
  );

describe('conformance to shapes that other shapes refer to', () => {
  it('is the same however often it is asked, as the reference engine finds', async () => {
    // Three shapes ask whether each item's state is active; one of the states is not.
    const shapes = parse(`
      ex:Active a sh:NodeShape ; sh:property [ sh:path ex:state ; sh:hasValue "active" ] .
      ex:Inactive a sh:NodeShape ; sh:not ex:Active .
      ex:A a sh:NodeShape ; sh:targetClass ex:Item ; sh:or ( ex:Inactive [ sh:path ex:a ; sh:minCount 1 ] ) .
      ex:B a sh:NodeShape ; sh:targetClass ex:Item ; sh:or ( ex:Inactive [ sh:path ex:b ; sh:minCount 1 ] ) .
      ex:D a sh:NodeShape ; sh:targetClass ex:Item ; sh:node ex:Active .`);
    const data = parse(`
      ex:i1 a ex:Item ; ex:state "active" ; ex:a 1 .
      ex:i2 a ex:Item ; ex:state "retired" .
      ex:i3 a ex:Item ; ex:state "active" ; ex:b 1 .`);
    const ours = validateQuads(compileShapes(shapes), data).results.map(resultKey).sort();
    const reference = (await validateWithReference(shapes, data)).results.map(resultKey).sort();
    expect(ours).toEqual(reference);
    expect(ours).toHaveLength(3);
  });

  it('of a shape that refers to itself is worked out each time, deep recursion failing as ever', () => {
    const program = compileShapes(
      parse('ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:next ; sh:node ex:S ] .'),
    );
    expect(validateQuads(program, chain(30)).results).toEqual([]);
    expect(() => validateQuads(program, chain(100))).toThrow(/refers to itself without end/);
  });
});
