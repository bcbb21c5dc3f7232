import { InputError } from '../errors.ts';
import { absoluteIri } from '../http/iri.ts';
import { ValidationThread } from '../store/bulk-validate.ts';
import { EmbeddedCore } from '../store/core.ts';
import { dataFiles } from '../store/data-dir.ts';
import { ForbiddenGraphError, WriteRejectedError } from '../store/errors.ts';
import { lockHolder } from '../store/lock.ts';
import { defaultGraphName, type GraphName, namedGraph } from '../store/store.ts';
import { reportToText } from '../validation/report-format.ts';
import { type Command, stringOption } from './command.ts';
import { dataDirOf } from './data-option.ts';
import { readSource } from './load-sources.ts';
import { progressBar } from './progress.ts';
import { readSettings, settingOptions } from './settings.ts';

const usage = 'imagegraph load FILE... [--data DIR] [--from FORMAT] [--graph IRI] [--no-validate]';

function targetGraph(iri: string | undefined): GraphName {
  if (iri === undefined) return defaultGraphName;
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
    const graph = targetGraph(stringOption(values, 'graph'));
    const dir = dataDirOf(values);
    refuseIfServed(dir);
    const validate = !readSettings(values).noValidate;
    // Started first: the thread compiles the shapes while this one reads the files and opens the directory.
    const validation = validate ? ValidationThread.start() : undefined;
    let core: EmbeddedCore | undefined;
    const progress = progressBar(io, started, files.length === 1 ? files[0]! : `${files.length} files`);
    try {
      const sources = await Promise.all(files.map((f) => readSource(f, stringOption(values, 'from'))));
      core = await EmbeddedCore.open(dir, { role: 'primary', validate });
      const result = await core.bulkLoad(sources, graph, {
        validation,
        onProgress: (p) => progress.update(p),
      });
      progress.done();
      const seconds = (performance.now() - started) / 1000;
      io.err(
        `loaded ${result.inserted} triples in ${seconds.toFixed(1)} s (${rate(result.inserted, seconds)} triples/s); ` +
          `${core.stats().quads} in ${dir}\n`,
      );
      return 0;
    } catch (error) {
      progress.done();
      if (error instanceof WriteRejectedError) {
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
