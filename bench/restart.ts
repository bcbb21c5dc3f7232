// Restart time with ≈1M triples in the data directory (the large preset, loaded with `imagegraph load`, so a
// snapshot) and a journal of WRITES small writes after it: EmbeddedCore.open as the primary in a
// fresh process, and `imagegraph serve` (2 copies, each in its own thread) from spawn until it
// serves; the median of ROUNDS runs each, in the same run, against the 10 s target.
// Usage: node bench/restart.ts [WRITES] [ROUNDS]   (default 1000 3)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from './support/service.ts';
import { median, timedNode } from './support/timed.ts';

const writes = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'imagegraph-bench-restart-'));
const data = join(dir, 'data');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

try {
  const file = join(dir, 'large.nt');
  await timedNode(['bin/imagegraph.js', 'generate', '--preset', 'large', '--out', file]);
  await timedNode(['bin/imagegraph.js', 'load', file, '--data', data]);
  const journal = JSON.parse(
    (await timedNode(['bench/support/journal-writes.ts', data, String(writes)])).stdout,
  );
  const snapshotBytes = statSync(join(data, 'snapshot.nq')).size;
  const opens: number[] = [];
  const serves: number[] = [];
  let opened = { quads: 0, replayed: 0 };
  for (let round = 0; round < rounds; round++) {
    const run = await timedNode(['bench/support/open-core.ts', data]);
    opened = JSON.parse(run.stdout);
    opens.push((opened as unknown as { seconds: number }).seconds);
    const service = await startServe(['--data', data]);
    serves.push(service.readySeconds);
    await service.stop();
  }
  console.log(
    `data: ${opened.quads.toLocaleString('en')} quads; snapshot ${mb(snapshotBytes)}; journal of ` +
      `${opened.replayed} writes (${mb(journal.journalBytes)}, written at ${Math.round(writes / journal.seconds)} writes/s)`,
  );
  console.log(
    `restart (median of ${rounds}): EmbeddedCore.open as primary ${median(opens).toFixed(2)} s | ` +
      `imagegraph serve, 2 copies, spawn to serving ${median(serves).toFixed(2)} s | target ≤ 10 s`,
  );
  console.log(
    `  rounds (open / serve, s): ${opens.map((s, i) => `${s.toFixed(2)}/${serves[i]!.toFixed(2)}`).join(', ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
