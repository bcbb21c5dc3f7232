import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { streamFor } from '../../src/generator/random.ts';
import { defaultGraph, literal, namedNode, quad } from '../../src/rdf/terms.ts';
import { EmbeddedCore } from '../../src/store/core.ts';
import { dataFiles } from '../../src/store/data-dir.ts';
import { temporary } from '../../src/store/durable.ts';
import type { GraphName } from '../../src/store/store.ts';

const WRITE = 'urn:durability:write/';
const writerScript = fileURLToPath(new URL('./durability-child.ts', import.meta.url));

/** How many quads write N inserts: a few, and every tenth a larger batch that takes longer to write. */
export const sizeOf = (n: number): number => (n % 10 === 0 ? 200 : 1 + (n % 4));

/** Write N of the durability runs: sizeOf(N) quads about urn:durability:write/N, in one of three graphs. */
export function durabilityWrite(n: number): { graph: GraphName; quads: Quad[] } {
  const graph: GraphName =
    n % 3 === 0 ? { kind: 'default' } : { kind: 'named', iri: `urn:durability:graph/${n % 3}` };
  const subject = namedNode(`${WRITE}${n}`);
  const quads = Array.from({ length: sizeOf(n) }, (_, i) =>
    quad(subject, namedNode(`urn:durability:part/${i}`), literal(`${n}.${i}`), defaultGraph()),
  );
  return { graph, quads };
}

interface Writer {
  readonly child: ChildProcess;
  /** Settles when the child has exited: with the signal that stopped it, or the code it exited with. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/**
 * Starts the child that writes into DIR, collecting the numbers it prints into ACKED; resolves at once (EARLY:
 * it may still be recovering the directory) or once it has acknowledged its first write.
 */
async function startWriter(dir: string, limit: number, acked: number[], early: boolean): Promise<Writer> {
  const child = spawn(process.execPath, [writerScript, dir, String(limit)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal, stderr }));
  const writer = { child, exited };
  let pending = '';
  const first = acked.length;
  return new Promise((resolve, reject) => {
    if (early) resolve(writer);
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) acked.push(Number(line));
      if (acked.length > first) resolve(writer);
    });
    void exited.then(({ code }) => reject(new Error(`the durability writer exited (${code}): ${stderr}`)));
  });
}

export interface Round {
  /** The highest write number the child printed, i.e. saw acknowledged, before it was killed. */
  readonly acknowledged: number;
  /** The write number the reopened store ends at. */
  readonly sequence: number;
  /** Bytes of a torn last record recovery cut off. */
  readonly tornBytes: number;
  /** Whether the kill hit a snapshot (.tmp files were left). */
  readonly duringSnapshot: boolean;
}

export interface Kill {
  readonly delayMs: number;
  /** Counted from the child's start (it may die while it recovers) rather than from its first write. */
  readonly early: boolean;
}

/**
 * One round: a child writes into DIR until SIGKILL at KILL's moment; then DIR is reopened and checked: every
 * write up to the one it ends at is whole, none is there after it, and it ends at or after every write
 * acknowledged, in this round or before (ACKNOWLEDGED). Throws when that does not hold.
 */
export async function killAndCheck(
  dir: string,
  kill: Kill,
  journalLimitBytes: number,
  acknowledged = 0,
): Promise<Round> {
  const acked: number[] = [acknowledged];
  const writer = await startWriter(dir, journalLimitBytes, acked, kill.early);
  await new Promise((resolve) => setTimeout(resolve, kill.delayMs));
  writer.child.kill('SIGKILL');
  const { code, signal, stderr } = await writer.exited;
  if (signal !== 'SIGKILL') throw new Error(`the durability writer stopped by itself (${code}): ${stderr}`);
  const files = dataFiles(dir);
  const duringSnapshot = [files.snapshot, files.snapshotMeta, files.journal].some((f) =>
    existsSync(temporary(f)),
  );
  const core = await EmbeddedCore.open(dir, { role: 'primary', validate: false });
  try {
    const { sequence, recovered } = core.stats();
    const highest = Math.max(...acked);
    checkWrites(core, sequence, highest);
    return { acknowledged: highest, sequence, tornBytes: recovered.tornBytes, duringSnapshot };
  } finally {
    core.close();
  }
}

/** Every write up to SEQUENCE is there whole, none after it, and SEQUENCE covers every ACKNOWLEDGED write. */
function checkWrites(core: EmbeddedCore, sequence: number, acknowledged: number): void {
  const query = `SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), "${WRITE}")) } GROUP BY ?s`;
  const rows = core
    .query(query, { format: 'text/csv', timeoutMs: 60_000, maxResultBytes: 1e9 })
    .body.split('\r\n');
  const present = new Map(
    rows
      .slice(1, -1)
      .map((row) => row.split(','))
      .map(([s, n]) => [Number(s!.slice(WRITE.length)), Number(n)]),
  );
  if (acknowledged > sequence)
    throw new Error(`write ${acknowledged} was acknowledged but the store ends at ${sequence}`);
  for (let n = 1; n <= sequence; n++) {
    if (present.get(n) !== sizeOf(n)) {
      throw new Error(`write ${n} has ${present.get(n) ?? 0} of its ${sizeOf(n)} quads after recovery`);
    }
  }
  if (present.size !== sequence)
    throw new Error(`${present.size - sequence} writes after write ${sequence} are there`);
}

export interface Summary {
  readonly rounds: number;
  readonly acknowledged: number;
  readonly recovered: number;
  readonly tornTails: number;
  readonly duringSnapshot: number;
  /** Kills timed from the child's start: some land while it recovers the directory. */
  readonly early: number;
}

/** ROUNDS kill-and-check rounds on DIR, with kill moments drawn from SEED (one in four timed from the start). */
export async function durabilityRuns(
  dir: string,
  options: { rounds: number; seed: number; maxDelayMs: number; journalLimitBytes: number },
  onRound: (round: Round, index: number) => void = () => {},
): Promise<Summary> {
  const random = streamFor(options.seed, 'durability');
  let [tornTails, duringSnapshot, early, last] = [0, 0, 0, { acknowledged: 0, sequence: 0 }];
  for (let i = 0; i < options.rounds; i++) {
    const kill = { early: random.chance(0.25), delayMs: random.int(0, options.maxDelayMs) };
    const round = await killAndCheck(dir, kill, options.journalLimitBytes, last.acknowledged);
    if (round.tornBytes > 0) tornTails++;
    if (round.duringSnapshot) duringSnapshot++;
    if (kill.early) early++;
    last = round;
    onRound(round, i);
  }
  const { acknowledged, sequence } = last;
  return { rounds: options.rounds, acknowledged, recovered: sequence, tornTails, duringSnapshot, early };
}
