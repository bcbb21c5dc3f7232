// Validation throughput: imagegraph's compiled SHACL engine vs plain rdf-validate-shacl, on the same generated
// image catalogues, in the same run. rdf-validate-shacl runs in a child process with its own heap, so that
// running out of memory is reported, not fatal.
// Usage: node bench/validate.ts [IMAGES...]   (default: 10000 100000)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paths } from '../src/paths.ts';
import { catalogueValidator, validateData } from '../src/validation/catalogue.ts';
import { digest, readDamaged } from './support/damaged.ts';

const REFERENCE_HEAP_MB = 20_000;
const sizes = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'imagegraph-bench-'));
const seconds = (start: number) => (performance.now() - start) / 1000;
const cli = join(paths.root, 'bin/imagegraph.js');

let start = performance.now();
const validator = await catalogueValidator();
console.log(`compiled shapes/ once in ${seconds(start).toFixed(3)} s`);
console.log(
  'images   | triples   | focus nodes | imagegraph s | nodes/s    | rdf-validate-shacl s | nodes/s  | ratio  | same results',
);
for (const images of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  const file = join(dir, `catalogue-${images}.nt`);
  const args = [
    'generate',
    '--preset',
    'catalogue',
    '--images',
    String(images),
    '--seed',
    '7',
    '--out',
    file,
  ];
  execFileSync(process.execPath, [cli, ...args], { stdio: 'ignore' });
  const data = readDamaged(file);
  start = performance.now();
  const ours = validateData(validator, data);
  const oursSeconds = seconds(start);
  const nodes = ours.checked ?? 0;
  const oursDigest = digest(ours.results);
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${REFERENCE_HEAP_MB}`,
      join(paths.root, 'bench/support/reference-validate.ts'),
      file,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const reference = child.status === 0 ? JSON.parse(child.stdout.trim().split('\n').pop()!) : undefined;
  const cells = reference
    ? [
        reference.seconds.toFixed(3).padStart(20),
        Math.round(nodes / reference.seconds)
          .toString()
          .padStart(8),
        `${(reference.seconds / oursSeconds).toFixed(1)}×`.padStart(6),
        `${reference.sha256 === oursDigest.sha256 ? 'yes' : 'NO'} (${oursDigest.count} vs ${reference.count} results)`,
      ]
    : [
        `failed: ${/heap out of memory/.test(child.stderr) || child.signal === 'SIGKILL' ? `out of memory (${REFERENCE_HEAP_MB / 1000} GB heap; ${child.signal ?? `exit ${child.status}`})` : `exit ${child.status}`}`,
        '',
        '',
        `(${oursDigest.count} results)`,
      ];
  console.log(
    [
      String(images).padEnd(8),
      String(data.length).padStart(9),
      String(nodes).padStart(11),
      oursSeconds.toFixed(3).padStart(12),
      Math.round(nodes / oursSeconds)
        .toString()
        .padStart(10),
      ...cells,
    ].join(' | '),
  );
}
rmSync(dir, { recursive: true, force: true });
