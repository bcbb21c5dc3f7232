// Writes into a data directory until killed, printing each write's number once it is acknowledged.
// Usage: node test/support/durability-child.ts DIR JOURNAL_LIMIT_BYTES   (see durability.ts)
import { writeSync } from 'node:fs';
import { EmbeddedCore } from '../../src/store/core.ts';
import { durabilityWrite } from './durability.ts';

const [dir, limit] = process.argv.slice(2);
const core = await EmbeddedCore.open(dir!, {
  role: 'primary',
  validate: false,
  journalLimitBytes: Number(limit),
});
for (let n = core.stats().sequence + 1; ; n++) {
  const { graph, quads } = durabilityWrite(n);
  core.load(quads, graph);
  writeSync(1, `${n}\n`);
}
