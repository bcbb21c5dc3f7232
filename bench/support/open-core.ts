// Child process of bench/restart.ts: opens the data directory DIR as the primary in a fresh process (the
// snapshot loaded, the journal replayed) and closes it. Prints one JSON line: { seconds, quads, replayed }.
import { EmbeddedCore } from '../../src/store/core.ts';

const start = performance.now();
const core = await EmbeddedCore.open(process.argv[2]!, { role: 'primary', validate: true });
const seconds = (performance.now() - start) / 1000;
const { quads, recovered } = core.stats();
console.log(JSON.stringify({ seconds, quads, replayed: recovered.replayed }));
core.close();
