import { spawn } from 'node:child_process';
import { paths } from '../../src/paths.ts';

export interface TimedRun {
  /** Wall-clock seconds from spawning the process to its exit. */
  readonly seconds: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node ARGS…` (the project's Node) from the project root and times it; a failure throws with stderr. */
export function timedNode(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<TimedRun> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { cwd: paths.root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      if (code === 0) resolve({ seconds, stdout, stderr });
      else reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr}`));
    });
  });
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
