import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `imagegraph ARGS…` in process and captures what it prints. */
export async function runCli(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  };
  const code = await main(args, io);
  return { code, out, err };
}

/** Writes FILES (name → content) into a fresh temporary folder and returns a path maker. */
export function tempFiles(files: Record<string, string>): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'imagegraph-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return (name) => join(dir, name);
}
