import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFiles } from '../src/store/data-dir.ts';
import { runCli, tempFiles } from './support/cli.ts';
import { generate } from './support/federation.ts';
import { datasetOf, openPrimary, tempDir } from './support/store.ts';

// `imagegraph load` of N-Triples into a new data directory: the file (read into shared memory, validated in a
// thread of its own) becomes the snapshot as it is, and a failure before the load creates no directory.

describe('imagegraph load', () => {
  it('makes the N-Triples file the snapshot of a new data directory, validated, and reopens to it', async () => {
    const text = await generate('small', 6);
    const file = tempFiles({ 'small.nt': `${text}${text.slice(0, text.indexOf('\n') + 1)}` })('small.nt');
    const dir = join(tempDir(), 'data');
    const run = await runCli(['load', file, '--data', dir]);
    expect(run.code).toBe(0);
    expect(readFileSync(dataFiles(dir).snapshot)).toEqual(readFileSync(file));
    const triples = Number(/loaded (\d+) triples/.exec(run.err)![1]);
    expect(triples).toBe(text.split('\n').length - 1);
    const core = await openPrimary(dir);
    expect(datasetOf(core)).toHaveLength(triples);
    expect(core.stats()).toMatchObject({ quads: triples, sequence: 1 });
    core.close();
  });

  it('creates no data directory for a file that cannot be read', async () => {
    const dir = join(tempDir(), 'data');
    const run = await runCli(['load', join(tempDir(), 'missing.nt'), '--data', dir]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/cannot read the file/);
    expect(existsSync(dir)).toBe(false);
  });
});
