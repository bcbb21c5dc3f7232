// The REST API's overhead: `imagegraph serve` (a child process) on a generated catalogue of IMAGES images
// (the catalogue preset, loaded with `imagegraph load`), autocannon with 32 connections, SECONDS each, for
// get-one-image, list-100-filtered and create-one-image through /api, each next to the same work as raw
// SPARQL over /sparql in the same run (a CONSTRUCT of the image; a CONSTRUCT of the first 100 images of an
// OS family in imageId order; an INSERT DATA of the same statements), with the ratios.
// Requests may take up to 120 s (a list sorts every image of an OS family; lists run 6 × SECONDS); between
// loads the service is let finish what the last one queued.
// Usage: node bench/api.ts [IMAGES] [SECONDS]   (default 100000 10)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Figures, hammer, type Load, line } from './support/hammer.ts';
import { startServe } from './support/service.ts';
import { timedNode } from './support/timed.ts';

const images = Number(process.argv[2] ?? 100_000);
const seconds = Number(process.argv[3] ?? 10);
const token = 'bench-write-token';
const ID = 'https://w3id.org/imagegraph/id/';
const IG = 'https://w3id.org/imagegraph/ns#';
const dir = mkdtempSync(join(tmpdir(), 'imagegraph-bench-api-'));
const data = join(dir, 'data');

const families = ['linux', 'windows'];
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const sparql = (text: string) => `/sparql?query=${encodeURIComponent(text)}`;
const write = { authorization: `Bearer ${token}` };
/** The new image of request N: the same few statements whichever way they are sent. */
let owner = 'customer/1';
const newImage = (n: number) => ({
  imageId: `bench-${process.pid}-${n}`,
  type: 'VMImage',
  owner,
  osFamily: 'linux',
  osBits: 64,
  diskFormat: 'qcow2',
});

function pairs(ids: readonly string[]): [Load, Load][] {
  return [
    [
      {
        name: 'get one image (REST)',
        method: 'GET',
        headers: {},
        request: () => ({ path: `/api/images/${pick(ids)}` }),
      },
      {
        name: 'get one image (SPARQL)',
        method: 'GET',
        headers: { accept: 'application/n-triples' },
        request: () => ({
          path: sparql(`CONSTRUCT { ?i ?p ?o } WHERE { BIND(<${ID}image/${pick(ids)}> AS ?i) ?i ?p ?o }`),
        }),
      },
    ],
    [
      {
        name: 'list 100 filtered (REST)',
        method: 'GET',
        headers: {},
        request: () => ({ path: `/api/images?osFamily=${pick(families)}&limit=100` }),
      },
      {
        name: 'list 100 filtered (SPARQL)',
        method: 'GET',
        headers: { accept: 'application/n-triples' },
        request: () => ({
          path: sparql(
            `CONSTRUCT { ?i ?p ?o } WHERE { { SELECT ?i WHERE { ?i <${IG}osFamily> <${IG.replace('#', '/os#')}${pick(families)}> ; ` +
              `<${IG}imageId> ?id } ORDER BY ?id LIMIT 100 } ?i ?p ?o }`,
          ),
        }),
      },
    ],
    [
      {
        name: 'create one image (REST)',
        method: 'POST',
        headers: { ...write, 'content-type': 'application/json' },
        request: (n) => ({ path: '/api/images', body: JSON.stringify(newImage(n)) }),
      },
      {
        name: 'create one image (SPARQL)',
        method: 'POST',
        headers: { ...write, 'content-type': 'application/sparql-update' },
        request: (n) => {
          const m = newImage(n + 1_000_000);
          const s = `<${ID}image/${m.imageId}>`;
          return {
            path: '/sparql',
            body:
              `INSERT DATA { ${s} a <${IG}VMImage> ; <${IG}imageId> "${m.imageId}" ; <${IG}owner> <${ID}${m.owner}> ; ` +
              `<${IG}osFamily> <${IG.replace('#', '/os#')}linux> ; <${IG}osBits> 64 ; <${IG}diskFormat> <${IG.replace('#', '/format#')}qcow2> }`,
          };
        },
      },
    ],
  ];
}

/** Waits until the service answers a trivial query at once: what the last load left queued has run. */
async function settle(url: string): Promise<void> {
  for (;;) {
    const started = performance.now();
    await fetch(`${url}/sparql?query=${encodeURIComponent('ASK {}')}`);
    if (performance.now() - started < 50) return;
  }
}

const ratio = (rest: Figures, raw: Figures) =>
  `  REST / SPARQL: throughput ${(rest.rate / raw.rate).toFixed(2)}×, p50 ${(rest.p50 / Math.max(raw.p50, 1)).toFixed(2)}×, p99 ${(rest.p99 / Math.max(raw.p99, 1)).toFixed(2)}×`;

try {
  const file = join(dir, 'catalogue.nt');
  const generated = await timedNode([
    'bin/imagegraph.js',
    'generate',
    '--preset',
    'catalogue',
    '--images',
    String(images),
    '--out',
    file,
  ]);
  await timedNode(['bin/imagegraph.js', 'load', file, '--data', data]);
  rmSync(file);
  const service = await startServe(['--data', data], { IMAGEGRAPH_WRITE_TOKEN: token });
  try {
    const ids = Array.from({ length: Math.min(images, 1000) }, (_, i) => String(100_001 + i));
    const probe = await fetch(`${service.url}/api/images/${ids[0]}`);
    if (probe.status !== 200) throw new Error(`the catalogue has no image ${ids[0]}: ${probe.status}`);
    owner = ((await probe.json()) as { owner: string }).owner;
    console.log(
      `${generated.stderr.trim()}\nservice ${service.url}, 2 copies; autocannon: 32 connections, ${seconds} s per load`,
    );
    for (const [rest, raw] of pairs(ids)) {
      // A list sorts thousands of images (about a second each at 100k): it gets six times as long, so that
      // many complete beyond the 32 that start together.
      const duration = rest.name.startsWith('list') ? 6 * seconds : seconds;
      const a = await hammer(service.url, rest, 32, duration, 120);
      await settle(service.url);
      const b = await hammer(service.url, raw, 32, duration, 120);
      await settle(service.url);
      console.log(`${line(a)}\n${line(b)}\n${ratio(a, b)}`);
    }
  } finally {
    await service.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
