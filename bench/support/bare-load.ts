// Child process of bench/load.ts: the bare baseline, Oxigraph's Store.load of one N-Triples file in a fresh
// process, nothing else. Prints one JSON line: { triples, seconds } (seconds from reading the file to loaded).
import { readFileSync } from 'node:fs';
import { Store } from 'oxigraph';

const start = performance.now();
const bytes = readFileSync(process.argv[2]!);
const store = new Store();
store.load(bytes, { format: 'application/n-triples' });
console.log(JSON.stringify({ triples: store.size, seconds: (performance.now() - start) / 1000 }));
