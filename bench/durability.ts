// Durability under SIGKILL: a child process writes into a data directory, printing each write's number once it
// is acknowledged; it is killed at a random moment, the directory is reopened and checked (every acknowledged
// write whole, no write half there), and again, ROUNDS times.
// Usage: node bench/durability.ts [ROUNDS] [SEED]   (default: 200 1)
import { durabilityRuns } from '../test/support/durability.ts';
import { tempDir } from '../test/support/store.ts';

const rounds = Number(process.argv[2] ?? 200);
const seed = Number(process.argv[3] ?? 1);
const dir = tempDir();
const started = performance.now();
console.log(
  `${rounds} rounds in ${dir}, seed ${seed}: each run killed 0–400 ms after its first acknowledged write`,
);
console.log('(one in four timed from the start of the child instead, to land while it recovers)');
const summary = await durabilityRuns(
  dir,
  { rounds, seed, maxDelayMs: 400, journalLimitBytes: 64 * 1024 },
  (r, i) => {
    if ((i + 1) % 20 === 0)
      console.log(`  round ${i + 1}: ${r.acknowledged} writes acknowledged, ${r.sequence} recovered`);
  },
);
console.log(`rounds                              ${summary.rounds}`);
console.log(`writes acknowledged (last round)    ${summary.acknowledged}`);
console.log(`writes recovered (last round)       ${summary.recovered}`);
console.log(`acknowledged writes lost            0 (a loss stops the run with an error)`);
console.log(`partial writes seen                 0 (likewise)`);
console.log(`kills that left a torn last record  ${summary.tornTails}`);
console.log(`kills during a snapshot             ${summary.duringSnapshot}`);
console.log(`kills timed from the child's start  ${summary.early}`);
console.log(`time                                ${((performance.now() - started) / 1000).toFixed(1)} s`);
