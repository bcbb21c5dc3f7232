import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import type { ValidationResult } from '../../src/validation/report.ts';

/**
 * A generated catalogue with every 101st statement left out, so that the engines have violations to find
 * (missing ids, dangling references, broken cardinalities). Read in chunks: a large catalogue is longer than
 * the longest string V8 allows.
 */
export function readDamaged(file: string): Quad[] {
  const bytes = readFileSync(file);
  const quads: Quad[] = [];
  let line = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, Math.min(start + 16_000_000, bytes.length - 1));
    if (end < 0) end = bytes.length - 1;
    const kept = bytes
      .toString('utf8', start, end + 1)
      .split('\n')
      .filter((text) => text === '' || ++line % 101 !== 0);
    for (const q of new Parser({ format: 'N-Triples' }).parse(kept.join('\n'))) quads.push(q);
    start = end + 1;
  }
  return quads;
}

/** A digest of the results (focus, path, value, severity, component, shape), for comparing engines. */
export function digest(results: readonly ValidationResult[]): { count: number; sha256: string } {
  const lines = results
    .map((r) =>
      [r.focusNode.value, r.resultPath, r.value?.value, r.severity, r.component, r.sourceShape.value].join(
        '|',
      ),
    )
    .sort();
  return { count: lines.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
}
