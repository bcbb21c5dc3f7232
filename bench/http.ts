// The HTTP service under load: `imagegraph serve` (a child process; its temporary data directory loaded with
// the medium preset by `imagegraph load`) and autocannon, 32 connections, SECONDS each: a point lookup (one
// image's properties), a three-join (image → node image → node → zone) and a one-triple update (an
// ig:functionality tag, with the write token); then, in the same run, the same three again while a runaway
// query (a cross product over the catalogue, with a long time limit) occupies a copy. Requests pick a random
// image each. Target: p99 < 100 ms while the runaway runs.
// Usage: node bench/http.ts [SECONDS]   (default 10)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hammer, type Load, line } from './support/hammer.ts';
import { startServe } from './support/service.ts';
import { timedNode } from './support/timed.ts';

const seconds = Number(process.argv[2] ?? 10);
const token = 'bench-write-token';
const ig = (local: string) => `<https://w3id.org/imagegraph/ns#${local}>`;
const dir = mkdtempSync(join(tmpdir(), 'imagegraph-bench-http-'));
const data = join(dir, 'data');
const runaway = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';

const query = (text: string) => ({ path: `/sparql?query=${encodeURIComponent(text)}` });
interface ImageLoad extends Omit<Load, 'request'> {
  readonly request: (image: string, n: number) => { path: string; body?: string };
}

const loads: readonly ImageLoad[] = [
  {
    name: 'point lookup',
    method: 'GET',
    headers: { accept: 'application/sparql-results+json' },
    request: (image) => query(`SELECT ?p ?o WHERE { <${image}> ?p ?o }`),
  },
  {
    name: 'three-join',
    method: 'GET',
    headers: { accept: 'application/sparql-results+json' },
    request: (image) =>
      query(
        `SELECT ?nodeImage ?node ?zone WHERE { ?nodeImage ${ig('ofImage')} <${image}> ; ${ig('onNode')} ?node . ` +
          `?node ${ig('inZone')} ?zone }`,
      ),
  },
  {
    name: 'one-triple update',
    method: 'POST',
    headers: { 'content-type': 'application/sparql-update', authorization: `Bearer ${token}` },
    request: (image, n) => ({
      path: '/sparql',
      body: `INSERT DATA { <${image}> ${ig('functionality')} "bench-${process.pid}-${n}" }`,
    }),
  },
];

/** LOAD for a random image of IMAGES each time. */
const onImages = (load: ImageLoad, images: readonly string[]): Load => ({
  ...load,
  request: (n) => load.request(images[Math.floor(Math.random() * images.length)]!, n),
});

const run = async (url: string, load: ImageLoad, images: readonly string[]) =>
  line(await hammer(url, onImages(load, images), 32, seconds));

try {
  const file = join(dir, 'medium.nt');
  await timedNode(['bin/imagegraph.js', 'generate', '--preset', 'medium', '--out', file]);
  const loaded = await timedNode(['bin/imagegraph.js', 'load', file, '--data', data]);
  const service = await startServe(['--data', data, '--timeout', '600'], { IMAGEGRAPH_WRITE_TOKEN: token });
  try {
    const list = await fetch(
      `${service.url}/sparql?query=${encodeURIComponent(`SELECT ?i WHERE { ?i ${ig('imageId')} ?id }`)}`,
      { headers: { accept: 'application/sparql-results+json' } },
    );
    const images = (
      (await list.json()) as { results: { bindings: { i: { value: string } }[] } }
    ).results.bindings.map((b) => b.i.value);
    console.log(
      `service: ${service.url}, medium preset (${/loaded (\d+) triples/.exec(loaded.stderr)?.[1]} triples, ` +
        `${images.length} images), 2 copies; autocannon: 32 connections, ${seconds} s per load`,
    );
    console.log('without a runaway query:');
    for (const load of loads) console.log(await run(service.url, load, images));

    const limit = Math.ceil(loads.length * (seconds + 2) + 15);
    const started = performance.now();
    const slow = fetch(`${service.url}/sparql`, {
      method: 'POST',
      body: new URLSearchParams({ query: runaway, timeout: String(limit) }),
    }).then(async (res) => ({ status: res.status, body: await res.text(), at: performance.now() - started }));
    await new Promise((r) => setTimeout(r, 500));
    console.log(`while a runaway query runs (a cross product, time limit ${limit} s) — target p99 < 100 ms:`);
    const lines: string[] = [];
    for (const load of loads) lines.push(await run(service.url, load, images));
    const measured = (performance.now() - started) / 1000;
    console.log(lines.join('\n'));
    const end = await slow;
    console.log(
      `  the runaway query answered ${end.status} after ${(end.at / 1000).toFixed(1)} s ` +
        `(the loads above ran from 0.5 s to ${measured.toFixed(1)} s): ${end.body.slice(0, 120).replace(/\s+/g, ' ')}`,
    );
  } finally {
    await service.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
