import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../src/cli/settings.ts';
import { generateFederation } from '../src/generator/federation.ts';
import { findPreset } from '../src/generator/presets.ts';
import { parseRdf, requireRdfFormat } from '../src/rdf/parse.ts';
import { type Service, startService } from '../src/server.ts';
import { defaultGraphName } from '../src/store/store.ts';

// Isolation, against the real server: a query that runs for more than 60 s must not delay other clients'
// reads and writes (p99 < 100 ms), its timeout answers clearly, and no acknowledged write is lost.
// Run on its own (npm test runs this file after the others) so that other test files do not share the CPU.

const RUNAWAY_SECONDS = 62;
const runaway = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';
const lookup = 'SELECT ?p ?o WHERE { <https://w3id.org/imagegraph/id/image/100001> ?p ?o }';

let service: Service;
beforeAll(async () => {
  const data = mkdtempSync(join(tmpdir(), 'imagegraph-runaway-'));
  const settings = {
    ...readSettings({}, {}),
    data,
    port: 0,
    openWrites: true,
    copies: 2,
    timeout: 120_000,
  };
  service = await startService({ settings, log: () => undefined });
  let text = '';
  await generateFederation({ preset: findPreset('tiny'), seed: 3 }, (chunk: string) => {
    text += chunk;
  });
  await service.store.load(parseRdf(text, requireRdfFormat('ntriples'), { where: 'tiny' }), defaultGraphName);
}, 60_000);
afterAll(() => service?.close());

const post = (body: Record<string, string>) =>
  fetch(`${service.url}/sparql`, { method: 'POST', body: new URLSearchParams(body) });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

describe('a runaway query', () => {
  it(
    `runs ${RUNAWAY_SECONDS} s while other clients' reads and writes keep p99 < 100 ms`,
    async () => {
      const started = Date.now();
      const long = post({ query: runaway, timeout: String(RUNAWAY_SECONDS) });
      const reads: number[] = [];
      const writes: number[] = [];
      const acknowledged: number[] = [];
      let done = false;
      void long.finally(() => {
        done = true;
      });
      const timed = async (into: number[], send: () => Promise<Response>) => {
        const t = performance.now();
        const res = await send();
        into.push(performance.now() - t);
        return res;
      };
      const reader = async () => {
        while (!done) {
          const res = await timed(reads, () => post({ query: lookup }));
          expect(res.status).toBe(200);
          await res.arrayBuffer();
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const writer = async () => {
        for (let n = 0; !done; n++) {
          const update = `INSERT DATA { <urn:probe:${n}> <urn:probe:n> ${n} }`;
          const res = await timed(writes, () => post({ update }));
          expect(res.status).toBe(200);
          acknowledged.push(n);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await Promise.all([reader(), reader(), writer()]);
      const res = await long;
      const elapsed = (Date.now() - started) / 1000;
      expect(res.status).toBe(503);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/longer than its 62 s time limit/);
      expect(elapsed).toBeGreaterThanOrEqual(60);
      expect(reads.length).toBeGreaterThan(500);
      expect(writes.length).toBeGreaterThan(300);
      const figures = `${reads.length} reads p50 ${percentile(reads, 50).toFixed(1)} ms p99 ${percentile(reads, 99).toFixed(1)} ms; ${writes.length} writes p50 ${percentile(writes, 50).toFixed(1)} ms p99 ${percentile(writes, 99).toFixed(1)} ms`;
      console.info(`during a ${elapsed.toFixed(1)} s runaway query: ${figures}`);
      expect({ readP99: percentile(reads, 99) < 100, writeP99: percentile(writes, 99) < 100 }).toEqual({
        readP99: true,
        writeP99: true,
      });
      // Every acknowledged write is there, on whichever replica answers.
      const count = await post({ query: 'SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:probe:n> ?o }' });
      const json = (await count.json()) as { results: { bindings: { n: { value: string } }[] } };
      expect(Number(json.results.bindings[0]!.n.value)).toBe(acknowledged.length);
    },
    (RUNAWAY_SECONDS + 60) * 1000,
  );

  it('times out as asked, clearly, and the service answers again within seconds', async () => {
    const t = performance.now();
    const res = await post({ query: runaway, timeout: '1' });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/1 s time limit/);
    expect(performance.now() - t).toBeLessThan(3000);
    const again = await post({ query: lookup });
    expect(again.status).toBe(200);
  });
});
