import { open } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import { type GenerateOptions, type GenerateSummary, generateFederation } from '../generator/federation.ts';
import { streamSink } from '../generator/ntriples.ts';
import { describePresets, findPreset } from '../generator/presets.ts';
import { type Command, type Io, type OptionValues, processIo, stringOption } from './command.ts';

const usage = 'imagegraph generate --preset NAME [--seed N] [--images N] [--out FILE]';

/** An integer option from MIN to MAX, or undefined when absent. */
function integerOption(values: OptionValues, name: string, min: number, max: number): number | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new InputError(`--${name} must be a whole number from ${min} to ${max}, not '${text}'`, {
      fix: `Usage: ${usage}`,
    });
  }
  return value;
}

async function generateToFile(path: string, options: GenerateOptions): Promise<GenerateSummary> {
  const handle = await open(path, 'w').catch((error: Error) => {
    throw new InputError(`cannot write the file: ${error.message}`, {
      where: path,
      fix: 'Check that the folder exists and is writable, or leave out --out to write to standard output.',
      cause: error,
    });
  });
  const stream = handle.createWriteStream();
  const summary = await generateFederation(options, streamSink(stream));
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(resolve);
  });
  return summary;
}

/**
 * Writes to the command's output. The process's own standard output is written as a stream, with
 * backpressure, since a large federation outruns a slow pipe; other Io (tests) get the chunks.
 */
async function generateToOutput(io: Io, options: GenerateOptions): Promise<GenerateSummary> {
  if (io !== processIo) return generateFederation(options, (chunk) => io.out(chunk));
  try {
    return await generateFederation(options, streamSink(process.stdout));
  } catch (error) {
    // The reader went away (`generate … | head`): stop quietly, as command-line filters do.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
    throw error;
  }
}

export const generateCommand: Command = {
  summary: 'Generate a synthetic federation (seeded, reproducible) as N-Triples.',
  usage,
  options: {
    preset: { type: 'string' },
    seed: { type: 'string' },
    images: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, positionals, io) {
    if (positionals.length > 0) {
      throw new InputError(`unexpected argument '${positionals[0]}'`, { fix: `Usage: ${usage}` });
    }
    const name = stringOption(values, 'preset');
    if (!name)
      throw new InputError('no preset given', { fix: `Pass --preset with one of:\n${describePresets()}` });
    const images = integerOption(values, 'images', 1, 10_000_000);
    const options = {
      preset: findPreset(name),
      seed: integerOption(values, 'seed', 0, 2 ** 32 - 1) ?? 1,
      images,
    };
    const file = stringOption(values, 'out');
    const started = performance.now();
    const summary = file ? await generateToFile(file, options) : await generateToOutput(io, options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.err(
      `imagegraph generate: ${summary.triples} triples (${summary.images} images, preset ${name}, ` +
        `seed ${options.seed}) in ${seconds} s\n`,
    );
    return 0;
  },
};
