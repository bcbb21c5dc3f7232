// Resident memory of the service per million triples: `imagegraph serve` (a child process: 2 copies of the
// dataset, the default, each in its own thread) on an empty data directory, then on the same directory after
// `imagegraph load` of the large preset (≈1M triples). RSS is the process's VmRSS (all threads), read from
// /proc SETTLE seconds after the service serves; the per-million figure is (after − before) / millions loaded.
// In the same run, the same with --copies 3, to show what one more copy costs.
// Usage: node bench/memory.ts [SETTLE]   (default 5; Linux only)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from './support/service.ts';
import { timedNode } from './support/timed.ts';

const settle = Number(process.argv[2] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'imagegraph-bench-memory-'));
const data = join(dir, 'data');
const gb = (kb: number) => `${(kb / 1024 / 1024).toFixed(2)} GB`;

/** VmRSS and VmHWM (peak) of process PID, in kB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** The service's memory on the data directory, SETTLE seconds after it serves. */
async function serviceMemory(copies: number): Promise<{ rss: number; peak: number; ready: number }> {
  const service = await startServe(['--data', data, '--copies', String(copies)]);
  try {
    await new Promise((r) => setTimeout(r, settle * 1000));
    return { ...memoryOf(service.pid), ready: service.readySeconds };
  } finally {
    await service.stop();
  }
}

try {
  const before = [await serviceMemory(2), await serviceMemory(3)];
  const file = join(dir, 'large.nt');
  await timedNode(['bin/imagegraph.js', 'generate', '--preset', 'large', '--out', file]);
  const loaded = await timedNode(['bin/imagegraph.js', 'load', file, '--data', data]);
  const triples = Number(/loaded (\d+) triples/.exec(loaded.stderr)![1]);
  rmSync(file);
  const after = [await serviceMemory(2), await serviceMemory(3)];
  for (const [i, copies] of [2, 3].entries()) {
    const perMillion = (after[i]!.rss - before[i]!.rss) / (triples / 1e6);
    console.log(`service, ${copies} copies, RSS of all threads ${settle} s after it serves:`);
    console.log(`  empty data directory:        RSS ${gb(before[i]!.rss)} (peak ${gb(before[i]!.peak)})`);
    console.log(
      `  ${triples.toLocaleString('en')} triples loaded: RSS ${gb(after[i]!.rss)} (peak ${gb(after[i]!.peak)}, ` +
        `ready in ${after[i]!.ready.toFixed(1)} s)`,
    );
    console.log(`  per million triples: ${gb(perMillion)} (target ≤ 1 GB per million)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
