// Bulk load throughput: `imagegraph load` (a child process that opens the data directory, loads with
// Oxigraph's loader while a worker thread validates, writes and fsyncs the snapshot) against a bare oxigraph
// Store.load of the same file in a fresh process (bench/support/bare-load.ts), on the generated medium
// (≈100k triples) and large (≈1M) catalogues, in the same run. Rates are triples per wall-clock second of each
// process, spawn to exit; each figure is the median of ROUNDS interleaved runs (the machine is shared).
// Usage: node bench/load.ts [ROUNDS] [PRESET...]   (default 3 rounds; medium and large)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, timedNode } from './support/timed.ts';

const rounds = Number(process.argv[2] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'imagegraph-bench-load-'));
const rate = (triples: number, seconds: number) => Math.round(triples / seconds).toLocaleString('en');

try {
  console.log(`median of ${rounds} rounds; rate = triples / wall-clock seconds of the process`);
  const presets = process.argv.slice(3);
  for (const preset of presets.length > 0 ? presets : ['medium', 'large']) {
    const file = join(dir, `${preset}.nt`);
    await timedNode(['bin/imagegraph.js', 'generate', '--preset', preset, '--out', file]);
    const bare: number[] = [];
    const bareInside: number[] = [];
    const ours: number[] = [];
    const oursInside: number[] = [];
    let triples = 0;
    for (let round = 0; round < rounds; round++) {
      const baseline = await timedNode(['bench/support/bare-load.ts', file]);
      const figures = JSON.parse(baseline.stdout) as { triples: number; seconds: number };
      triples = figures.triples;
      bare.push(baseline.seconds);
      bareInside.push(figures.seconds);
      const data = join(dir, `data-${preset}-${round}`);
      const load = await timedNode(['bin/imagegraph.js', 'load', file, '--data', data]);
      const line = /loaded (\d+) triples in ([\d.]+) s/.exec(load.stderr);
      if (!line || Number(line[1]) !== triples) throw new Error(`unexpected load output:\n${load.stderr}`);
      ours.push(load.seconds);
      oursInside.push(Number(line[2]));
      rmSync(data, { recursive: true });
    }
    const [b, o] = [median(bare), median(ours)];
    console.log(
      `${preset} (${triples.toLocaleString('en')} triples): bare oxigraph Store.load ${rate(triples, b)} triples/s ` +
        `(${b.toFixed(2)} s) | imagegraph load ${rate(triples, o)} triples/s (${o.toFixed(2)} s) | ` +
        `ratio ${(b / o).toFixed(2)}× (target ≥ 0.8×)`,
    );
    console.log(
      `  inside the processes: Store.load from reading the file ${median(bareInside).toFixed(2)} s; ` +
        `imagegraph load as it reports itself ${median(oursInside).toFixed(2)} s; ` +
        `rounds (bare / load, s): ${bare.map((s, i) => `${s.toFixed(2)}/${ours[i]!.toFixed(2)}`).join(', ')}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
