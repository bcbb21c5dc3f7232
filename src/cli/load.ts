import { accessSync, constants } from 'node:fs';
import { InputError } from '../errors.ts';
import { ValidationThread } from '../store/bulk-validate.ts';
import { EmbeddedCore } from '../store/core.ts';
import { dataFiles } from '../store/data-dir.ts';
import { ForbiddenGraphError, WriteRejectedError } from '../store/errors.ts';
import { lockHolder } from '../store/lock.ts';
import { defaultGraphName, type GraphName, namedGraph } from '../store/store.ts';
import { type Command, stringOption } from './command.ts';
import { dataDirOf } from './data-option.ts';
import { readSource } from './load-sources.ts';
import { progressBar } from './progress.ts';
import { readSettings, settingOptions } from './settings.ts';

const usage = 'imagegraph load FILE... [--data DIR] [--from FORMAT] [--graph IRI] [--no-validate]';

async function targetGraph(iri: string | undefined): Promise<GraphName> {
  if (iri === undefined) return defaultGraphName;
  // Imported only here: http/ brings node:http, which takes longer to load than a small file does.
  const { absoluteIri } = await import('../http/iri.ts');
  if (!absoluteIri.test(iri)) {
    throw new InputError(`--graph ${JSON.stringify(iri)} is not an absolute IRI`, {
      fix: 'Name the graph with an absolute IRI, such as urn:example:catalogue or https://example.org/g.',
    });
  }
  return namedGraph(iri);
}

/** The data directory, unless a running imagegraph owns it: a load needs it to itself. */
function refuseIfServed(dir: string): void {
  const holder = lockHolder(dataFiles(dir).lock);
  if (holder === undefined) return;
  throw new InputError(`the data directory is in use by process ${holder}, a running imagegraph`, {
    where: dir,
    fix:
      'Stop that process and run imagegraph load again, or send the data to the running service instead: ' +
      'POST it to /store (e.g. curl -X POST -H "Authorization: Bearer $IMAGEGRAPH_WRITE_TOKEN" ' +
      '-H "Content-Type: text/turtle" --data-binary @FILE "http://HOST:PORT/store?default").',
  });
}

/** Whether FILE can be read now. */
function readable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

const rate = (triples: number, seconds: number) => Math.round(triples / Math.max(seconds, 1e-3));

/**
 * `imagegraph load`: files into the data directory as one write, in bulk (EmbeddedCore.bulkLoad: Oxigraph's
 * loader, validation in a worker thread, a new snapshot). Exit 1 with the SHACL report when the files would
 * introduce violations; nothing is loaded then.
 */
export const loadCommand: Command = {
  summary:
    'Load files into the data directory (bulk, validated, one write); the service must not be running.',
  usage:
    `${usage}\n\n  FILE: any format convert reads. --graph IRI: triples go into that named graph (default: the\n` +
    '  default graph). --no-validate (or IMAGEGRAPH_NO_VALIDATE=true): load without the SHACL check.',
  options: {
    ...settingOptions(['data', 'noValidate']),
    from: { type: 'string' },
    graph: { type: 'string' },
  },
  async run(values, files, io) {
    const started = performance.now();
    if (files.length === 0) throw new InputError('no file to load', { fix: `Usage: ${usage}` });
    const graph = await targetGraph(stringOption(values, 'graph'));
    const dir = dataDirOf(values);
    refuseIfServed(dir);
    const validate = !readSettings(values).noValidate;
    // Started first: the thread compiles the shapes while this one reads the files and opens the directory.
    const validation = validate ? ValidationThread.start() : undefined;
    let core: EmbeddedCore | undefined;
    const progress = progressBar(io, started, files.length === 1 ? files[0]! : `${files.length} files`);
    try {
      // The files are read (on libuv's threads) while this thread opens the directory, once they are known to
      // be there (a missing file creates no directory); the shapes are compiled by the validation thread only.
      const reading = Promise.all(files.map((f) => readSource(f, stringOption(values, 'from'))));
      reading.catch(() => undefined);
      if (!files.every(readable)) await reading;
      const [read, opened] = await Promise.allSettled([
        reading,
        EmbeddedCore.open(dir, { role: 'primary', validate: false }),
      ]);
      if (opened.status === 'fulfilled') core = opened.value;
      if (read.status === 'rejected') throw read.reason;
      if (opened.status === 'rejected') throw opened.reason;
      const result = await opened.value.bulkLoad(read.value, graph, {
        validate,
        validation,
        onProgress: (p) => progress.update(p),
      });
      progress.done();
      const seconds = (performance.now() - started) / 1000;
      io.err(
        `loaded ${result.inserted} triples in ${seconds.toFixed(1)} s (${rate(result.inserted, seconds)} triples/s); ` +
          `${opened.value.stats().quads} in ${dir}\n`,
      );
      return 0;
    } catch (error) {
      progress.done();
      if (error instanceof WriteRejectedError) {
        // Imported here: the report formats bring JSON-LD, slow to load for every load that succeeds.
        const { reportToText } = await import('../validation/report-format.ts');
        io.out(reportToText(error.report));
        io.err(`imagegraph load: ${error.message.replace('the write was', 'the load was')}\n`);
        return 1;
      }
      if (error instanceof ForbiddenGraphError) {
        throw new InputError(error.message, {
          fix: 'Load into the default graph or a named graph of your own (--graph IRI); nothing was loaded.',
        });
      }
      throw error;
    } finally {
      validation?.stop();
      core?.close();
    }
  },
};
