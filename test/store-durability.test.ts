import { describe, expect, it } from 'vitest';
import { durabilityRuns } from './support/durability.ts';
import { tempDir } from './support/store.ts';

describe('durability against SIGKILL', () => {
  it('every acknowledged write survives, and no write is ever half there (24 kills of a real child process)', async () => {
    const rounds: string[] = [];
    const summary = await durabilityRuns(
      tempDir(),
      { rounds: 24, seed: 7, maxDelayMs: 250, journalLimitBytes: 64 * 1024 },
      (r) => rounds.push(`${r.acknowledged}/${r.sequence}`),
    );
    expect(summary.rounds).toBe(24);
    expect(summary.recovered).toBeGreaterThanOrEqual(summary.acknowledged);
    expect(summary.acknowledged).toBeGreaterThan(24);
  }, 120_000);
});
