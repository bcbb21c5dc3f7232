import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from './support/cli.ts';
import { generate, lines } from './support/federation.ts';

describe('imagegraph generate', () => {
  const file = tempFiles({});
  it('writes N-Triples to standard output and the triple count to standard error', async () => {
    const run = await runCli(['generate', '--preset', 'tiny', '--seed', '5']);
    expect(run.code).toBe(0);
    expect(run.out).toBe(await generate('tiny', 5));
    expect(run.err).toMatch(new RegExp(`: ${lines(run.out)} triples \\(12 images, preset tiny, seed 5\\)`));
  });

  it('writes the same bytes to --out FILE', async () => {
    const run = await runCli(['generate', '--preset', 'small', '--out', file('small.nt')]);
    expect(run.code).toBe(0);
    expect(run.out).toBe('');
    expect(await readFile(file('small.nt'), 'utf8')).toBe(await generate('small'));
  });

  it.each([
    [
      'an unknown preset lists the presets',
      ['--preset', 'huge'],
      /unknown preset 'huge'[\s\S]*tiny[\s\S]*entice/,
    ],
    ['no preset', [], /no preset given/],
    ['a seed that is not a number', ['--preset', 'tiny', '--seed', 'abc'], /--seed must be a whole number/],
    ['zero images', ['--preset', 'tiny', '--images', '0'], /--images must be a whole number from 1/],
    ['an unwritable file', ['--preset', 'tiny', '--out', '/nonexistent/dir/x.nt'], /cannot write the file/],
    ['a stray argument', ['--preset', 'tiny', 'extra'], /unexpected argument 'extra'/],
  ])('exit 2 on %s', async (_name, args, message) => {
    const run = await runCli(['generate', ...args]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
  });
});
