// Child process of bench/restart.ts: N small writes to the data directory DIR, each acknowledged as a journal
// record as the service makes them (one ig:functionality tag on one image per write), but not validated:
// what a restart replays is the same, and validating each against ≈1M triples takes ≈0.3 s.
// Usage: node bench/support/journal-writes.ts DIR N. Prints one JSON line: { writes, journalBytes, seconds }.
import { EmbeddedCore } from '../../src/store/core.ts';

const [dir, count] = [process.argv[2]!, Number(process.argv[3])];
const core = await EmbeddedCore.open(dir, { role: 'primary', validate: false });
const images = JSON.parse(
  core.query('SELECT ?i WHERE { ?i <https://w3id.org/imagegraph/ns#imageId> ?id } LIMIT 1000', {
    format: 'application/sparql-results+json',
    timeoutMs: 60_000,
    maxResultBytes: 1e9,
  }).body,
).results.bindings.map((b: { i: { value: string } }) => b.i.value) as string[];
const start = performance.now();
for (let n = 0; n < count; n++) {
  const image = images[n % images.length]!;
  core.update(`INSERT DATA { <${image}> <https://w3id.org/imagegraph/ns#functionality> "bench-${n}" }`, {
    timeoutMs: 60_000,
  });
}
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ writes: count, journalBytes: core.stats().journalBytes, seconds }));
core.close();
